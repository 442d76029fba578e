"""Scenario (b) of bench/faults.py: SIGKILL the Huey worker in the middle of a long job.

Each job kind the bench can set up itself has a set-up (data plus the queued job) and an
output check (rows written, rows doubled, finished or not): transcript redaction, survey
answer segmenting and the theme analysis (``analysis.run``). Another kind is queued with
``--job-params``; add its output check to OUTPUTS.
"""
from __future__ import annotations

import json
import subprocess
import time

from bench.faults import LEASE, ROOT, WORKER_DIR, _env, kill_group

WAIT_RUNNING = 300
WAIT_FAILED = 120
WAIT_DONE = 900


def _long_transcript(args) -> dict:
    """The demo housing transcript, ``--copies`` times over, queued for redaction."""
    from sqlalchemy import select

    from analysis.services.transcripts import import_transcript
    from forum.extensions import db
    from forum.jobs import enqueue
    from forum.models import FocusGroupSession, User

    text = (ROOT / "forum/demo/transcripts/housing-and-release.txt").read_bytes()
    session = db.session.scalar(
        select(FocusGroupSession).where(FocusGroupSession.title == "Housing and release"))
    facilitator = db.session.scalar(
        select(User).where(User.email == "facilitator@forumvoice.example"))
    transcript = import_transcript(session, "long.txt", b"\n\n".join([text] * args.copies),
                                   facilitator)
    job = enqueue("transcript.redact", {"transcript_id": transcript.id})
    transcript.job_id = job.id
    db.session.commit()
    return job.params


def _survey_answers(args) -> dict:
    from forum.jobs import enqueue
    from surveys.demo import load_demo_survey

    load_demo_survey()
    return enqueue("answers.segment", {"consultation_id": 1}).params


def _redactions(params) -> dict:
    from sqlalchemy import func, select

    from forum.extensions import db
    from forum.models import Redaction, Transcript, Turn

    rows = select(Redaction.turn_id, Redaction.start, Redaction.end, func.count().label("n")).join(
        Turn, Turn.id == Redaction.turn_id).where(
            Turn.transcript_id == params["transcript_id"]).group_by(
        Redaction.turn_id, Redaction.start, Redaction.end).subquery()
    written = db.session.scalar(select(func.coalesce(func.sum(rows.c.n), 0)))
    doubled = db.session.scalar(select(func.coalesce(func.sum(rows.c.n - 1), 0)))
    status = db.session.get(Transcript, params["transcript_id"]).status.value
    return {"written": int(written), "doubled": int(doubled), "complete": status == "needs_review",
            "state": f"transcript {status}"}


def _segments(params) -> dict:
    from sqlalchemy import func, select

    from forum.extensions import db
    from forum.models import Segment

    rows = select(Segment.source_type, Segment.position, func.count().label("n")).where(
        Segment.consultation_id == params["consultation_id"]).group_by(
        Segment.source_type, Segment.position).subquery()
    written = int(db.session.scalar(select(func.coalesce(func.sum(rows.c.n), 0))))
    doubled = int(db.session.scalar(select(func.coalesce(func.sum(rows.c.n - 1), 0))))
    return {"written": written, "doubled": doubled, "complete": written > 0,
            "state": f"{written} segments"}


def _long_analysis(args) -> dict:
    """The demo's queued theme analysis, over its segments ``--copies`` times (reworded)."""
    from sqlalchemy import select

    from analysis.services.themes import active_run, start_run
    from analysis.views.demo import load_demo_transcripts
    from forum.extensions import db
    from forum.models import Consultation
    from forum.services.segments import text_hash, usable_segments

    load_demo_transcripts("en_core_web_sm")  # approved demo transcripts: the segments
    consultation = db.session.scalar(select(Consultation).order_by(Consultation.id).limit(1))
    originals = usable_segments(consultation.id)
    for copy in range(1, args.copies):
        for segment in originals:
            text = f"{segment.text} (said again, {copy})"
            db.session.add(type(segment)(
                consultation_id=segment.consultation_id, source_type=segment.source_type,
                source_id=segment.source_id, member_id=segment.member_id,
                question_id=segment.question_id, text=text, text_hash=text_hash(text)))
    db.session.commit()
    run = active_run(consultation.id) or start_run(consultation.id, None)
    return {"run_id": run.id, "_job": run.job_id}


