"""Consultations: list, create, edit, and the consultation page."""
from datetime import date
from itertools import groupby

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from forum.access import ALL_STAFF, Role, allow
from forum.extensions import db
from forum.forms.consultations import ConsultationForm
from forum.models import Consultation, ConsultationStatus
from forum.services import audit
from forum.services import consultations as service
from forum.services.actions import actions_for
from forum.services.consultation_questions import question_groups, question_heading, question_links
from forum.services.questions import format_questions

bp = Blueprint("consultations", __name__, url_prefix="/consultations")

MANAGE = (Role.ADMIN, Role.POLICY_OFFICER)


@bp.route("/")
@allow(*ALL_STAFF)
def index():
    """All consultations, soonest deadline first."""
    return render_template("forum/consultations/index.html",
                           consultations=service.list_consultations(), today=date.today())


def _removed(consultation: Consultation, parsed) -> list[tuple]:
    """Saved questions a pasted list leaves out, with what is linked to each."""
    kept = {item.number for item in parsed}
    return [(q, question_links(q)) for q in consultation.questions
            if q.id is not None and q.number not in kept]


def _save(consultation: Consultation, form: ConsultationForm, is_new: bool):
    if form.preview.data and form.validate_on_submit():
        return render_template("forum/consultations/edit.html", form=form,
                               consultation=consultation, is_new=is_new,
                               preview=[(heading, list(items)) for heading, items in
                                        groupby(form.parsed_questions, key=lambda q: q.section)],
                               removed=_removed(consultation, form.parsed_questions))
    if form.validate_on_submit():
        consultation.title = (form.title.data or "").strip()
        consultation.consulting_body = (form.consulting_body.data or "").strip()
        consultation.deadline = form.deadline.data
        consultation.link = form.link.data or None
        consultation.status = ConsultationStatus(form.status.data)
        service.save_consultation(consultation, form.parsed_questions)
        audit.record("consultation_created" if is_new else "consultation_changed", current_user,
                     consultation, ip=request.remote_addr, questions=len(form.parsed_questions))
        flash(ngettext("Consultation saved with %(num)d question.",
                       "Consultation saved with %(num)d questions.", len(form.parsed_questions)))
        return redirect(url_for("consultations.show", consultation_id=consultation.id))
    return render_template("forum/consultations/edit.html", form=form,
                           consultation=consultation, is_new=is_new, preview=None, removed=[])


@bp.route("/new", methods=["GET", "POST"])
@allow(*MANAGE)
def new():
    """Create a consultation by pasting its numbered questions."""
    return _save(Consultation(), ConsultationForm(), is_new=True)


@bp.route("/<int:consultation_id>/edit", methods=["GET", "POST"])
@allow(*MANAGE)
def edit(consultation_id):
    """Edit a consultation and its questions."""
    consultation = db.get_or_404(Consultation, consultation_id)
    form = ConsultationForm.for_consultation(
        consultation, format_questions(consultation.questions, heading=question_heading))
    return _save(consultation, form, is_new=False)


@bp.route("/<int:consultation_id>")
@allow(*ALL_STAFF)
def show(consultation_id):
    """A consultation's questions, sources, counts and days to the deadline."""
    consultation = db.get_or_404(Consultation, consultation_id)
    today = date.today()
    figures = service.consultation_figures(consultation, today)
    return render_template("forum/consultations/show.html", consultation=consultation,
                           figures=figures, today=today, actions=actions_for(consultation),
                           groups=question_groups(consultation),
                           sources=service.consultation_sources(
                               consultation,
                               current_app.extensions.get(service.SOURCE_PROVIDERS_KEY, [])))
