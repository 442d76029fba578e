"""Scenario (d) of bench/faults.py: SIGKILL the worker of an install started like the README says.

``bash scripts/run.sh`` (set-up, migrations, demo data, then supervisord running gunicorn and
the Huey worker) in a fresh data folder. A long job is queued; once it is under way its worker
process (the one the job row names) is SIGKILLed. Measured: whether the site kept answering,
whether supervisord started a new worker on its own, how long until the job was marked failed
(aim: under 30 s, with the default 300 s lease), and whether a retry finishes with no doubled
output. run.sh's set-up step can be skipped with FORUM_SKIP_SETUP=1 when the venv is shared.
"""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import threading
import time

from bench.faults import ROOT, WORKER_DIR
from bench.faults_worker import OUTPUTS, SETUPS, _wait_for
from bench.sync_load import HOST, free_port

WAIT_UP = 900  # a first run of run.sh sets up and loads the demo (spaCy) before serving
FAIL_WITHIN = 30


def _status(port: int, path: str = "/healthz") -> int:
    try:
        conn = http.client.HTTPConnection(HOST, port, timeout=5)
        conn.request("GET", path)
        status = conn.getresponse().status
        conn.close()
        return status
    except (OSError, http.client.HTTPException):
        return 0


def _start_run_sh(port: int) -> subprocess.Popen:
    env = {**os.environ, "FORUM_DATA_DIR": WORKER_DIR, "FORUM_HOST": HOST, "FORUM_PORT": str(port),
           "WEB_CONCURRENCY": "2", "WEB_THREADS": "4"}
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "HUEY_IMMEDIATE",
                 "FORUM_JOB_LEASE_SECONDS",
                 "FORUM_RUN_DIR"):
        env.pop(name, None)
    # the child keeps its own copy of the file descriptor, so ours can close at once
    with open(os.path.join(WORKER_DIR, "run-sh.log"), "wb") as log:
        return subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    """Like Ctrl+C: supervisord stops both programs, then exits."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_up(run: subprocess.Popen, port: int) -> None:
    """Wait up to WAIT_UP seconds for run.sh's site to answer; stop if run.sh exits."""
    deadline = time.time() + WAIT_UP
    while time.time() < deadline and _status(port) != 200:
        if run.poll() is not None:
            raise SystemExit(f"run.sh stopped (exit {run.returncode}); see {WORKER_DIR}/run-sh.log")
        time.sleep(1)


def supervised_kill(args) -> dict:
    """Kill the worker of a run.sh install mid-job; the site stays up, the job fails fast."""
    from app import create_app
    from forum.extensions import db
    from forum.jobs import retry_job
    from forum.leases import WORKER_STOPPED
    from forum.models import Job

    port = args.port or free_port()
    run = _start_run_sh(port)
    _wait_up(run, port)
    answers, stop = {}, threading.Event()

    def watch_site():
        while not stop.wait(0.25):
            status = _status(port)
            answers[status] = answers.get(status, 0) + 1

    watcher = threading.Thread(target=watch_site)
    watcher.start()
    kind = args.job_kind
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{WORKER_DIR}/forum.db",
                          "DATA_DIR": WORKER_DIR})
        with app.app_context():
            params = SETUPS[kind](args)
            job_id = params.pop("_job", None) or db.session.scalar(db.select(db.func.max(Job.id)))
            running = _wait_for(job_id, lambda j: j.status.value in ("done", "failed") or (
                j.status.value == "running" and (j.percent or 0) >= args.kill_at), 600)
            if running is None or running.status.value != "running":
                raise SystemExit(f"supervised-kill: the {kind} job never got going or ended before "
                                 "it could be killed; make it longer (--copies)")
            victim = int(running.worker.rpartition(":")[2])
            killed_at = f"{running.stage} {running.percent}%"
            os.kill(victim, signal.SIGKILL)
            killed = time.perf_counter()
            failed = _wait_for(job_id, lambda j: j.status.value == "failed", 120)
            to_fail = time.perf_counter() - killed
            message = failed.message if failed is not None else None  # before the retry clears it
            half = OUTPUTS[kind](params)
            retry_job(db.session.get(Job, job_id))
            done = _wait_for(job_id, lambda j: j.status.value in ("done", "failed")
                             and j.attempts >= 2, 900)
            final = OUTPUTS[kind](params)
            new_worker = done.worker if done is not None else None
            db.engine.dispose()
    finally:
        stop.set()
        watcher.join()
        _stop(run)
    restarted = new_worker is not None and int(new_worker.rpartition(":")[2]) != victim
    finished = done is not None and done.status.value == "done" and final["complete"]
    down = sum(n for status, n in answers.items() if status != 200)
    errors = (down + int(message != WORKER_STOPPED)
              + int(to_fail > FAIL_WITHIN) + int(half["written"] > 0) + int(not restarted))
    note = (f"{kind} via run.sh: worker pid {victim} SIGKILLed at {killed_at}; site answered "
            f"{dict(sorted(answers.items()))} while it was down and back; job "
            f"{'failed' if failed else 'NOT failed'} {to_fail:.1f} s after the kill "
            f"({message!r}), {half['written']} output rows; worker "
            f"{'restarted by supervisord' if restarted else 'NOT restarted'}; retry "
            f"{'finished' if finished else 'did NOT finish'}: {final['written']} rows, "
            f"{final['state']}")
    return {"scenario": "supervised-kill", "sent": 1, "stored": int(finished),
            "lost": int(not finished),
            "duplicated": final["doubled"], "errors": errors, "note": note}
