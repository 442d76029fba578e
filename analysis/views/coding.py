"""The deductive coding matrix: sources x codes, the matching passages, confirm or reject."""
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from analysis.models import CodebookEntry, Decision
from analysis.services import coding as service
from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation, Segment
from forum.services import audit
from forum.services.segments import quotable_segments
from forum.views.lookup import owned_or_404

bp = Blueprint("coding", __name__, template_folder="templates",
               url_prefix="/consultations/<int:consultation_id>")
CODE = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)
STATE_TEXT = {"confirmed": "Confirmed", "unreviewed": "To check", "rejected": "All rejected",
              "none": "No matches"}


@bp.context_processor
def _decisions() -> dict:
    return {"Decision": Decision}


@bp.route("/coding")
@allow(*CODE)
def matrix(consultation_id):
    """Which codes each source covers, how often, and what people have checked."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return render_template("coding/matrix.html", consultation=consultation,
                           matrix=service.coding_matrix(consultation.id), states=STATE_TEXT)


@bp.route("/coding/<int:entry_id>/<source>")
@allow(*CODE)
def cell(consultation_id, entry_id, source):
    """One cell: the passages that matched, terms highlighted, to confirm or reject."""
    consultation = db.get_or_404(Consultation, consultation_id)
    entry = owned_or_404(CodebookEntry, entry_id, consultation_id=consultation_id)
    found = service.coding_matrix(consultation.id, only_source=source)
    if (source, entry.id) not in found.cells:
        abort(404)
    from analysis.core.themes.highlight import find_term_spans, split_highlights
    from analysis.core.themes.words import SimpleWordAnalyser
    from analysis.services.codebook import consultation_codebook

    code = next(c for c in consultation_codebook(consultation.id).codes if c.name == entry.name)
    analyser = SimpleWordAnalyser()
    highlighted = {
        m.segment.id: highlight(
            split_highlights(m.segment.text, find_term_spans(m.segment.text, code, analyser)))
                   for m in found.cell(source, entry.id).matches}
    return render_template("coding/cell.html", consultation=consultation, entry=entry,
                           cell=found.cell(source, entry.id), highlighted=highlighted,
                           form=ConfirmForm(), source=source,
                           quotable={s.id for s in quotable_segments(consultation.id)})


def highlight(pieces: list[tuple[str, str | None]]) -> Markup:
    """Join text pieces into HTML, each piece escaped, matched ones marked."""
    return Markup("").join(
        Markup('<mark class="fv-match" title="matched {}">{}</mark>').format(term, piece) if term
        else escape(piece) for piece, term in pieces)


@bp.route("/coding/<int:entry_id>/decide", methods=["POST"])
@allow(*CODE)
def decide(consultation_id, entry_id):
    """Confirm or reject one match, or mark it to check again."""
    entry = owned_or_404(CodebookEntry, entry_id, consultation_id=consultation_id)
    segment = owned_or_404(Segment, request.form.get("segment_id", type=int) or 0,
                           consultation_id=consultation_id)
    choice = request.form.get("decision", "")
    if ConfirmForm().validate_on_submit() and choice in ("confirmed", "rejected", "clear"):
        service.decide(entry, segment, None if choice == "clear" else Decision(choice),
                       current_user)
    source = request.form.get("source", "")
    if not source:
        return redirect(url_for("coding.matrix", consultation_id=consultation_id))
    return redirect(url_for("coding.cell", consultation_id=consultation_id, entry_id=entry.id,
                            source=source) + f"#passage-{segment.id}")


def _csv(text: str, name: str, consultation: Consultation) -> Response:
    audit.record("exported", current_user, consultation, ip=request.remote_addr, what=name,
                 format="csv")
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="consultation-{consultation.id}-{name}.csv"'})


@bp.route("/coding.csv")
@allow(*CODE)
def matrix_csv(consultation_id):
    """The matrix as CSV: one row per source and code."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return _csv(service.matrix_csv(service.coding_matrix(consultation.id)), "coding-matrix",
                consultation)


@bp.route("/coding-passages.csv")
@allow(*CODE)
def passages_csv(consultation_id):
    """Every matching passage as CSV (long format), members' words only where quotable."""
    consultation = db.get_or_404(Consultation, consultation_id)
    quotable = {s.id for s in quotable_segments(consultation.id)}
    return _csv(service.passages_csv(service.coding_matrix(consultation.id), quotable),
                "coding-passages", consultation)
