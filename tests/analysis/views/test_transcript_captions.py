"""Caption files (.vtt, .srt): one cue not well formed refuses the file, naming its line; a
turn stored without a time (before that) is the only reason "a time that could not be read"
is given for leaving turns unfolded."""
import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)


def test_a_half_valid_srt_stores_nothing_and_names_the_line_keeping_what_was_typed(
        auth, session_with_members):
    """A cue timing written "->" was once read quietly by guessing; a broken time was stored
    with a warning, to be checked turn by turn."""
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nFacilitator: Welcome everyone.\n\n"
           "2\n00:01:0,500 -> 00:01:04,000\nDave: I was inside for two years.\n\n"
           "3\n00:01:09,000 --> 00:01:12,000\nMarcia: Me too.\n")
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], srt.encode(), "group.srt",
                      names="Dave Smith\nMarcia Jones")
    assert response.status_code == 200
    page = response.data.decode()
    assert ("Line 6: the time ‘00:01:0,500 -&gt; 00:01:04,000’ is not in the form "
            "00:00:00,000 --&gt; 00:00:00,000") in page
    assert "Dave Smith\nMarcia Jones</textarea>" in page  # what was typed is kept
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0


def _captions(times):
    """A caption file with one cue per time."""
    cues = [f"00:00:{n:02d}.000 --> 00:00:{n:02d}.500" for n in times]
    return "WEBVTT\n\n" + "".join(f"{cue}\n<v {'Dave' if i % 2 else 'Marcia'}>Line {i}.\n\n"
                                  for i, cue in enumerate(cues))


@pytest.mark.parametrize(("unread", "said"), [(False, False), (True, True)])
def test_the_fold_note_speaks_of_unread_times_only_when_there_are_some(
        auth, session_with_members, unread, said):
    """Every caption file's note once listed "a time that could not be read" as a reason a
    turn was left open, when every time had been read."""
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], _captions(range(25)).encode(), "group.vtt")
    transcript = db.session.scalar(db.select(Transcript))
    if unread:  # as stored before such a file was refused
        transcript.turns[3].start_seconds = None
        db.session.commit()
    page = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert response.status_code == 302 and "turns are folded" in page
    assert ("a time that could not be read" in page) is said


def test_refused_pasted_captions_are_said_beside_the_paste_box_which_keeps_them(
        auth, session_with_members):
    """The refusal of a paste was shown on the file box, which holds nothing."""
    pasted = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Facilitator>Welcome.\n\n"
              "00:00:05.000 -> 00:00:08.000\n<v Dave>I came out with nothing.\n")
    auth.login(Role.FACILITATOR)
    page = auth.client.post(f"/sessions/{session_with_members[0].id}/transcripts/new",
                            data={"pasted": pasted, "known_names": ""}).get_data(as_text=True)
    box = page[page.index('for="pasted"'):page.index("</textarea>")]
    assert "These .vtt captions were not saved: 1 cue needs correcting first. Line 6" in box
    assert "&lt;v Dave&gt;I came out with nothing." in box
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0
