"""Background jobs: queued in Huey, tracked in the jobs table so pages can show progress.

Packages register a handler per job kind; a handler gets the Job and a ``progress``
callback. A handler that raises marks the job failed with its message; the job can be
queued again with ``retry_job``.
"""
from __future__ import annotations

from typing import Callable

from forum.extensions import db
from forum.models import Job, JobStatus
from forum.models.base import utcnow

_HANDLERS: dict[str, Callable] = {}


class JobFailure(Exception):
    """Raise from a handler with a plain-English reason the job could not finish."""


def register_job_handler(kind: str, handler: Callable) -> None:
    _HANDLERS[kind] = handler


def enqueue(kind: str, params: dict | None = None) -> Job:
    """Create a job row and queue it for the worker."""
    if kind not in _HANDLERS:
        raise KeyError(f"No handler for job kind {kind!r}")
    job = Job(kind=kind, params=params or {}, status=JobStatus.QUEUED)
    db.session.add(job)
    db.session.commit()
    _queue(job.id)
    return job


def retry_job(job: Job) -> Job:
    """Queue a failed job again."""
    job.status, job.message, job.percent, job.stage = JobStatus.QUEUED, None, 0, None
    db.session.commit()
    _queue(job.id)
    return job


def _queue(job_id: int) -> None:
    from forum.worker import execute_job

    execute_job(job_id)


def run_job(job_id: int) -> None:
    """Run one job inside an app context; failures are recorded, never lost."""
    job = db.session.get(Job, job_id)
    if job is None or job.status == JobStatus.DONE:
        return
    job.status, job.attempts, job.stage = JobStatus.RUNNING, job.attempts + 1, "Starting"
    db.session.commit()

    def progress(stage: str, percent: int) -> None:
        job.stage, job.percent = stage, max(0, min(100, int(percent)))
        db.session.commit()

    try:
        _HANDLERS[job.kind](job, progress)
    except Exception as error:  # any failure must reach the page, not vanish in a log
        db.session.rollback()
        job = db.session.get(Job, job_id)
        job.status = JobStatus.FAILED
        job.message = str(error) if isinstance(error, JobFailure) else (
            f"The job stopped with an unexpected error ({type(error).__name__}: {error}). "
            "You can try again; if it fails again, tell an admin.")
        job.finished_at = utcnow()
        db.session.commit()
        return
    job.status, job.percent, job.stage, job.finished_at = JobStatus.DONE, 100, "Finished", utcnow()
    db.session.commit()
