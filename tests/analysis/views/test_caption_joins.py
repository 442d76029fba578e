"""Words after a blank line in captions, with no number or time of their own, were read as more
words of the cue above and flagged, though they may be a cue that lost its number and time:
Marcia's words stored as Dave's. Where the cue numbers round them do not show which, the upload
is refused naming the line, and nothing is stored; the refusal's counts are worded here."""
import html

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)


def _refusal(auth, session, text, name):
    auth.login(Role.FACILITATOR)
    response = upload(auth, session, text.encode(), name)
    assert response.status_code == 200  # the form again, with the refusal
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0
    return " ".join(html.unescape(response.get_data(as_text=True)).split())


def test_words_after_the_last_srt_cue_are_refused_naming_the_line(
        auth, session_with_members):  # noqa: F811
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Nobody met me.\n\n"
           "Nobody met me either.\n")
    page = _refusal(auth, session_with_members[0], srt, "group.srt")
    assert ("These .srt captions were not saved: 1 cue needs correcting first. Line 9: "
            "‘Nobody met me either.’ has no time line above it") in page
    assert "Correct it and upload the captions again." in page


def test_words_after_a_blank_line_in_a_vtt_are_refused(auth, session_with_members):  # noqa: F811
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dave>When I came out.\n\n"
           "Nobody met me either.\n\n00:00:09.000 --> 00:00:12.000\n<v Marcia>Same for me.\n")
    page = _refusal(auth, session_with_members[0], vtt, "group.vtt")
    assert "Line 6: ‘Nobody met me either.’ has no time line above it" in page


def test_many_broken_cues_are_counted_in_words(auth, session_with_members):  # noqa: F811
    srt = "".join(f"{n}\n00:00:{n:02d},000 -> 00:00:{n:02d},500\nDave: Line {n}.\n\n"
                  for n in range(1, 6))
    page = _refusal(auth, session_with_members[0], srt, "group.srt")
    assert "These .srt captions were not saved: 5 cues need correcting first." in page
    assert "There are 2 more cues like this after those. Correct them and upload" in page


def test_words_between_srt_cues_numbered_one_after_the_other_are_not_flagged(
        auth, session_with_members):  # noqa: F811
    # Cue 2 follows cue 1: no cue was lost between them, so the words are cue 1's.
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out\n\nnobody met me.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Same for me.\n")
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], srt.encode(), "group.srt")
    assert response.status_code == 302
    note = auth.client.get(response.headers["Location"]).get_data(as_text=True)
    transcript = db.session.scalar(db.select(Transcript))
    shown = auth.client.get(f"/transcripts/{transcript.id}").get_data(as_text=True)
    assert "no time of their own" not in note and "no time of their own" not in shown
