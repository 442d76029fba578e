"""Approving with speakers not yet matched: the review page, where approval happens, said
nothing of them (only the transcript page did), and their words left analysis unsaid."""
import html

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    TRANSCRIPT,
    map_speakers,
    session_with_members,
    upload,
)


def _review(auth):
    transcript = db.session.scalar(db.select(Transcript))
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    return transcript, " ".join(html.unescape(page).split())


def test_the_review_page_says_unmatched_speakers_turns_are_left_out(
        auth, session_with_members):  # noqa: F811
    session, dave, marcia = session_with_members
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, TRANSCRIPT.encode()).status_code == 302
    transcript, page = _review(auth)
    approve = page[page.index('id="approve"'):]
    assert "from speakers not matched to a member" in approve
    assert f'href="/transcripts/{transcript.id}/speakers"' in approve
    map_speakers(auth, transcript, dave, marcia)
    _transcript, page = _review(auth)
    assert "not matched to a member" not in page[page.index('id="approve"'):]
