"""Check the themes yourself: blind coding of a random sample, then figures and disagreements."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.models import AgreementSample, Theme
from analysis.services import agreement as service
from analysis.services.agreement_report import reported_sample, too_few_left, too_few_sentence
from analysis.services.question_map import confirm_question
from analysis.services.theme_store import consultation_themes
from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation, Segment, User
from forum.views.lookup import owned_or_404

bp = Blueprint("agreement", __name__, template_folder="templates",
               url_prefix="/consultations/<int:consultation_id>/agreement")
ANALYSE = (Role.ADMIN, Role.POLICY_OFFICER)


@bp.route("")
@allow(*ANALYSE)
def index(consultation_id):
    """The blind samples of this consultation and how far each is coded."""
    consultation = db.get_or_404(Consultation, consultation_id)
    samples = list(db.session.scalars(db.select(AgreementSample).where(
        AgreementSample.consultation_id == consultation.id).order_by(AgreementSample.id.desc())))
    counts = {s.id: service.progress(s, current_user.id) for s in samples}
    reported = reported_sample(consultation.id)
    short = too_few_left(consultation.id)
    return render_template("agreement/index.html", consultation=consultation, samples=samples,
                           counts=counts, form=ConfirmForm(), size=service.MIN_SAMPLE,
                           short=short[0] if short else None,
                           shortfall=too_few_sentence(short[1]) if short else "",
                           reported=reported[0] if reported else None,
                           reported_coder=db.session.get(User, reported[1]) if reported else None)


@bp.route("", methods=["POST"])
@allow(*ANALYSE)
def draw(consultation_id):
    """Draw a new random sample to code blind."""
    consultation = db.get_or_404(Consultation, consultation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        sample = service.draw_sample(consultation.id, current_user,
                                     practice=request.form.get("practice") == "1")
    except service.SampleTooSmall as error:
        flash(str(error), "error")
        return redirect(url_for("agreement.index", consultation_id=consultation.id))
    return redirect(url_for("agreement.code", consultation_id=consultation.id, sample_id=sample.id))


@bp.route("/<int:sample_id>/code", methods=["GET", "POST"])
@allow(*ANALYSE)
def code(consultation_id, sample_id):
    """Code the next segment of a sample: its themes and question, without the app's."""
    consultation = db.get_or_404(Consultation, consultation_id)
    sample = owned_or_404(AgreementSample, sample_id, consultation_id=consultation.id)
    themes = consultation_themes(consultation.id)
    questions = list(consultation.questions)
    error, ticked = None, set()
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit():
            abort(400)
        segment_id = request.form.get("segment_id", type=int) or 0
        if segment_id not in {i.segment_id for i in service.live_items(sample)}:
            abort(404)
        theme_ids = {t.id for t in themes}
        chosen = [int(x) for x in request.form.getlist("themes") if x.isdigit()
                  and int(x) in theme_ids]
        question = request.form.get("question", "")
        question_ids = {str(q.id): q.id for q in questions}
        if question in question_ids or question == "none":
            service.save_code(sample, segment_id, current_user, question_ids.get(question), chosen)
            # A page of its own for the next segment: Back and reload never send this again.
            return redirect(request.path)
        # The same segment again, with the themes ticked kept.
        error, ticked = "Choose the question this segment answers, or 'None of these'", set(chosen)
    item = service.next_item(sample, current_user.id)
    if item is None:
        return redirect(
            url_for("agreement.result", consultation_id=consultation.id, sample_id=sample.id))
    coded, total = service.progress(sample, current_user.id)
    return render_template("agreement/code.html", consultation=consultation, sample=sample,
                           item=item, themes=themes, questions=questions, coded=coded, total=total,
                           form=ConfirmForm(), error=error, ticked=ticked), 400 if error else 200


@bp.route("/<int:sample_id>")
@allow(*ANALYSE)
def result(consultation_id, sample_id):
    """Agreement between your blind coding and the app's, and with other coders."""
    consultation = db.get_or_404(Consultation, consultation_id)
    sample = owned_or_404(AgreementSample, sample_id, consultation_id=consultation.id)
    if service.next_item(sample, current_user.id) is not None:
        # Figures and the app's coding stay hidden until the whole sample is coded blind.
        flash("Finish coding the sample first: the app's coding stays hidden until you have.",
              "error")
        return redirect(
            url_for("agreement.code", consultation_id=consultation.id, sample_id=sample.id))
    return render_template("agreement/result.html", consultation=consultation, sample=sample,
                           result=service.sample_result(sample, current_user.id),
                           form=ConfirmForm())


def _posted_sample(consultation_id: int, sample_id: int):
    """The consultation and its sample for a form posted about it (404, or 400 without CSRF)."""
    consultation = db.get_or_404(Consultation, consultation_id)
    sample = owned_or_404(AgreementSample, sample_id, consultation_id=consultation.id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return consultation, sample


@bp.route("/<int:sample_id>/practice", methods=["POST"])
@allow(*ANALYSE)
def practice(consultation_id, sample_id):
    """Mark a sample as practice (the response never reports it), or count it again."""
    consultation, sample = _posted_sample(consultation_id, sample_id)
    service.mark_practice(sample, request.form.get("practice") == "1", current_user)
    said = ("practice: the response will not report it" if sample.practice
            else "counted: the response reports it when it is the latest coded in full")
    flash(f"Sample {sample.id} is {said}.", "success")
    return redirect(url_for("agreement.index", consultation_id=consultation.id))


@bp.route("/<int:sample_id>/delete", methods=["GET", "POST"])
@allow(*ANALYSE)
def delete(consultation_id, sample_id):
    """Ask, then delete a sample (a practice one, say), so the response never reports it."""
    if request.method == "GET":
        consultation = db.get_or_404(Consultation, consultation_id)
        sample = owned_or_404(AgreementSample, sample_id, consultation_id=consultation.id)
        return render_template("agreement/delete.html", consultation=consultation,
                               sample=sample, form=ConfirmForm())
    consultation, sample = _posted_sample(consultation_id, sample_id)
    service.delete_sample(sample, current_user)
    flash(f"Sample {sample_id} and its coding are deleted: the response will not report it.",
          "success")
    return redirect(url_for("agreement.index", consultation_id=consultation.id))


@bp.route("/<int:sample_id>/fix", methods=["POST"])
@allow(*ANALYSE)
def fix(consultation_id, sample_id):
    """Take your choice for a disagreement: the segment's question, or a theme to move it to."""
    from analysis.services import theme_edits

    consultation, sample = _posted_sample(consultation_id, sample_id)
    segment = db.session.get(Segment, request.form.get("segment_id", type=int) or 0)
    mine = service.codes_of(sample, current_user.id).get(segment.id if segment else 0)
    if segment is None or mine is None:
        abort(404)
    if request.form.get("what") == "question":
        confirm_question(segment, mine.question_id, current_user)  # None: answers none of them
        flash("The segment's question is now yours." if mine.question_id is not None
              else "The segment now answers none of the questions, as you chose.", "success")
    elif request.form.get("what") == "theme":
        theme = db.session.get(Theme, request.form.get("theme_id", type=int) or 0)
        if (theme is None or theme.id not in mine.theme_ids
                or theme.consultation_id != consultation.id):
            abort(404)
        try:
            theme_edits.move_segment(consultation.id, segment.id, theme, current_user)
            flash(f"Moved the segment to “{theme.label}”.", "success")
        except theme_edits.EditError as error:
            flash(str(error), "error")
    return redirect(
        url_for("agreement.result", consultation_id=consultation.id, sample_id=sample.id)
                    + "#disagreements")
