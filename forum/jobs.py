"""Background jobs: queued in Huey, tracked in the jobs table so pages can show progress.

Packages register a handler per job kind; a handler gets the Job and a ``progress``
callback. A handler that raises marks the job failed with its message; the job can be
queued again with ``retry_job``. Handlers write their output in one transaction at the
end, so a job that stops half-way leaves nothing half-written.

A running job records its worker process ("host:pid") and beats a heartbeat (``forum.leases``).
``fail_abandoned_jobs`` (run when a worker starts, and every third of the lease on each
worker) marks it failed when that process is gone (a worker on this host) or its heartbeat is
older than the lease (a worker on another host: 45 s by default).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from huey import crontab
from sqlalchemy import event, func, select, update

from forum.extensions import db
from forum.leases import (
    heartbeat,
    lease_seconds,
    on_this_host,
    process_gone,
    take_over,
    watch,
    worker_identity,
)
from forum.models import Job, JobStatus
from forum.models.base import utcnow
from forum.queue import huey, worker_app

# A handler's progress callback: progress(stage, percent).
Progress = Callable[[str, int], None]
_HANDLERS: dict[str, Callable] = {}
_ON_ABANDONED: dict[str, Callable] = {}
log = logging.getLogger(__name__)


class JobFailure(Exception):
    """Raise from a handler with a plain-English reason the job could not finish."""


def register_job_handler(kind: str, handler: Callable,
                         on_abandoned: Callable | None = None) -> None:
    """Register the handler of a job kind.

    Args:
        kind: the job kind, e.g. "transcript.redact".
        handler: ``handler(job, progress)``.
        on_abandoned: ``on_abandoned(job)``, called (uncommitted) when the job is marked
            failed because its worker died, to put what it was working on into a failed state.
            If it returns True the job is queued again instead (work that is safe to redo,
            such as one batch of a larger job).
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
    execute_job(job_id)


def queue_job(job_id: int) -> None:
    """Hand a job row already committed as QUEUED to the workers (``enqueue`` makes and queues)."""
    _queue(job_id)


def run_job(job_id: int) -> None:
    """Run one job inside an app context; failures are recorded, never lost."""
    job = db.session.get(Job, job_id)
    if job is None or job.status == JobStatus.DONE:
        return
    now = utcnow()
    job.status, job.attempts, job.stage = JobStatus.RUNNING, job.attempts + 1, "Starting"
    job.started_at = job.heartbeat_at = now
    job.worker = worker = worker_identity()
    attempt = job.attempts
    db.session.commit()

    session = db.session()
    flushed: list[bool] = []

    def progress(stage: str, percent: int) -> None:
        # On its own connection, so it never commits the handler's half-done work. Once the
        # handler has flushed writes, SQLite holds the write lock for them: skip until the end.
        if flushed:
            return
        _write_job(job_id, stage=stage[:100], percent=max(0, min(100, int(percent))),
                   heartbeat_at=utcnow())

    def note_flush(*_args) -> None:
        flushed.append(True)

    def note_statement(state) -> None:
        # INSERT/UPDATE/DELETE run through session.execute take the write lock without a flush.
        if state.is_insert or state.is_update or state.is_delete:
            flushed.append(True)

    def note_end(*_args) -> None:
        flushed.clear()  # committed or rolled back: the write lock is free again

    event.listen(session, "after_flush", note_flush)
    event.listen(session, "do_orm_execute", note_statement)
    event.listen(session, "after_commit", note_end)
    event.listen(session, "after_rollback", note_end)
    try:
        with heartbeat(job_id, worker, attempt):
            _HANDLERS[job.kind](job, progress)
    except Exception as error:  # any failure must reach the page, not vanish in a log
        # The page gets a plain sentence; the log keeps the whole traceback for whoever fixes it.
        log.exception("Job %s (%s) failed", job_id, job.kind)
        db.session.rollback()
        failed = db.session.get(Job, job_id)
        if failed is None:  # deleted with its consultation while it ran: nothing to report
            return
        failed.status = JobStatus.FAILED
        failed.message = str(error) if isinstance(error, JobFailure) else (
            f"The job stopped with an unexpected error ({type(error).__name__}: {error}). "
            "You can try again; if it fails again, tell an admin.")
        failed.finished_at = utcnow()
        db.session.commit()
        return
    finally:
        event.remove(session, "after_flush", note_flush)
        event.remove(session, "do_orm_execute", note_statement)
        event.remove(session, "after_commit", note_end)
        event.remove(session, "after_rollback", note_end)
    job.status, job.percent, job.stage, job.finished_at = JobStatus.DONE, 100, "Finished", utcnow()
    db.session.commit()


def _write_job(job_id: int, **values) -> None:
    """Update a running job's row on a separate connection (its progress)."""
    table = Job.__table__
    with db.engine.begin() as conn:
        running = table.c.status == JobStatus.RUNNING.value
        conn.execute(update(table).where(table.c.id == job_id, running).values(**values))


def fail_abandoned_jobs(lease: int | None = None) -> list[int]:
    """Mark failed every running job whose worker process is gone (a worker on this host)
    or whose heartbeat is older than the lease (a worker elsewhere: ``forum.leases``).

    Args:
        lease: seconds without a heartbeat after which the worker is taken to be dead
            (default: the JOB_LEASE_SECONDS setting).

    Returns:
        The ids of the abandoned jobs this call took over: each is failed (and can be
        retried with ``retry_job``) or, when its ``on_abandoned`` said so, queued again.
    """
    cutoff = utcnow() - timedelta(seconds=lease_seconds() if lease is None else lease)
    last_sign_of_life = func.coalesce(Job.heartbeat_at, Job.started_at, Job.created_at)
    rows = db.session.execute(select(Job, (last_sign_of_life < cutoff).label("expired"))
                              .where(Job.status == JobStatus.RUNNING)).all()
    taken = []
    for job, expired in rows:
        # A process on this host is asked; elsewhere only the lease can tell.
        here = on_this_host(job.worker)
        if (process_gone(job.worker) if here else expired) and take_over(
                job, None if here else cutoff):
            taken.append(job)
    again = []
    for job in taken:
        if job.kind in _ON_ABANDONED and _ON_ABANDONED[job.kind](job) is True:
            job.status, job.message, job.finished_at, job.stage = JobStatus.QUEUED, None, None, None
            again.append(job.id)
    db.session.commit()
    for job_id in again:  # after the commit, so the worker that takes it sees it queued
        _queue(job_id)
    return [job.id for job in taken]


@huey.task()
def execute_job(job_id: int) -> None:
    """The worker's task: run one job in the worker's app."""
    with worker_app().app_context():
        run_job(job_id)


def recover_abandoned_jobs() -> list[int]:
    """Mark failed the jobs a dead worker left running (their heartbeat is past the lease)."""
    with worker_app().app_context():
        return fail_abandoned_jobs()


def watch_abandoned_jobs() -> threading.Event | None:
    """Look for abandoned jobs every third of the lease on a thread of this worker process,
    so a dead worker's job is taken over within about a minute (called by ``worker.py``).

    Returns:
        An event that stops the looking when set; None when this process already watches.
    """
    with worker_app().app_context():
        every = lease_seconds() / 3
    return watch(recover_abandoned_jobs, every)


@huey.on_startup()
def recover_on_start() -> None:
    recover_abandoned_jobs()


@huey.periodic_task(crontab(minute="*"))
def check_abandoned_jobs() -> None:
    """Every minute, fail the jobs whose worker has gone."""
    recover_abandoned_jobs()
