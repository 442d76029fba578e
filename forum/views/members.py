"""Forum members: list, add, edit, and record or withdraw consent."""
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import ngettext
from flask_login import current_user

from forum.access import Role, allow, user_has_role
from forum.extensions import db
from forum.forms.fields import add_error
from forum.forms.members import (
    ConsentForm,
    EraseForm,
    MemberForm,
    WithdrawForm,
    new_pseudonym_hint,
)
from forum.models import Member
from forum.models.base import utcnow
from forum.security import fresh_login_required
from forum.services import audit, erasure, privacy
from forum.services import members as member_service
from forum.services.text_direction import without_bidi_controls

bp = Blueprint("members", __name__, url_prefix="/members")

SEE_MEMBERS = (Role.ADMIN, Role.FACILITATOR, Role.POLICY_OFFICER)
MANAGE_MEMBERS = (Role.ADMIN, Role.FACILITATOR)


def member_or_gone(member_id: int) -> Member:
    """The member; else a 404 that says they were erased when they were (the back button after
    "Erase for good"), not "check the address"."""
    member = db.session.get(Member, member_id)
    if member is None:
        erased = any(e["member_id"] == member_id
                     for e in erasure.read_list(current_app.config["DATA_DIR"]))
        abort(make_response(render_template("forum/members/erased.html"), 404) if erased
              else 404)
    return member


def can_see_contacts() -> bool:
    """Real names and contact details: facilitators and admins only."""
    return user_has_role(*MANAGE_MEMBERS)


@bp.route("/")
@allow(*SEE_MEMBERS)
def index():
    """List members by pseudonym with their current consent."""
    return render_template("forum/members/index.html", members=member_service.list_members())


def _edit(member: Member, form: MemberForm, is_new: bool):
    valid = form.validate_on_submit()
    if valid and is_new and form.is_blank():
        # "Save member" pressed on an empty form added a member with nothing but a number.
        add_error(form.pseudonym, "Enter a pseudonym or at least one detail about the member. "
                                  "For a member who wants to share nothing, type "
                                  f"\u2018{member_service.next_pseudonym()}\u2019 as the "
                                  "pseudonym")
    elif valid:
        member.age_band = form.age_band.data or None
        member.gender = form.gender.data or None
        member.ethnicity_group = form.ethnicity_group.data or None
        member.lived_experience = list(form.lived_experience.data or [])
        try:
            member_service.save_member(member, form.pseudonym.data or "",
                                       form.real_name.data or "", form.contact.data or "")
        except member_service.MemberError as error:
            db.session.rollback()
            add_error(form.pseudonym, str(error))
        else:
            audit.record("member_changed", current_user, member, ip=request.remote_addr, new=is_new)
            if is_new:
                flash(f"{member.pseudonym} added. Now record their consent.")
                return redirect(url_for("members.consent", member_id=member.id))
            flash(f"{member.pseudonym} saved.")
            return redirect(url_for("members.show", member_id=member.id))
    return render_template("forum/members/edit.html", form=form, member=member, is_new=is_new)


@bp.route("/new", methods=["GET", "POST"])
@allow(*MANAGE_MEMBERS)
def new():
    """Add a member with a pseudonym and optional demographics."""
    form = MemberForm()
    form.pseudonym.description = new_pseudonym_hint(member_service.next_pseudonym())
    return _edit(Member(lived_experience=[]), form, is_new=True)


@bp.route("/<int:member_id>/edit", methods=["GET", "POST"])
@allow(*MANAGE_MEMBERS)
def edit(member_id):
    """Change a member's pseudonym, demographics or private contact details."""
    member = member_or_gone(member_id)
    contact = member.contact
    form = MemberForm(obj=member, real_name=contact.real_name if contact else "")
    if "contact" not in request.form:
        # obj= fills the box from member.contact, the contact record itself: it showed
        # "<MemberContact 1>" and saving the page unchanged stored those words.
        form.contact.data = contact.contact if contact else ""
    return _edit(member, form, is_new=False)


@bp.route("/<int:member_id>")
@allow(*SEE_MEMBERS)
def show(member_id):
    """A member's details and full consent history."""
    member = member_or_gone(member_id)
    audit.record("member_viewed", current_user, member, ip=request.remote_addr,
                 with_contacts=can_see_contacts())
    return render_template("forum/members/show.html", member=member,
                           show_contacts=can_see_contacts())


