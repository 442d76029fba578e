"""Zoom captions saved without names: every cue is the one 'Unlabelled' speaker. Its note on
the speakers page helps (match it only if one person said it all); a suggestion to match it as
an earlier file's 'Unlabelled' was matched does not: that was other people, and the suggestion
came pre-selected, one 'Save' from putting a whole group's words in one member's mouth."""
import html

from forum.access import Role
from forum.extensions import db
from forum.models import Speaker, SpeakerRole, Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)

ZOOM = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nWhen I came out of prison nobody\n\n"
        "2\n00:00:04.500 --> 00:00:07.000\nmet me at the gate.\n\n"
        "3\n00:00:08.000 --> 00:00:10.000\nThey said come back {day}.\n")


def test_the_unlabelled_speaker_is_not_suggested_as_matched_before(
        auth, session_with_members):  # noqa: F811
    session, dave, _marcia = session_with_members
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, ZOOM.format(day="Monday").encode(),
                  "first.vtt").status_code == 302
    first = db.session.scalar(db.select(Transcript))
    speaker = db.session.scalar(db.select(Speaker).where(Speaker.transcript_id == first.id))
    assert speaker.label == "Unlabelled"
    speaker.role, speaker.member = SpeakerRole.MEMBER, dave  # one person said all of that one
    db.session.commit()
    response = upload(auth, session, ZOOM.format(day="Tuesday").encode(), "second.vtt")
    assert response.status_code == 302
    page = html.unescape(auth.client.get(response.headers["Location"]).get_data(as_text=True))
    assert "These turns have no speaker’s name in the file" in page  # the note that helps
    assert "Suggested" not in page
    assert '<option value="unmatched" selected>' in " ".join(page.split())
