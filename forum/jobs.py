"""Background jobs: queued in Huey, tracked in the jobs table so pages can show progress.

Packages register a handler per job kind; a handler gets the Job and a ``progress``
callback. A handler that raises marks the job failed with its message; the job can be
queued again with ``retry_job``. Handlers write their output in one transaction at the
end, so a job that stops half-way leaves nothing half-written.

A running job beats a heartbeat; when its worker dies the heartbeat stops, and
``fail_abandoned_jobs`` (run when a worker starts and every minute) marks it failed.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import timedelta
from typing import Callable, Optional

from flask import current_app
from sqlalchemy import event, func, select, update

from forum.extensions import db
from forum.models import Job, JobStatus
from forum.models.base import utcnow

_HANDLERS: dict[str, Callable] = {}
_ON_ABANDONED: dict[str, Callable] = {}
WORKER_STOPPED = "The background worker stopped while this ran. Retry it."


class JobFailure(Exception):
    """Raise from a handler with a plain-English reason the job could not finish."""


def register_job_handler(kind: str, handler: Callable, on_abandoned: Optional[Callable] = None) -> None:
    """Register the handler of a job kind.

    Args:
        kind: the job kind, e.g. "transcript.redact".
        handler: ``handler(job, progress)``.
        on_abandoned: ``on_abandoned(job)``, called (uncommitted) when the job is marked
            failed because its worker died, to put what it was working on into a failed state.
    """
    _HANDLERS[kind] = handler
    if on_abandoned is not None:
        _ON_ABANDONED[kind] = on_abandoned


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
    job.finished_at = None
    db.session.commit()
    _queue(job.id)
    return job


def _queue(job_id: int) -> None:
    from forum.worker import execute_job

    execute_job(job_id)


def lease_seconds() -> int:
    return int(current_app.config.get("JOB_LEASE_SECONDS", 300))


@contextmanager
def _heartbeat(job_id: int):
    """Beat on a separate connection while the handler runs, even in long silent steps."""
    app, stop = current_app._get_current_object(), threading.Event()
    interval = max(1.0, lease_seconds() / 5)

    def beat():
        while not stop.wait(interval):
            try:
                with app.app_context():
                    _write_job(job_id, heartbeat_at=utcnow())
            except Exception:  # a missed beat only brings the lease nearer; the next one retries
                continue

    thread = threading.Thread(target=beat, name=f"job-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def run_job(job_id: int) -> None:
    """Run one job inside an app context; failures are recorded, never lost."""
    job = db.session.get(Job, job_id)
    if job is None or job.status == JobStatus.DONE:
        return
    now = utcnow()
    job.status, job.attempts, job.stage = JobStatus.RUNNING, job.attempts + 1, "Starting"
    job.started_at = job.heartbeat_at = now
    db.session.commit()

    session, flushed = db.session(), []

    def progress(stage: str, percent: int) -> None:
        # On its own connection, so it never commits the handler's half-done work. Once the
        # handler has flushed writes, SQLite holds the write lock for them: skip until the end.
        if flushed:
            return
        _write_job(job_id, stage=stage[:100], percent=max(0, min(100, int(percent))),
                   heartbeat_at=utcnow())

    def note_flush(*_args) -> None:
        flushed.append(True)

    def note_end(*_args) -> None:
        flushed.clear()  # committed or rolled back: the write lock is free again

    event.listen(session, "after_flush", note_flush)
    event.listen(session, "after_commit", note_end)
    event.listen(session, "after_rollback", note_end)
    try:
        with _heartbeat(job_id):
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
    finally:
        event.remove(session, "after_flush", note_flush)
        event.remove(session, "after_commit", note_end)
        event.remove(session, "after_rollback", note_end)
    job.status, job.percent, job.stage, job.finished_at = JobStatus.DONE, 100, "Finished", utcnow()
    db.session.commit()


def _write_job(job_id: int, **values) -> None:
    """Update a running job's row on a separate connection (progress and heartbeats)."""
    table = Job.__table__
    with db.engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == job_id,
                                         table.c.status == JobStatus.RUNNING.value).values(**values))


def fail_abandoned_jobs(lease: Optional[int] = None) -> list[int]:
    """Mark failed every running job whose heartbeat is older than the lease.

    Args:
        lease: seconds without a heartbeat after which the worker is taken to be dead
            (default: the JOB_LEASE_SECONDS setting).

    Returns:
        The ids of the jobs marked failed; each can be retried with ``retry_job``.
    """
    cutoff = utcnow() - timedelta(seconds=lease_seconds() if lease is None else lease)
    last_sign_of_life = func.coalesce(Job.heartbeat_at, Job.started_at, Job.created_at)
    stale = db.session.scalars(select(Job).where(Job.status == JobStatus.RUNNING,
                                                 last_sign_of_life < cutoff)).all()
    for job in stale:
        job.status, job.message, job.finished_at = JobStatus.FAILED, WORKER_STOPPED, utcnow()
        if job.kind in _ON_ABANDONED:
            _ON_ABANDONED[job.kind](job)
    db.session.commit()
    return [job.id for job in stale]
