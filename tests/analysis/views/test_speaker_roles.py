"""A speaker labelled as a facilitator or an observer starts matched to that role."""
import pytest

from analysis.core.transcripts import parse_text
from forum.access import Role
from forum.extensions import db
from forum.models import SpeakerRole, Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    TRANSCRIPT,
    session_with_members,
    upload,
)


def test_an_observer_label_starts_matched_as_an_observer(auth, session_with_members):  # noqa: F811
    # "Facilitator" came matched and "Observer" came "Not matched yet": the facilitator had to
    # match the one role the file already named.
    session, _dave, _marcia = session_with_members
    auth.login(Role.FACILITATOR)
    text = TRANSCRIPT + "[00:01:30] Observer 2: Five minutes left.\n"
    assert upload(auth, session, text.encode()).status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    roles = {s.label: s.role for s in transcript.speakers}
    assert (roles["Facilitator"], roles["Observer"], roles["Observer 2"]) == (
        SpeakerRole.FACILITATOR, SpeakerRole.OBSERVER, SpeakerRole.OBSERVER)
    assert roles["Dave"] == SpeakerRole.UNMATCHED  # a member's name is matched by a person


@pytest.mark.parametrize("label", ["Observer 2", "Moderator 1", "Notetaker 2", "Researcher 3"])
def test_a_numbered_role_label_starts_a_turn(label):
    # "Observer 2: Five minutes left." was read as more of Dave's turn, so the observer's
    # words would have been analysed and quoted as his.
    turns = parse_text(f"[00:00:20] Dave: Hello there.\n[00:01:30] {label}: Five minutes left.\n"
                       ).turns
    assert [(t.speaker, t.text) for t in turns] == [("Dave", "Hello there."),
                                                    (label, "Five minutes left.")]