@bp.route("/<int:member_id>/consent", methods=["GET", "POST"])
@allow(*MANAGE_MEMBERS)
def consent(member_id):
    """Record a new consent decision; earlier ones stay in the history."""
    member = member_or_gone(member_id)
    current = member.consent
    # Not taking part shows as 'None of these' ticked: the form's one way of saying it.
    form = ConsentForm(obj=current, declines=not current.take_part) \
        if current and not current.withdrawn else ConsentForm()
    if not form.is_submitted():
        form.note.data = ""  # a note belongs to the decision it was written with
    taken = form.taken_away(current) if form.validate_on_submit() else None
    # Taking away what was agreed takes the member's words out of analysis or drafts: the
    # page asks once more, naming the boxes, before it is recorded.
    if taken and request.form.get("confirmed") != ",".join(taken):
        return render_template("forum/members/consent.html", member=member, form=form,
                               taken=[getattr(form, name) for name in taken],
                               confirmed=",".join(taken))
    if taken is not None:
        change = member_service.record_consent(
            member, current_user, take_part=form.take_part.data, may_quote=form.may_quote.data,
            may_quote_with_demographics=form.may_quote_with_demographics.data,
            audio_recording=form.audio_recording.data, note=form.note.data or "")
        audit.record("consent_recorded", current_user, member, ip=request.remote_addr,
                     may_quote=form.may_quote.data)
        flash(_consent_note(member, change))
        return redirect(url_for("members.show", member_id=member.id))
    return render_template("forum/members/consent.html", member=member, form=form)


@bp.route("/<int:member_id>/withdraw", methods=["GET", "POST"])
@allow(*MANAGE_MEMBERS)
def withdraw(member_id):
    """Withdraw all consent; only a new consent record can undo it."""
    member = member_or_gone(member_id)
    form = WithdrawForm()
    if form.validate_on_submit():
        withdrawal = member_service.withdraw_consent(member, current_user, form.note.data or "")
        audit.record("consent_withdrawn", current_user, member, ip=request.remote_addr)
        flash(_withdrawn_note(member, withdrawal))
        return redirect(url_for("members.show", member_id=member.id))
    return render_template("forum/members/withdraw.html", member=member, form=form,
                           segments=member_service.segment_count(member))


def _withdrawn_note(member: Member, withdrawal: member_service.ConsentChange) -> str:
    """Say how much of what the member said the withdrawal took out."""
    return f"{member.pseudonym} has withdrawn. {_taken_out(withdrawal)}"


def _consent_note(member: Member, change: member_service.ConsentChange) -> str:
    """Say a consent was recorded and, when it stopped taking part or quoting, what left."""
    recorded = f"Consent recorded for {member.pseudonym}."
    if change.record.take_part is False and change.segments:
        return f"{recorded} {_taken_out(change)}"
    if change.quotes_removed:
        return recorded + " " + ngettext(
            "%(num)d quote was taken out of draft responses; what they said is still analysed.",
            "%(num)d quotes were taken out of draft responses; what they said is still "
            "analysed.", change.quotes_removed)
    return recorded


def _taken_out(change: member_service.ConsentChange) -> str:
    """How many segments left the analysis and quotes left drafts, as one sentence."""
    if not change.segments and not change.quotes_removed:
        return ("Nothing they said is in the analysis yet; transcripts approved from now on "
                "leave their words out.")
    said = ngettext("What they said in %(num)d passage will no longer be analysed or quoted",
                    "What they said in %(num)d passages will no longer be analysed or quoted",
                    change.segments)
    quotes = (ngettext("%(num)d quote was taken out of draft responses",
                       "%(num)d quotes were taken out of draft responses",
                       change.quotes_removed) if change.quotes_removed
              else "none of it was quoted in a draft response")
    return f"{said}, and {quotes}."


@bp.route("/<int:member_id>/data.zip")
@allow(*MANAGE_MEMBERS)
def subject_access(member_id):
    """Everything held about a member, as a ZIP of JSON files (subject access request)."""
    member = member_or_gone(member_id)
    hooks = current_app.extensions.get(privacy.EXPORT_HOOKS_KEY, [])
    data = privacy.member_zip(member, hooks, lambda files: render_template(
        "forum/members/subject_access.html", member=member, files=files, now=utcnow()))
    audit.record("exported", current_user, member, ip=request.remote_addr, what="subject access",
                 format="zip")
    return Response(data, mimetype="application/zip", headers={
        "Content-Disposition": f"attachment; filename=member-{member.id}-data.zip"})


@bp.route("/<int:member_id>/erase", methods=["GET", "POST"])
@allow(*MANAGE_MEMBERS)
@fresh_login_required
def erase(member_id):
    """Erase a member and everything they said; only a dated tombstone remains."""
    member = member_or_gone(member_id)
    form = EraseForm()
    if form.validate_on_submit():
        # As shown: a pseudonym stored with bidi controls shows (and is typed) without them.
        if (form.confirm.data or "").strip().lower() != without_bidi_controls(
                member.pseudonym).lower():
            add_error(form.confirm, f"Type {member.pseudonym} exactly to confirm")
        else:
            hooks = current_app.extensions.get(privacy.ERASE_HOOKS_KEY, [])
            removed = privacy.erase_member(member, current_user, request.remote_addr, hooks,
                                           data_dir=current_app.config["DATA_DIR"])
            flash(f"The member has been erased ({removed['segments deleted']} segments deleted, "
                  f"{removed['turns blanked']} transcript turns blanked).")
            return redirect(url_for("members.index"))
    return render_template("forum/members/erase.html", member=member, form=form)
