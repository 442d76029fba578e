"""Issue #12 point 14: killing the job worker does not take the site down, and its job fails fast.

The web server and the worker run under supervisord (from PyPI), each restarted on its own;
a job whose worker process is gone is failed as soon as a worker checks (when the restarted
worker starts), not after the lease.
"""
import configparser
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forum.extensions import db
from forum.jobs import enqueue, fail_abandoned_jobs, register_job_handler, retry_job
from forum.leases import WORKER_STOPPED
from forum.models import Job, JobStatus
from forum.models.base import utcnow

ROOT = Path(__file__).resolve().parents[2]
seen_workers = []


def _quiet(job, progress):
    seen_workers.append(job.worker)


def _running_job(worker: str) -> Job:
    now = utcnow()  # a fresh heartbeat: the lease alone would keep it "running" for minutes
    job = Job(kind="test.supervised", params={}, status=JobStatus.RUNNING, attempts=1,
              started_at=now, heartbeat_at=now, stage="Working", percent=40, worker=worker)
    db.session.add(job)
    db.session.commit()
    return job


def _gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()  # reaped: the pid no longer names a process
    return process.pid


def test_point14_a_job_whose_worker_process_is_gone_fails_at_once_and_can_be_retried(app):
    register_job_handler("test.supervised", _quiet)
    host = socket.gethostname()
    dead = _running_job(f"{host}:{_gone_pid()}")
    alive = _running_job(f"{host}:{os.getpid()}")
    elsewhere = _running_job("another-host:1")
    assert fail_abandoned_jobs() == [dead.id]  # its heartbeat is fresh: the lease did not do it
    db.session.expire_all()
    assert db.session.get(Job, dead.id).message == WORKER_STOPPED
    assert db.session.get(Job, alive.id).status == JobStatus.RUNNING
    assert db.session.get(Job, elsewhere.id).status == JobStatus.RUNNING, "only its lease can tell"
    retry_job(db.session.get(Job, dead.id))
    db.session.expire_all()
    assert db.session.get(Job, dead.id).status == JobStatus.DONE


def test_point14_a_running_job_records_its_worker_process(app):
    register_job_handler("test.supervised", _quiet)
    seen_workers.clear()
    enqueue("test.supervised")  # run inline in tests (HUEY_IMMEDIATE)
    assert seen_workers == [f"{socket.gethostname()}:{os.getpid()}"]


def test_point14_run_sh_starts_web_and_worker_under_supervisord():
    run = (ROOT / "scripts/run.sh").read_text()
    assert "exec .venv/bin/supervisord -c scripts/supervisord.conf" in run
    assert "wait -n" not in run, "a shell that stops everything when one process ends"
    config = configparser.RawConfigParser()
    config.read(ROOT / "scripts/supervisord.conf")
    for program in ("program:web", "program:worker"):
        assert config.get(program, "autorestart") == "true"
        assert config.get(program, "stopasgroup") == "true"
    assert "python worker.py" in config.get("program:worker", "command")
    assert "gunicorn" in config.get("program:web", "command")


def _get(port: int, path: str) -> int:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", path)
        return conn.getresponse().status
    except OSError:
        return 0


def _ctl(env, *args) -> str:
    out = subprocess.run(
        [str(ROOT / ".venv/bin/supervisorctl"), "-c", str(ROOT / "scripts/supervisord.conf"),
                          *args], env=env, capture_output=True, text=True, timeout=30, check=False)
    return out.stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_point14_killing_the_worker_leaves_the_site_up_and_the_worker_comes_back(tmp_path):
    if not (ROOT / ".venv/bin/supervisord").exists():
        pytest.skip("no .venv with supervisord here (scripts/setup.sh makes it)")
    port = _free_port()
    env = {**os.environ, "FORUM_DATA_DIR": str(tmp_path / "data"), "FORUM_RUN_DIR": str(tmp_path),
           "FORUM_VENV": str(ROOT / ".venv"), "FORUM_HOST": "127.0.0.1", "FORUM_PORT": str(port),
           "WEB_CONCURRENCY": "1", "WEB_THREADS": "2", "DATABASE_URL": f"sqlite:///{tmp_path}/s.db"}
    env.pop("HUEY_IMMEDIATE", None)
    env.pop("REDIS_URL", None)
    supervisor = subprocess.Popen([str(ROOT / ".venv/bin/supervisord"), "-c",
                                   str(ROOT / "scripts/supervisord.conf")], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
    try:
        deadline = time.time() + 120
        while time.time() < deadline and _get(port, "/login") != 200:
            time.sleep(0.5)
        assert _get(port, "/login") == 200, "the web server did not start"
        deadline = time.time() + 60
        while time.time() < deadline and not _ctl(env, "pid", "worker").isdigit():
            time.sleep(0.5)
        first = int(_ctl(env, "pid", "worker"))
        os.kill(first, signal.SIGKILL)
        answers = []
        deadline = time.time() + 60
        while time.time() < deadline:
            answers.append(_get(port, "/login"))
            pid = _ctl(env, "pid", "worker")
            if pid.isdigit() and int(pid) != first and "RUNNING" in _ctl(env, "status", "worker"):
                break
            time.sleep(0.5)
        assert pid.isdigit() and int(pid) != first, "the worker was not restarted"
        assert set(answers) == {200}, f"the site went down while the worker was dead: {answers}"
        assert "RUNNING" in _ctl(env, "status", "web")
    finally:
        os.killpg(supervisor.pid, signal.SIGTERM)
        try:
            supervisor.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(supervisor.pid, signal.SIGKILL)
            supervisor.wait()
