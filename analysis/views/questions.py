"""Question mapping: which question each segment answers, how sure the app is, and teaching it."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.services import question_map as service
from analysis.views.segment_info import describe
from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation, Segment
from forum.views.lookup import owned_or_404

bp = Blueprint("questions", __name__, template_folder="templates",
               url_prefix="/consultations/<int:consultation_id>/question-mapping")
ANALYSE = (Role.ADMIN, Role.POLICY_OFFICER)
SOURCE_TEXT = {"person": "Confirmed", "learned": "Learned from examples", "model": "Suggested",
               "none": "No question"}
NO_QUESTION = "none"  # the choice, and the page, of segments answering none of the questions

# Short, as banners are; the page says why the number to check can go up (_relearn.html).
RELEARN = "The other segments are being checked again with what the app learned."

@bp.route("")
@allow(*ANALYSE)
def index(consultation_id):
    """Each question with its segments, examples and mappings to check."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return render_template("questions/index.html", consultation=consultation,
                           questions=list(consultation.questions),
                           counts=service.mapping_counts(consultation.id),
                           check_below=service.CHECK_BELOW)


@bp.route("/<question>")
@allow(*ANALYSE)
def show(consultation_id, question):
    """One question's segments (or those with no question), most confident first."""
    consultation = db.get_or_404(Consultation, consultation_id)
    questions = list(consultation.questions)
    if question == NO_QUESTION:
        chosen, rows = None, [q for q in service.question_of(consultation.id).values()
                              if q.question_id is None]
    else:
        chosen = next((q for q in questions if str(q.id) == question), None) or abort(404)
        rows = service.segments_for_question(consultation.id, chosen.id)
    only_check = request.args.get("check") == "1"
    if only_check:
        rows = [r for r in rows if r.check]
    views = {v.segment.id: v for v in describe([r.segment for r in rows])}
    return render_template("questions/show.html", consultation=consultation, question=chosen,
                           questions=questions, rows=rows, views=views, only_check=only_check,
                           sources=SOURCE_TEXT, form=ConfirmForm(),
                           counts=service.mapping_counts(consultation.id))


@bp.route("/confirm", methods=["POST"])
@allow(*ANALYSE)
def confirm(consultation_id):
    """Confirm a segment's question, or correct it to another."""
    consultation = db.get_or_404(Consultation, consultation_id)
    segment = owned_or_404(Segment, request.form.get("segment_id", type=int) or 0,
                           consultation_id=consultation.id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    choice = request.form.get("question_id", "")
    known = {str(q.id): q for q in list(consultation.questions)}
    if choice == NO_QUESTION:
        service.confirm_question(segment, None, current_user)
        flash(f"Saved: this segment answers none of the questions. {RELEARN}", "success")
    elif choice not in known:
        flash("Choose one of this consultation's questions.", "error")
    else:
        service.confirm_question(segment, known[choice].id, current_user)
        flash(f"Saved: this segment answers {known[choice].label}. {RELEARN}", "success")
    back = request.form.get("back", "")
    target = back if back in {str(q) for q in known} | {NO_QUESTION} else NO_QUESTION
    # Back to the list it came from: "the ones to check" stays that list.
    check = 1 if request.form.get("check") == "1" else None  # None leaves it out of the URL
    return redirect(url_for("questions.show", consultation_id=consultation.id, question=target,
                            check=check) + f"#segment-{segment.id}")
