"""One consultation question at a time: add, change its number or wording, remove."""
from flask import flash, redirect, render_template, request, url_for

from forum.access import allow
from forum.extensions import db
from forum.forms.consultations import QuestionForm
from forum.forms.fields import add_error
from forum.models import Consultation, Question
from forum.services.consultation_questions import (
    QuestionEditError,
    question_links,
    remove_question,
    save_question,
)
from forum.views.consultations import MANAGE, bp
from forum.views.lookup import owned_or_404


def _form_page(consultation, question, form):
    form.set_sections(consultation.sections)
    if form.validate_on_submit():
        try:
            saved = save_question(consultation, question, form.number.data, form.text.data,
                                  form.section_id.data or None)
        except QuestionEditError as error:
            add_error(form.number, str(error))
        else:
            flash(f"{saved.label} saved.")
            return redirect(url_for("consultations.show", consultation_id=consultation.id)
                            + f"#question-{saved.id}")
    return render_template("forum/consultations/question.html", form=form,
                           consultation=consultation, question=question)


@bp.route("/<int:consultation_id>/questions/new", methods=["GET", "POST"])
@allow(*MANAGE)
def add_question(consultation_id):
    """Add one question to a consultation."""
    consultation = db.get_or_404(Consultation, consultation_id)
    section = request.args.get("section", 0, type=int)
    return _form_page(consultation, None, QuestionForm(data={"section_id": section}))


@bp.route("/<int:consultation_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
@allow(*MANAGE)
def edit_question(consultation_id, question_id):
    """Change one question's number, wording or section; its links stay."""
    consultation = db.get_or_404(Consultation, consultation_id)
    question = owned_or_404(Question, question_id, consultation_id=consultation_id)
    form = QuestionForm(data={"number": question.number, "text": question.text,
                              "section_id": question.section_id or 0})
    return _form_page(consultation, question, form)


@bp.route("/<int:consultation_id>/questions/<int:question_id>/remove", methods=["GET", "POST"])
@allow(*MANAGE)
def remove_question_page(consultation_id, question_id):
    """Ask before removing one question, saying what is linked to it."""
    consultation = db.get_or_404(Consultation, consultation_id)
    question = owned_or_404(Question, question_id, consultation_id=consultation_id)
    if request.method == "POST":
        label = question.label
        remove_question(question)
        flash(f"{label} removed.")
        return redirect(url_for("consultations.show", consultation_id=consultation.id))
    return render_template("forum/consultations/remove_question.html", consultation=consultation,
                           question=question, links=question_links(question))
