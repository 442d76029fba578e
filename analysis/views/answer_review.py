"""Facilitators check machine-redacted survey answers before analysis or quoting uses them."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.services import answer_review as service
from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation, Segment

bp = Blueprint("answer_review", __name__, template_folder="templates")

CHECKERS = (Role.ADMIN, Role.FACILITATOR)


def _originals(consultation_id: int) -> dict[tuple[str, int], str]:
    from surveys.services import free_text_answers

    return {(a.source, a.answer_id): a.text for a in free_text_answers(consultation_id)}


def _render(consultation, errors=None, typed=None, status=200):
    from surveys.services import answer_places

    items = service.answers_to_check(consultation.id, _originals(consultation.id))
    from forum.models.safeguarding import OUTCOMES

    return render_template("answers/review.html", consultation=consultation, items=items,
                           places=answer_places(consultation.id), form=ConfirmForm(),
                           errors=errors or {}, typed=typed or {}, outcomes=OUTCOMES,
                           review_typed=request.form if request.method == "POST" else {}), status


@bp.route("/consultations/<int:consultation_id>/answers/review")
@allow(*CHECKERS)
def review(consultation_id):
    """List survey answers whose automatic redaction waits for a person to check it."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return _render(consultation)


@bp.route("/consultations/<int:consultation_id>/answers/<int:segment_id>/review", methods=["POST"])
@allow(*CHECKERS)
def decide(consultation_id, segment_id):
    """Approve one answer's checked text, or leave it out of analysis."""
    consultation = db.get_or_404(Consultation, consultation_id)
    segment = db.session.get(Segment, segment_id)
    if segment is None or segment.consultation_id != consultation.id or not segment.needs_review:
        flash("That answer has already been checked.")
        return redirect(url_for(".review", consultation_id=consultation.id))
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if request.form.get("action") == "leave_out":
        service.leave_out(segment, current_user)
        flash("The answer was left out of analysis and quoting.")
    else:
        text = request.form.get("text", "")
        original = next((item.original for item in service.answers_to_check(
            consultation.id, _originals(consultation.id)) if item.segment.id == segment.id), None)
        try:
            told = service.approve_answer(
                segment, text, current_user, request.form.get("outcome", ""),
                request.form.get("note", ""), request.remote_addr, original=original)
        except service.ReviewError as error:
            db.session.rollback()
            return _render(consultation, {segment.id: str(error)}, {segment.id: text}, 400)
        flash(" ".join(["The answer was checked and can now be analysed.", *told]))
    return redirect(url_for(".review", consultation_id=consultation.id) + "#answers")
