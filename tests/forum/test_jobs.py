"""Background jobs record progress, failures with reasons, and can be retried."""
from forum.extensions import db
from forum.jobs import JobFailure, enqueue, register_job_handler, retry_job
from forum.models import Job, JobStatus

calls = []


def _flaky(job, progress):
    calls.append(job.id)
    progress("Counting", 40)
    if len(calls) == 1:
        raise JobFailure("The transcript could not be read. Upload it again.")


def _crashing(job, progress):
    raise ZeroDivisionError("division by zero")


def test_failed_job_says_why_and_can_be_retried(app):
    calls.clear()
    register_job_handler("test.flaky", _flaky)
    job = enqueue("test.flaky", {"x": 1})
    db.session.refresh(job)
    assert job.status == JobStatus.FAILED
    assert job.message == "The transcript could not be read. Upload it again."
    retry_job(job)
    db.session.refresh(job)
    assert job.status == JobStatus.DONE and job.percent == 100 and job.attempts == 2


def test_unexpected_errors_are_recorded_in_plain_words(app):
    register_job_handler("test.crash", _crashing)
    job = enqueue("test.crash")
    db.session.refresh(job)
    assert job.status == JobStatus.FAILED
    assert "unexpected error" in job.message and "try again" in job.message
