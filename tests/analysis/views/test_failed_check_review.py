"""When checking a transcript for personal data fails, its review page says so and offers to try
again. It said "0 personal details were found" above an "Approve redactions" button that gave
"Sorry, something went wrong": nothing had been checked."""
from forum.extensions import db
from forum.models import JobStatus, Segment, TranscriptStatus
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
    uploaded,
)


def _failed(transcript):
    """The transcript as the worker leaves it when it stops mid-check: no redactions yet."""
    for turn in transcript.turns:
        turn.redactions.clear()
        turn.redacted_text = None
    transcript.status = TranscriptStatus.FAILED
    transcript.job.status = JobStatus.FAILED
    transcript.job.message = "The background worker stopped while this ran. Retry it."
    db.session.commit()


def test_a_failed_check_is_not_offered_for_approval(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    _failed(transcript)
    review = f"/transcripts/{transcript.id}/review"
    page = auth.client.get(review).get_data(as_text=True)
    assert "personal details were found" not in page
    assert "Approve redactions" not in page
    assert "Checking for personal data failed" in page
    assert "The background worker stopped while this ran. Retry it." in page
    assert f'action="/transcripts/{transcript.id}/retry"' in page and ">Try again</button>" in page
    # A review page opened before the check failed still sends "Approve": no error page, and
    # nothing unchecked becomes a segment.
    response = auth.client.post(review, data={"approve": "1"})
    assert response.status_code in (200, 302)
    assert db.session.scalar(db.select(db.func.count(Segment.id))) == 0
    db.session.refresh(transcript)
    assert transcript.status == TranscriptStatus.FAILED
