"""Approving redactions sits apart from "Save decisions", after a heading saying what it does:
the two buttons were side by side at the foot of a very long page."""
import re

from forum.extensions import db
from forum.models import Segment, TranscriptStatus
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def test_approve_is_its_own_section_after_the_missed_words_form(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    save = page.index(">Save decisions</button>")
    missed = page.index("Take out something that was missed</h2>")
    heading = page.index('<h2 class="govuk-heading-m" id="approve">Approve the redactions</h2>')
    approve = re.search(r'<button[^>]*name="approve"[^>]*>Approve redactions</button>', page)
    assert approve and save < missed < heading < approve.start()
    # Outside the review form, yet it still sends the ticks above with it.
    assert 'form="review-form"' in approve.group(0)
    said = page[heading:approve.start()]
    assert "segments" in said and "saves your ticks first" in said


def test_approving_from_its_section_still_saves_the_ticks_and_approves(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    response = auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    assert response.status_code == 302
    db.session.refresh(transcript)
    assert transcript.status == TranscriptStatus.APPROVED
    assert db.session.scalar(db.select(db.func.count(Segment.id))) > 0
