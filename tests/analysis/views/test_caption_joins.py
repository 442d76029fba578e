"""Words after a blank line in captions, with no number or time of their own, are read as more
words of the cue above (real exports hold blank lines inside a cue), but may be a cue that lost
its number and time: Marcia's words stored as Dave's. Where the cue numbers round them do not
show which, the facilitator is told where, as for a paragraph with no name."""
import html

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)

NOTE = "has words after a blank line with no time of their own (line %d)"
MARK = ("Words with no time of their own joined to this turn (line %d): "
        "check the same person said them")


def _upload(auth, session, text, name):
    auth.login(Role.FACILITATOR)
    response = upload(auth, session, text.encode(), name)
    assert response.status_code == 302, response.data[-600:]
    note = html.unescape(auth.client.get(response.headers["Location"]).data.decode())
    transcript = db.session.scalar(db.select(Transcript))
    shown = html.unescape(auth.client.get(f"/transcripts/{transcript.id}").data.decode())
    return note, shown


def test_words_after_the_last_srt_cue_are_flagged(auth, session_with_members):  # noqa: F811
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Nobody met me.\n\n"
           "Nobody met me either.\n")
    note, shown = _upload(auth, session_with_members[0], srt, "group.srt")
    assert "Turn 2 " + NOTE % 9 in note
    assert MARK % 9 in shown and shown.count("Words with no time of their own") == 1


def test_words_after_a_blank_line_in_a_vtt_are_flagged(auth, session_with_members):  # noqa: F811
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dave>When I came out.\n\n"
           "Nobody met me either.\n\n00:00:09.000 --> 00:00:12.000\n<v Marcia>Same for me.\n")
    note, shown = _upload(auth, session_with_members[0], vtt, "group.vtt")
    assert "Turn 1 " + NOTE % 6 in note
    assert MARK % 6 in shown


def test_words_between_srt_cues_numbered_one_after_the_other_are_not_flagged(
        auth, session_with_members):  # noqa: F811
    # Cue 2 follows cue 1: no cue was lost between them, so the words are cue 1's.
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out\n\nnobody met me.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Same for me.\n")
    note, shown = _upload(auth, session_with_members[0], srt, "group.srt")
    assert "no time of their own" not in note and "no time of their own" not in shown
