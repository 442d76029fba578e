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


def test_the_match_the_speakers_link_shows_only_to_a_role_that_may_open_it(
        app, auth, session_with_members, monkeypatch):  # noqa: F811
    """Reviewing and matching speakers are separate permissions: a role that may review but
    not match speakers was sent by the link to 'Forbidden'. Both are admin and facilitator
    today; the link follows whatever the speakers page allows."""
    session, _dave, _marcia = session_with_members
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, TRANSCRIPT.encode()).status_code == 302
    transcript, page = _review(auth)
    link = f'href="/transcripts/{transcript.id}/speakers"'
    assert link in page
    monkeypatch.setattr(app.view_functions["transcripts.speakers"], "allowed_roles",
                        frozenset({Role.ADMIN}))
    _transcript, page = _review(auth)
    assert "from speakers not matched to a member" in page and link not in page
