"""Job leases: a running job belongs to its worker while the worker beats for it.

A worker beats every ``lease_seconds() / 5`` on a connection of its own (``heartbeat``), so
the lease can be short: a job whose worker on another machine stopped beating is taken
over (``take_over``) within the lease, and every worker process looks for such jobs every
``lease_seconds() / 3`` (``watch``), not only at the minute. A worker on this machine is
judged by its process instead: while it exists, its job is its own whatever the beats say
(on SQLite a handler's open write transaction holds every beat off until it commits).
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from flask import current_app
from sqlalchemy import func, update

from forum.extensions import db
from forum.models import Job, JobStatus
from forum.models.base import utcnow

__all__ = ["WORKER_STOPPED", "heartbeat", "lease_seconds", "process_gone", "take_over", "watch",
           "worker_identity"]

log = logging.getLogger(__name__)
# What a job taken over from a dead worker says on its page.
WORKER_STOPPED = "The background worker stopped while this ran. Retry it."


def lease_seconds() -> int:
    """Args: none. Returns: the JOB_LEASE_SECONDS setting (``forum.config``)."""
    return int(current_app.config["JOB_LEASE_SECONDS"])


def worker_identity() -> str:
    """This process, as recorded on the jobs it runs: "host:pid"."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}"


def on_this_host(worker: str | None) -> bool:
    """Args: a job's worker ("host:pid"). Returns: whether its process can be checked here."""
    host, _, pid = (worker or "").rpartition(":")
    return host == socket.gethostname()[:80] and pid.isdigit()


def process_gone(worker: str | None) -> bool:
    """True when ``worker`` names a process on this host that no longer exists."""
    if not on_this_host(worker):
        return False  # another host's worker: only its lease can tell
    try:
        os.kill(int((worker or "").rpartition(":")[2]), 0)  # signal 0: asks, sends nothing
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # exists, under another user
    return False


def _mine(job_id: int, worker: str, attempt: int):
    table = Job.__table__
    return (table.c.id == job_id, table.c.status == JobStatus.RUNNING.value,
            table.c.worker == worker, table.c.attempts == attempt)


@contextmanager
def heartbeat(job_id: int, worker: str, attempt: int) -> Iterator[None]:
    """Renew this attempt's lease on a connection of its own while the handler runs.

    Only the attempt's own row is renewed: once another worker took the job over, a late
    beat of this one never keeps the new attempt's lease alive.

    Args:
        job_id: the running job.
        worker: this process (``worker_identity``), as recorded on the job.
        attempt: the job's attempts count when this worker took it.
    """
    # The real app behind the proxy, for the thread (Flask types the proxy as Flask).
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    stop = threading.Event()
    interval = max(1.0, lease_seconds() / 5)

    def beat() -> None:
        while not stop.wait(interval):
            try:
                with app.app_context(), db.engine.begin() as conn:
                    conn.execute(update(Job.__table__).where(*_mine(job_id, worker, attempt))
                                 .values(heartbeat_at=utcnow()))
            except Exception:  # a missed beat only brings the lease nearer; the next one retries
                continue

    thread = threading.Thread(target=beat, name=f"job-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def take_over(job: Job, cutoff: datetime | None) -> bool:
    """Mark a running job failed for its dead worker, unless someone got there first.

    The check and the change are one UPDATE, so two workers looking at once never both take
    the job, and a beat that came in since the job was read keeps it with its worker.

    Args:
        job: a job read as running.
        cutoff: its last sign of life must be older than this (None: its process is gone).

    Returns:
        True when this call took the job (failed, in this session's transaction).
    """
    table = Job.__table__
    where = list(_mine(job.id, job.worker, job.attempts)) if job.worker else [
        table.c.id == job.id, table.c.status == JobStatus.RUNNING.value,
        table.c.worker.is_(None), table.c.attempts == job.attempts]
    if cutoff is not None:
        where.append(func.coalesce(table.c.heartbeat_at, table.c.started_at,
                                   table.c.created_at) < cutoff)
    taken = db.session.execute(update(table).where(*where).values(
        status=JobStatus.FAILED.value, message=WORKER_STOPPED, finished_at=utcnow()))
    db.session.expire(job)
    return bool(taken.rowcount)  # type: ignore[attr-defined]


_watching = threading.Event()


def watch(check: Callable[[], object], every: float) -> threading.Event | None:
    """Run ``check`` every ``every`` seconds on a thread of this process (once per process).

    Args:
        check: looks for abandoned jobs (``forum.jobs.recover_abandoned_jobs``).
        every: seconds between looks.

    Returns:
        An event that stops the looking when set, or None when this process already watches.
    """
    if _watching.is_set():
        return None
    _watching.set()
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            try:
                check()
            except Exception:  # the next look tries again; a page still shows the job running
                log.exception("Looking for abandoned jobs failed")

    threading.Thread(target=loop, name="job-lease-watch", daemon=True).start()
    return stop
