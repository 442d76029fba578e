"""Background jobs record progress, failures with reasons, and can be retried."""
from forum.extensions import db
from forum.jobs import JobFailure, enqueue, register_job_handler, retry_job
from forum.models import JobStatus

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


def _bulk_writer(job, progress):
    from sqlalchemy import insert

    from forum.models import Consultation

    db.session.execute(insert(Consultation).values(title="Bulk", consulting_body="Body"))
    progress("After a write without a flush", 60)  # must not wait for this job's own lock


def test_progress_after_a_statement_write_does_not_block_the_job(app):
    register_job_handler("test.bulk", _bulk_writer)
    job = enqueue("test.bulk")
    db.session.refresh(job)
    assert job.status == JobStatus.DONE, job.message


def test_quick_calls_are_answered_by_the_worker(app):
    from forum.calls import call_worker, register_call

    register_call("test.add", lambda a, b: a + b)
    assert call_worker("test.add", {"a": 2, "b": 3}, timeout=5) == 5


def test_a_failing_quick_call_says_so(app):
    import pytest

    from forum.calls import WorkerUnavailable, call_worker, register_call

    register_call("test.fail", lambda: 1 / 0)
    with pytest.raises(WorkerUnavailable):
        call_worker("test.fail", {}, timeout=5)
