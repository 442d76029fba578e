"""Caption files (.vtt, .srt): a time that cannot be read is kept in place and named, and
only then is it given as a reason turns are left unfolded."""
import re

import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)


def test_a_caption_cue_whose_time_cannot_be_read_is_kept_in_place_and_named(
        auth, session_with_members):
    """A cue with a broken time was once left out: Dave's turn simply vanished."""
    captions = ("WEBVTT\n\nNOTE made by Teams\n\n"
                "00:00:01.000 --> 00:00:04.000\n<v Facilitator>Welcome everyone.\n\n"
                "00:00:o5.000 --> soon\n<v Dave>I was inside for two years.\n\n"
                "00:00:09.000 --> 00:00:12.000\n<v Marcia>Me too.\n")
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], captions.encode(), "group.vtt")
    assert response.status_code == 302
    page = auth.client.get(response.headers["Location"]).data.decode()
    assert "The time on lines 8 to 9 of the file could not be read" in page
    assert "kept in its place" in page
    assert "NOTE" not in page  # a note, like the WEBVTT line, is not speech
    ids = re.findall(r' id="([^"]+)"', page)  # two banners, each labelled by its own title
    assert len(ids) == len(set(ids))
    transcript = db.session.scalar(db.select(Transcript))
    assert [(t.speaker.label, t.original_text, t.start_seconds) for t in transcript.turns] == [
        ("Facilitator", "Welcome everyone.", 1.0), ("Dave", "I was inside for two years.", None),
        ("Marcia", "Me too.", 9.0)]
    shown = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert shown.count("Time not read") == 1  # the flash goes; the turn stays marked


def _captions(times):
    """A caption file with one cue per time (None: a time that cannot be read)."""
    cues = [f"00:00:{n:02d}.000 --> 00:00:{n:02d}.500" if n is not None else "00:00:o5 --> soon"
            for n in times]
    return "WEBVTT\n\n" + "".join(f"{cue}\n<v {'Dave' if i % 2 else 'Marcia'}>Line {i}.\n\n"
                                  for i, cue in enumerate(cues))


@pytest.mark.parametrize(("unread", "said"), [(False, False), (True, True)])
def test_the_fold_note_speaks_of_unread_times_only_when_there_are_some(
        auth, session_with_members, unread, said):
    """Every caption file's note once listed "a time that could not be read" as a reason a
    turn was left open, when every time had been read."""
    times = list(range(25))
    if unread:
        times[3] = None
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], _captions(times).encode(), "group.vtt")
    transcript = db.session.scalar(db.select(Transcript))
    page = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert response.status_code == 302 and "turns are folded" in page
    assert ("a time that could not be read" in page) is said


def test_a_caption_time_with_no_end_is_read_without_a_warning(auth, session_with_members):
    captions = ("WEBVTT\n\n00:00:01,000 --> 00:00:04,000\n<v Facilitator>Welcome everyone.\n\n"
                "00:00:05.000 --> soon\n<v Dave>I was inside for two years.\n")
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], captions.encode(), "group.vtt")
    page = auth.client.get(response.headers["Location"]).data.decode()
    assert "could not be read" not in page
    transcript = db.session.scalar(db.select(Transcript))
    assert [t.start_seconds for t in transcript.turns] == [1.0, 5.0]
