"""Say who each speaker of a transcript is, and keep the focus group's attendance with it."""
from __future__ import annotations

from typing import NamedTuple

from forum.extensions import db
from forum.models import Member, Speaker, SpeakerRole
from forum.services import attendance


class AttendanceChange(NamedTuple):
    """Who matching added to the focus group's attendance, and who a correction took off."""

    joined: list[Member]
    left: list[Member]


def set_speakers(choices: dict[Speaker, tuple[SpeakerRole, Member | None]]) -> AttendanceChange:
    """Say who the speakers of one transcript are, in one write.

    A member whose words are in the focus group's transcript attended it, so matching adds
    them to its attendance (marked as added by matching). A match changed away from a member
    takes that back when no speaker of the focus group's transcripts is matched to them any
    more, but never attendance ticked on the focus group's form. Attending is not consenting:
    ``Member.takes_part`` still decides, and consent is not touched.

    Args:
        choices: each speaker (all of one transcript) with its role and, for a member, who.

    Returns:
        The members added to and taken off the focus group's attendance.
    """
    if not choices:
        return AttendanceChange([], [])
    session = next(iter(choices)).transcript.session
    before = {speaker.member_id for speaker in choices if speaker.member_id is not None}
    joined = []
    for speaker, (role, member) in choices.items():
        speaker.role = role
        speaker.member = member if role == SpeakerRole.MEMBER else None
        if speaker.member is not None and attendance.add_by_matching(session, speaker.member):
            joined.append(speaker.member)
    left = attendance.drop_unmatched(session, before)
    db.session.commit()
    return AttendanceChange(sorted(joined, key=lambda m: m.pseudonym),
                            sorted(left, key=lambda m: m.pseudonym))


def set_speaker(speaker: Speaker, role: SpeakerRole, member: Member | None) -> AttendanceChange:
    """Say who one speaker is (``set_speakers`` for one).

    Args:
        speaker: the speaker.
        role: what they are.
        member: who, for a member.

    Returns:
        The members added to and taken off the focus group's attendance.
    """
    return set_speakers({speaker: (role, member)})
