"""Deleting a survey question, asked first: one tap on "Delete", beside "Move down", took it
out at once and quietly dropped the skip logic of the questions shown after it."""
from flask import abort, flash, redirect, render_template, request, url_for

from forum.access import allow
from forum.extensions import db
from surveys.forms.builder import ConfirmForm
from surveys.models import Survey, SurveyQuestion
from surveys.services import questions as question_service
from surveys.services.surveys import editable_question
from surveys.views import bp
from surveys.views.builder import BUILD


@bp.route("/<int:survey_id>/questions/<int:question_id>/delete", methods=["GET", "POST"])
@allow(*BUILD)
def delete_question(survey_id, question_id):
    """Ask, then take a question out of the draft version (a published one stays as it is)."""
    survey = db.get_or_404(Survey, survey_id)
    if request.method == "POST":
        if ConfirmForm().validate_on_submit():
            question_service.delete_question(editable_question(survey, question_id) or abort(404))
            flash("Question deleted.")
        return redirect(url_for("surveys.show", survey_id=survey.id))
    # Asking changes nothing: editable_question would start a new draft version.
    question = db.session.get(SurveyQuestion, question_id)
    if question is None or question.survey_id != survey.id:
        abort(404)
    shown_after = [q for q in question.version.questions if q.show_if_question_id == question.id]
    return render_template("surveys/builder/delete_question.html", survey=survey,
                           question=question, shown_after=shown_after, form=ConfirmForm())
