"""Job faults: a dead worker's job fails with a message and is retried; output is all or nothing."""
import time
from datetime import timedelta

from sqlalchemy import func, select, text

from forum.extensions import db
from forum.jobs import enqueue, fail_abandoned_jobs, register_job_handler, retry_job
from forum.leases import WORKER_STOPPED
from forum.models import Consultation, Job, JobStatus
from forum.models.base import utcnow
from tests.surveys.conftest import consultation  # noqa: F401  (fixture)

abandoned = []


def _writes_then_fails(job, progress):
    db.session.add(Consultation(title="Half-written", consulting_body="Test"))
    progress("Writing", 50)
    if job.attempts == 1:
        raise RuntimeError("killed half-way")


def _quiet(job, progress):
    pass


def _running_job(kind: str, last_beat_seconds_ago: int) -> Job:
    beat = utcnow() - timedelta(seconds=last_beat_seconds_ago)
    job = Job(kind=kind, params={}, status=JobStatus.RUNNING, attempts=1, started_at=beat,
              heartbeat_at=beat, stage="Working", percent=40)
    db.session.add(job)
    db.session.commit()
    return job


def test_a_job_left_running_by_a_dead_worker_is_failed_and_can_be_retried(app):
    register_job_handler("test.quiet", _quiet, on_abandoned=lambda job: abandoned.append(job.id))
    dead = _running_job("test.quiet", last_beat_seconds_ago=600)
    alive = _running_job("test.quiet", last_beat_seconds_ago=5)
    assert fail_abandoned_jobs(lease=300) == [dead.id]
    db.session.refresh(dead)
    db.session.refresh(alive)
    assert dead.status == JobStatus.FAILED and dead.message == WORKER_STOPPED
    assert dead.message == "The background worker stopped while this ran. Retry it."
    assert dead.id in abandoned and alive.id not in abandoned
    assert alive.status == JobStatus.RUNNING
    retry_job(dead)
    db.session.refresh(dead)
    assert dead.status == JobStatus.DONE and dead.attempts == 2 and dead.message is None


def test_the_worker_checks_for_abandoned_jobs_when_it_starts(app):
    from forum.jobs import check_abandoned_jobs, recover_on_start

    register_job_handler("test.quiet", _quiet)
    first = _running_job("test.quiet", 900)
    recover_on_start()
    db.session.expire_all()
    assert db.session.get(Job, first.id).status == JobStatus.FAILED
    second = _running_job("test.quiet", 900)
    check_abandoned_jobs.call_local()  # what the consumer runs every minute
    db.session.expire_all()
    assert db.session.get(Job, second.id).message == WORKER_STOPPED


def test_a_job_that_stops_half_way_leaves_no_half_written_output(app):
    register_job_handler("test.half", _writes_then_fails)
    job = enqueue("test.half")
    db.session.refresh(job)
    assert job.status == JobStatus.FAILED and "killed half-way" in job.message
    assert db.session.scalar(
        select(func.count(Consultation.id))) == 0, "progress committed half the output"
    retry_job(job)
    db.session.refresh(job)
    assert job.status == JobStatus.DONE
    assert db.session.scalar(select(func.count(Consultation.id))) == 1


def test_progress_is_shown_while_the_handler_runs(app):
    seen = []

    def handler(job, progress):
        progress("Counting words", 30)
        with db.engine.connect() as conn:  # what a page would read meanwhile
            seen.append(conn.execute(text("SELECT stage, percent FROM jobs WHERE id = :id"),
                                     {"id": job.id}).one())

    register_job_handler("test.progress", handler)
    enqueue("test.progress")
    assert tuple(seen[0]) == ("Counting words", 30)


def test_progress_shows_again_once_the_handler_has_committed(app):
    seen = []

    def read(job_id):
        with db.engine.connect() as conn:
            return tuple(conn.execute(text("SELECT stage, percent FROM jobs WHERE id = :id"),
                                      {"id": job_id}).one())

    def handler(job, progress):
        db.session.add(Consultation(title="Committed early", consulting_body="Test"))
        db.session.flush()
        progress("While writes are pending", 10)  # skipped: the write lock is held
        seen.append(read(job.id))
        db.session.commit()
        progress("After the commit", 60)
        seen.append(read(job.id))

    register_job_handler("test.commit_then_progress", handler)
    enqueue("test.commit_then_progress")
    assert seen[0] != ("While writes are pending", 10)
    assert seen[1] == ("After the commit", 60)


def test_a_long_silent_step_keeps_beating(app):
    app.config["JOB_LEASE_SECONDS"] = 5  # a beat every second
    beats = []

    def handler(job, progress):
        started = job.started_at
        time.sleep(2.5)
        with db.engine.connect() as conn:
            beats.append(
                (started, conn.execute(text("SELECT heartbeat_at FROM jobs WHERE id = :id"),
                                                {"id": job.id}).scalar()))

    register_job_handler("test.silent", handler)
    enqueue("test.silent")
    started, last_beat = beats[0]
    assert str(last_beat) > str(started).replace("+00:00",
                                                 ""), "no heartbeat during the silent step"


def test_a_csv_import_cut_off_by_a_dead_worker_can_be_run_again(app, consultation):
    from surveys.models import CsvImportStatus
    from surveys.services.imports import JOB_KIND, choose_columns, upload

    record = upload(consultation, "a.csv", b"id,text\nA1,Fine\n", None)
    record.status = CsvImportStatus.CHECKING
    job = _running_job(JOB_KIND, 900)
    job.params = {"import_id": record.id}
    record.job_id = job.id
    db.session.commit()
    fail_abandoned_jobs(lease=300)
    db.session.refresh(record)
    assert record.status == CsvImportStatus.UPLOADED and record.answer_count in (0, None)
    choose_columns(record, "id", {"text": consultation.questions[0].id})
    assert record.status == CsvImportStatus.IMPORTED and record.answer_count == 1


def _divides_by_zero(job, progress):
    return 1 / 0


def test_a_failed_job_keeps_its_traceback_in_the_log(app, caplog):
    register_job_handler("test.crash", _divides_by_zero)
    with caplog.at_level("ERROR", logger="forum.jobs"):
        job = enqueue("test.crash")
    db.session.refresh(job)
    assert job.status == JobStatus.FAILED and "ZeroDivisionError" in job.message
    record = next(r for r in caplog.records if r.name == "forum.jobs")
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError
    assert "_divides_by_zero" in caplog.text  # the frame that failed, not just its message
