"""Consultations: list, create, edit, and the consultation page."""
from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for

from forum.access import ALL_STAFF, Role, allow
from forum.extensions import db
from forum.forms.consultations import ConsultationForm
from forum.models import Consultation, ConsultationStatus
from forum.services import consultations as service
from forum.services.questions import format_questions

bp = Blueprint("consultations", __name__, url_prefix="/consultations")

MANAGE = (Role.ADMIN, Role.POLICY_OFFICER)


def _consultation_or_404(consultation_id: int) -> Consultation:
    return db.session.get(Consultation, consultation_id) or abort(404)


@bp.route("/")
@allow(*ALL_STAFF)
def index():
    """All consultations, soonest deadline first."""
    return render_template("forum/consultations/index.html",
                           consultations=service.list_consultations(), today=date.today())


def _save(consultation: Consultation, form: ConsultationForm, is_new: bool):
    if form.validate_on_submit():
        consultation.title = form.title.data.strip()
        consultation.consulting_body = form.consulting_body.data.strip()
        consultation.deadline = form.deadline.data
        consultation.link = form.link.data or None
        consultation.status = ConsultationStatus(form.status.data)
        service.save_consultation(consultation, form.parsed_questions)
        flash(f"Consultation saved with {len(form.parsed_questions)} questions.")
        return redirect(url_for("consultations.show", consultation_id=consultation.id))
    return render_template("forum/consultations/edit.html", form=form,
                           consultation=consultation, is_new=is_new)


@bp.route("/new", methods=["GET", "POST"])
@allow(*MANAGE)
def new():
    """Create a consultation by pasting its numbered questions."""
    return _save(Consultation(), ConsultationForm(), is_new=True)


@bp.route("/<int:consultation_id>/edit", methods=["GET", "POST"])
@allow(*MANAGE)
def edit(consultation_id):
    """Edit a consultation and its questions."""
    consultation = _consultation_or_404(consultation_id)
    form = ConsultationForm(obj=consultation, status=consultation.status.value,
                            questions=format_questions(consultation.questions))
    return _save(consultation, form, is_new=False)


@bp.route("/<int:consultation_id>")
@allow(*ALL_STAFF)
def show(consultation_id):
    """A consultation's questions, sources, counts and days to the deadline."""
    consultation = _consultation_or_404(consultation_id)
    figures = service.consultation_figures(consultation, date.today())
    return render_template("forum/consultations/show.html", consultation=consultation,
                           figures=figures, sources=service.consultation_sources(
                               consultation, current_app.extensions.get(service.SOURCE_PROVIDERS_KEY, [])))
