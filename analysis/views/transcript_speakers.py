"""The speakers page: who each speaker of a transcript is, saved all at once or not at all."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from analysis.core.word_list import word_list
from analysis.services import transcripts as service
from analysis.services.speakers import AttendanceChange, set_speakers
from analysis.services.transcript_suggestions import suggest_speakers
from analysis.views.transcript_blueprint import MANAGE, bp
from forum.access import allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Member, SpeakerRole, Transcript, TranscriptStatus
from forum.services import audit
from forum.services.sessions import member_choices


def _matched_left_out(transcript, before: dict) -> list[str]:
    """What matching speakers to a member who does not take part (the one consent rule,
    ``Member.takes_part``) did to an approved transcript: their turns left analysis."""
    members: dict[int, tuple] = {}
    for turn in transcript.turns:
        speaker = turn.speaker
        if (speaker is None or turn.backchannel or speaker.role != SpeakerRole.MEMBER
                or speaker.member is None or speaker.member.takes_part
                or before.get(speaker.id) == (speaker.role, speaker.member_id)):
            continue
        member, turns = members.get(speaker.member_id, (speaker.member, 0))
        members[speaker.member_id] = (member, turns + 1)
    notes = []
    for member, turns in members.values():
        if member.consent and member.consent.withdrawn:
            notes.append(ngettext(
                "%(name)s has withdrawn consent: the %(num)d turn you matched to them here is "
                "kept out of analysis, search, quotes and exports unless new consent is recorded.",
                "%(name)s has withdrawn consent: the %(num)d turns you matched to them here are "
                "kept out of analysis, search, quotes and exports unless new consent is recorded.",
                turns, name=member.pseudonym))
        else:
            notes.append(ngettext(
                "%(name)s's consent does not cover taking part: the %(num)d turn you matched to "
                "them here is kept out of analysis, search, quotes and exports unless new "
                "consent is recorded.",
                "%(name)s's consent does not cover taking part: the %(num)d turns you matched "
                "to them here are kept out of analysis, search, quotes and exports unless new "
                "consent is recorded.", turns, name=member.pseudonym))
    return notes


@bp.route("/transcripts/<int:transcript_id>/speakers", methods=["GET", "POST"])
@allow(*MANAGE)
def speakers(transcript_id):
    """Map each speaker to a member, or mark them facilitator or observer."""
    transcript = db.get_or_404(Transcript, transcript_id)
    members = {m.id: m for m in db.session.scalars(db.select(Member).order_by(Member.id))}
    chosen: dict[int, str] = {}
    errors: list[dict] = []
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        # Every row is read first: one that cannot be saved stores none (a row at a time
        # saved the rows above it and dropped the rest unsaid).
        choices = {}
        for speaker in transcript.speakers:
            chosen[speaker.id] = request.form.get(f"speaker-{speaker.id}", "unmatched")
            choice = _read_choice(chosen[speaker.id], members)
            if choice is None:
                errors.append({"text": _choice_error(speaker.label, chosen[speaker.id]),
                               "href": f"#speaker-{speaker.id}"})
            else:
                choices[speaker] = choice
        if not errors:
            return _save_speakers(transcript, choices)
    counts = {s.id: 0 for s in transcript.speakers}
    for turn in transcript.turns:
        if turn.speaker_id:
            counts[turn.speaker_id] += 1
    attending = {m.id for m in transcript.session.members}
    return render_template("transcripts/speakers.html", transcript=transcript, counts=counts,
                           members=list(members.values()), attending=attending, form=ConfirmForm(),
                           # "Member 2 (withdrawn)": their words stay out of analysis.
                           names=dict(member_choices()),
                           suggestions=suggest_speakers(transcript), unlabelled=service.UNLABELLED,
                           chosen=chosen, page_errors=errors,
                           row_errors={e["href"][1:]: e["text"] for e in errors})


def _read_choice(choice: str, members: dict) -> tuple[SpeakerRole, Member | None] | None:
    """A row of the speakers form as (role, member), or None when it names nothing offered."""
    if choice.startswith("member-") and choice[7:].isdigit() and int(choice[7:]) in members:
        return SpeakerRole.MEMBER, members[int(choice[7:])]
    if choice in {r.value for r in SpeakerRole} and choice != SpeakerRole.MEMBER.value:
        return SpeakerRole(choice), None
    return None


def _choice_error(label: str, choice: str) -> str:
    if choice.startswith("member-"):
        return (f"Choose who {label} is again: the member chosen is no longer on the list. "
                "Nothing has been saved yet")
    return f"Choose who {label} is from the list. Nothing has been saved yet"


def _save_speakers(transcript: Transcript, choices: dict):
    """Store every row of a valid speakers form at once, then say what changed."""
    before = {s.id: (s.role, s.member_id) for s in transcript.speakers}
    change = set_speakers(choices)
    if transcript.status == TranscriptStatus.APPROVED or transcript.approved_at is not None:
        from analysis.services.segments import build_segments
        from analysis.views.review import flash_resets

        # Re-opened, it makes nothing before approval, but the segments of a speaker who
        # is no longer that member go now: analysis reads them whatever the status.
        reset = build_segments(transcript,
                               make=transcript.status == TranscriptStatus.APPROVED).reset
        db.session.commit()
        flash_resets(reset)
    # Labels can be real names: the log keeps speaker ids, roles and member ids only.
    changes = {str(s.id): (s.role.value, s.member_id) for s in transcript.speakers
               if before.get(s.id) != (s.role, s.member_id)}
    audit.record("speakers_mapped", current_user, transcript, ip=request.remote_addr,
                 changes=changes, attending_added=[m.id for m in change.joined],
                 attending_removed=[m.id for m in change.left])
    approved = transcript.approved_at is not None \
        or transcript.status == TranscriptStatus.APPROVED
    flash("Speakers saved." + "".join(" " + line for line in _attendance_lines(change)))
    # Words leaving analysis need a look: an important banner, not the green success one.
    for note in _matched_left_out(transcript, before) if approved else []:
        flash(note, "warning")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id))


def _attendance_lines(change: AttendanceChange) -> list[str]:
    lines = []
    if change.joined:
        lines.append(ngettext("%(names)s is now recorded as attending this focus group.",
                              "%(names)s are now recorded as attending this focus group.",
                              len(change.joined),
                              names=word_list([m.pseudonym for m in change.joined])))
    if change.left:
        lines.append(ngettext(
            "%(names)s is no longer recorded as attending this focus group: no speaker is "
            "matched to them now.",
            "%(names)s are no longer recorded as attending this focus group: no speaker is "
            "matched to them now.", len(change.left),
            names=word_list([m.pseudonym for m in change.left])))
    return lines