def _themes(params) -> dict:
    from sqlalchemy import func, select

    from analysis.models import AnalysisRun, Theme, ThemeSegment
    from forum.extensions import db

    run = db.session.get(AnalysisRun, params["run_id"])
    themes = db.session.scalar(select(func.count(Theme.id)).where(
        Theme.consultation_id == run.consultation_id))
    placed = select(ThemeSegment.segment_id, func.count().label("n")).group_by(
        ThemeSegment.segment_id).subquery()
    doubled = int(db.session.scalar(select(func.coalesce(func.sum(placed.c.n - 1), 0))))
    return {"written": int(themes), "doubled": doubled,
            "complete": run.status.value == "done" and themes > 0,
            "state": f"run {run.status.value}, {themes} themes"}


SETUPS = {"transcript.redact": _long_transcript, "answers.segment": _survey_answers,
          "analysis.run": _long_analysis}
OUTPUTS = {"transcript.redact": _redactions, "answers.segment": _segments, "analysis.run": _themes}


def start_worker(url: str, extra: dict | None = None) -> subprocess.Popen:
    command = [str(ROOT / ".venv/bin/python"), "worker.py", "--workers", "1",
               "--worker-type", "thread", "--quiet"]
    return subprocess.Popen(command, cwd=ROOT, env={**_env(url, WORKER_DIR), **(extra or {})},
                            start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _wait_for(job_id: int, done, seconds: float):
    from forum.extensions import db
    from forum.models import Job

    deadline = time.time() + seconds
    while time.time() < deadline:
        db.session.expire_all()
        job = db.session.get(Job, job_id)
        if done(job):
            return job
        time.sleep(0.2)
    return None


def prepare_job(args):
    """A fresh SQLite database with the demo and the job of ``--job-kind`` queued.

    Returns:
        (database URL, app, the job's params, the job's id).
    """
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app import create_app
    from forum.demo import load_demo
    from forum.extensions import db
    from forum.jobs import enqueue

    url = f"sqlite:///{WORKER_DIR}/faults.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "DATA_DIR": WORKER_DIR})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        load_demo()
        params = (enqueue(args.job_kind, json.loads(args.job_params)).params if args.job_params
                  else SETUPS[args.job_kind](args))
        job_id = params.pop("_job", None) or db.session.scalar(text("SELECT max(id) FROM jobs"))
    return url, app, params, job_id


def worker_kill(args) -> dict:
    """Kill the worker mid-job, restart it, check the job failed cleanly, retry it, check again."""
    from forum.extensions import db
    from forum.jobs import retry_job
    from forum.leases import WORKER_STOPPED
    from forum.models import Job

    url, app, params, job_id = prepare_job(args)
    kind = args.job_kind
    with app.app_context():
        check = OUTPUTS.get(kind, lambda _params: {"written": 0, "doubled": 0, "complete": True,
                                                    "state": "no output check for this kind"})
        worker = start_worker(url)
        started = time.perf_counter()
        running = _wait_for(job_id, lambda j: j.status.value in ("done", "failed") or (
            j.status.value == "running" and (j.percent or 0) >= args.kill_at), WAIT_RUNNING)
        if running is None or running.status.value != "running":
            kill_group(worker)
            state = f"{running.status.value}: {running.message}" if running else "never started"
            raise SystemExit(f"worker-kill: the {kind} job ended or never got going before it "
                             f"could be killed ({state}); make it longer (--copies)")
        took = time.perf_counter() - started
        killed_at = f"{running.stage} {running.percent}% after {took:.1f} s"
        kill_group(worker)
        time.sleep(LEASE + 1)  # past the lease: the restarted worker finds the job abandoned
        worker = start_worker(url)
        failed = _wait_for(job_id, lambda j: j.status.value == "failed", WAIT_FAILED)
        half = check(params)
        message = failed.message if failed is not None else None
        retry_job(db.session.get(Job, job_id))
        retried = time.perf_counter()
        done = _wait_for(job_id, lambda j: j.status.value in ("done", "failed") and j.attempts >= 2,
                         WAIT_DONE)
        final = check(params)
        kill_group(worker)
        db.engine.dispose()
    finished = done is not None and done.status.value == "done" and final["complete"]
    errors = int(failed is None) + int(message != WORKER_STOPPED) + int(half["written"] > 0)
    note = (f"{kind}: killed at {killed_at}; after restart: job "
            f"{'failed: ' + repr(message) if failed else 'NOT marked failed'}, "
            f"{half['written']} output rows, {half['state']}; retry "
            f"{'finished' if finished else 'did NOT finish'} in "
            f"{time.perf_counter() - retried:.1f} s: "
            f"{final['written']} rows, {final['state']}")
    return {"scenario": "worker-kill", "sent": 1, "stored": int(finished),
            "lost": int(not finished),
            "duplicated": final["doubled"], "errors": errors, "note": note}

