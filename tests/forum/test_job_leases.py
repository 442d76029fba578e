"""Short job leases kept alive by heartbeats: a dead worker's job is taken over within about a
minute, a live worker's long job never is."""
import threading
from datetime import timedelta

from sqlalchemy import text, update

from forum.extensions import db
from forum.jobs import enqueue, fail_abandoned_jobs, register_job_handler
from forum.leases import WORKER_STOPPED
from forum.models import Job, JobStatus
from forum.models.base import utcnow

ELSEWHERE = "another-host:4242"


def _running_job(worker: str | None, last_beat_seconds_ago: float, attempts: int = 1) -> Job:
    beat = utcnow() - timedelta(seconds=last_beat_seconds_ago)
    job = Job(kind="test.lease", params={}, status=JobStatus.RUNNING, attempts=attempts,
              started_at=beat, heartbeat_at=beat, stage="Working", percent=40, worker=worker)
    db.session.add(job)
    db.session.commit()
    return job


def _status(job_id: int) -> JobStatus:
    db.session.expire_all()
    return db.session.get(Job, job_id).status


def test_a_dead_workers_job_is_taken_over_after_the_short_default_lease(app):
    from app import create_app

    register_job_handler("test.lease", lambda job, progress: None)
    assert 30 <= create_app({"TESTING": True}).config["JOB_LEASE_SECONDS"] <= 60
    dead = _running_job(ELSEWHERE, last_beat_seconds_ago=70)
    beating = _running_job(ELSEWHERE, last_beat_seconds_ago=5)
    assert fail_abandoned_jobs() == [dead.id]  # the default lease, as the worker checks
    assert _status(dead.id) == JobStatus.FAILED and _status(beating.id) == JobStatus.RUNNING


def test_a_live_worker_on_this_host_keeps_its_job_while_its_beats_are_held_off(app):
    # On SQLite a handler's open write transaction holds every beat off until it commits:
    # its process is there, so the job is still its own.
    from forum.leases import worker_identity

    register_job_handler("test.lease", lambda job, progress: None)
    held_off = _running_job(worker_identity(), last_beat_seconds_ago=600)
    assert fail_abandoned_jobs(lease=30) == []
    assert _status(held_off.id) == JobStatus.RUNNING


def test_a_long_job_on_a_live_worker_keeps_its_short_lease(app, monkeypatch):
    app.config["JOB_LEASE_SECONDS"] = 2  # a beat every second
    monkeypatch.setattr("forum.jobs.worker_identity", lambda: ELSEWHERE)  # no process to ask
    taken: list[list[int]] = []
    beat = threading.Event()

    def handler(job, progress):
        for _ in range(4):  # longer than the lease, saying nothing
            with db.engine.connect() as conn:
                first = conn.execute(text("SELECT heartbeat_at FROM jobs WHERE id = :id"),
                                     {"id": job.id}).scalar()
            beat.wait(1.2)
            taken.append(fail_abandoned_jobs())  # another worker looking meanwhile
            with db.engine.connect() as conn:
                assert conn.execute(text("SELECT heartbeat_at FROM jobs WHERE id = :id"),
                                    {"id": job.id}).scalar() != first

    register_job_handler("test.long", handler)
    job = enqueue("test.long")
    db.session.refresh(job)
    assert taken == [[]] * 4
    assert job.status == JobStatus.DONE and job.attempts == 1


def test_a_late_beat_never_renews_the_lease_of_the_attempt_that_took_over(app):
    from forum.leases import heartbeat

    app.config["JOB_LEASE_SECONDS"] = 2
    job = _running_job("new-host:7", last_beat_seconds_ago=40, attempts=2)
    before = job.heartbeat_at
    with heartbeat(job.id, ELSEWHERE, attempt=1):
        threading.Event().wait(1.5)  # one beat of the first attempt's worker
    db.session.expire_all()
    assert db.session.get(Job, job.id).heartbeat_at == before


def test_two_workers_looking_at_once_take_a_dead_job_once(app):
    from forum.leases import take_over

    register_job_handler("test.lease", lambda job, progress: None)
    dead = _running_job(ELSEWHERE, last_beat_seconds_ago=600)
    cutoff = utcnow() - timedelta(seconds=45)
    seen = db.session.get(Job, dead.id)  # read as running by this worker...
    with db.engine.begin() as conn:  # ...while another took it and queued it again
        conn.execute(update(Job.__table__).where(Job.__table__.c.id == dead.id)
                     .values(status=JobStatus.QUEUED.value))
    assert take_over(seen, cutoff) is False
    db.session.commit()
    assert _status(dead.id) == JobStatus.QUEUED
    again = _running_job(ELSEWHERE, last_beat_seconds_ago=600)
    assert take_over(db.session.get(Job, again.id), cutoff) is True
    db.session.commit()
    assert _status(again.id) == JobStatus.FAILED
    assert db.session.get(Job, again.id).message == WORKER_STOPPED


def test_each_worker_process_looks_for_abandoned_jobs_more_often_than_each_minute(monkeypatch):
    from forum import leases

    monkeypatch.setattr(leases, "_watching", threading.Event())
    looked = threading.Semaphore(0)
    stop = leases.watch(looked.release, every=0.01)
    assert stop is not None
    assert leases.watch(looked.release, every=0.01) is None  # one watcher a process
    assert all(looked.acquire(timeout=5) for _ in range(3))
    stop.set()
