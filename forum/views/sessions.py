"""Focus-group sessions: list, add, edit, show."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forum.access import Role, allow, user_has_role
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.forms.consultations import SessionForm
from forum.models import FocusGroupSession
from forum.services import audit
from forum.services import sessions as service
from forum.services.consultations import consultation_choices
from forum.services.retention import delete_waits, offers_delete

bp = Blueprint("sessions", __name__, url_prefix="/sessions")

SEE = (Role.ADMIN, Role.FACILITATOR, Role.POLICY_OFFICER)
MANAGE = (Role.ADMIN, Role.FACILITATOR)


@bp.route("/")
@allow(*SEE)
def index():
    """All focus-group sessions, newest first."""
    return render_template("forum/sessions/index.html", sessions=service.list_sessions())


def _form(session: FocusGroupSession | None = None) -> SessionForm:
    if session is None:
        # Whoever records a session most often ran it: they are the first guess.
        form = SessionForm(consultation_id=request.args.get("consultation", type=int),
                           facilitator_id=current_user.id if current_user.can_facilitate else 0)
    else:
        form = SessionForm(obj=session, member_ids=[m.id for m in session.members],
                           facilitator_id=session.facilitator_id or 0)
    form.consultation_id.choices = consultation_choices()
    form.facilitator_id.choices = service.facilitator_choices(
        keep=session.facilitator if session else None)
    form.member_ids.choices = service.member_choices()
    return form


def _save(session: FocusGroupSession, form: SessionForm, is_new: bool):
    clash = None
    if form.validate_on_submit():
        held_on = form.held_on.data
        assert held_on is not None  # InputRequired: a valid form has a date
        # Two sessions of one name on one day cannot be told apart wherever sessions are listed.
        # Two stored before that rule stay editable: only a change into a clash is refused.
        clash = None if service.keeps_name_and_date(
            session, form.consultation_id.data, form.title.data or "", held_on) \
            else service.same_session(form.consultation_id.data, form.title.data or "", held_on,
                                      other_than=session.id)
        if clash is None:
            service.save_session(session, title=form.title.data or "",
                                 consultation_id=form.consultation_id.data,
                                 held_on=held_on, area=form.area.data or "",
                                 facilitator_id=form.facilitator_id.data or 0,
                                 member_ids=form.member_ids.data or [])
            flash("Focus group saved.")
            return redirect(url_for("sessions.show", session_id=session.id))
        form.title.errors = [*form.title.errors,
                             f"A focus group called {clash.title} on {clash.held_on:%-d %B %Y} "
                             "already exists. Change the name, or go to that focus group"]
    return render_template("forum/sessions/edit.html", form=form, session_obj=session,
                           is_new=is_new, clash=clash)


@bp.route("/new", methods=["GET", "POST"])
@allow(*MANAGE)
def new():
    """Record a focus-group session."""
    return _save(FocusGroupSession(), _form(), is_new=True)


@bp.route("/<int:session_id>/edit", methods=["GET", "POST"])
@allow(*MANAGE)
def edit(session_id):
    """Change a session's details or who attended."""
    session = db.get_or_404(FocusGroupSession, session_id)
    return _save(session, _form(session), is_new=False)


@bp.route("/<int:session_id>")
@allow(*SEE)
def show(session_id):
    """A session: when, where (broadly), who attended and its transcripts."""
    session = db.get_or_404(FocusGroupSession, session_id)
    can_manage = user_has_role(*MANAGE)
    # A wrong or duplicate upload is deleted from here, beside the copy it duplicates.
    # A disclosure of risk waiting for a person showed only as "Needs review", like any other.
    flagged = service.transcripts_with_held_turns(session) if can_manage else set()
    deletable = {t.id for t in session.transcripts
                 if can_manage and offers_delete(t, flagged=t.id in flagged)}
    waits = {t.id for t in session.transcripts
             if can_manage and delete_waits(t, flagged=t.id in flagged)}
    return render_template("forum/sessions/show.html", session_obj=session,
                           can_manage=can_manage, deletable=deletable, flagged=flagged,
                           delete_waits=waits, facilitator_name=service.facilitator_name)


@bp.route("/<int:session_id>/delete", methods=["GET", "POST"])
@allow(*MANAGE)
def delete(session_id):
    """Delete a session added by mistake, asked first; one with transcripts stays."""
    session = db.get_or_404(FocusGroupSession, session_id)
    form = ConfirmForm()
    if request.method == "POST" and not session.transcripts and form.validate_on_submit():
        title = session.title
        audit.record("session_deleted", current_user, session, commit=False,
                     ip=request.remote_addr)
        service.delete_session(session)
        flash(f"\u2018{title}\u2019 has been deleted.")
        return redirect(url_for("sessions.index"))
    return render_template("forum/sessions/delete.html", session_obj=session, form=form)
