"""Fault injection against a real gunicorn server and Huey worker on SQLite.

(a) web-kill: 20 simulated tablets sync responses while the gunicorn master is killed
    (SIGKILL) and restarted mid-run; tablets retry on connection errors and 503s.
(b) worker-kill: the worker is killed (SIGKILL) in the middle of a long job; after a restart
    the job must be marked failed with a message, a retry must finish it, and no
    half-written or doubled output may remain. ``--job-kind`` picks the job (the demo
    transcript redaction, many times over, by default; ``answers.segment`` also works, and
    other kinds can be given with ``--job-params``).
(c) sqlite-busy: 50 tablets send at once while another writer keeps taking the database's
    write lock; no request may end in a 500.
(d) supervised-kill: an install started with ``bash scripts/run.sh`` (supervisord running
    gunicorn and the worker); the worker is SIGKILLed mid-job. The site must keep answering,
    supervisord must start a new worker, the job must be failed within 30 s and a retry
    must finish (bench/faults_supervised.py).
(e) worker-takeover: a worker under another host name (its own UTS namespace: needs root)
    is SIGKILLed mid-job while a worker on this host runs; prints the seconds until this
    one takes the job over by the lease (``--lease``, 45 s by default) and runs its retry;
    ``--live-wait`` first checks a live worker's job is left alone past the lease
    (bench/faults_takeover.py).

Prints one row per scenario: sent, stored, lost, duplicated, errors. Aim: 0 lost, 0
duplicated, 0 errors. Loopback only; every run uses fresh temporary folders.

Run: ``.venv/bin/python bench/faults.py [--only web-kill|worker-kill|sqlite-busy|supervised-kill|
worker-takeover] [--job-kind transcript.redact] [--job-params '{"transcript_id": 1}']``
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The bench queues jobs itself, into the worker's queue: set before forum.queue is imported
# (and kept if this module is imported again under its package name).
if "FORUM_FAULTS_WORKER_DIR" not in os.environ:
    os.environ["FORUM_FAULTS_WORKER_DIR"] = tempfile.mkdtemp(prefix="forum-faults-worker-")
WORKER_DIR = os.environ["FORUM_FAULTS_WORKER_DIR"]
os.environ["FORUM_DATA_DIR"] = WORKER_DIR
os.environ.pop("HUEY_IMMEDIATE", None)
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.sync_load import HOST, free_port, make_payload, prepare  # noqa: E402

LEASE = 5
RETRYABLE = (0, 503)  # 0: no reply at all (connection refused, reset or cut off)


def _env(url: str, data_dir: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "FORUM_DATA_DIR": data_dir,
           "SECRET_KEY": "bench-secret-key-0123456789abcdef0123",
           "FORUM_JOB_LEASE_SECONDS": str(LEASE)}
    env.pop("FORUM_ENV", None)
    return env


def start_gunicorn(url: str, data_dir: str, port: int, workers: int = 2) -> subprocess.Popen:
    """gunicorn in its own process group (so its orphaned workers can be waited for)."""
    command = [str(ROOT / ".venv/bin/gunicorn"), "--bind", f"{HOST}:{port}", "--workers",
               str(workers),
               "--threads", "4", "--reuse-port", "--log-level", "critical", "app:create_app()"]
    server = subprocess.Popen(command, cwd=ROOT, env=_env(url, data_dir), start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def kill_group(process: subprocess.Popen, wait: float = 10) -> None:
    """SIGKILL the process, then wait for its children to go (SIGKILL them after ``wait``)."""
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)


def send_until_answered(port: int, token: str, body: str, tally: dict,
                        lock: threading.Lock) -> None:
    """Send one response like a tablet's queue: retry while there is no answer or a 503."""
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    for attempt in range(200):
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            conn.request("POST", "/api/v1/responses", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
            conn.close()
        except (OSError, http.client.HTTPException):
            status = 0
        with lock:
            tally[status] = tally.get(status, 0) + 1
        if status not in RETRYABLE:
            return
        time.sleep(min(2.0, 0.1 * 2 ** min(attempt, 4)) * random.uniform(0.5, 1.0))
    with lock:
        tally["gave up"] = tally.get("gave up", 0) + 1


def run_tablets(port, tokens, bodies_per_tablet, interval=0.0) -> dict:
    tally, lock = {}, threading.Lock()

    def tablet(token, bodies):
        for body in bodies:
            send_until_answered(port, token, body, tally, lock)
            time.sleep(interval)

    threads = [threading.Thread(target=tablet, args=(t, b))
               for t, b in zip(tokens, bodies_per_tablet, strict=False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def count_stored(url: str, data_dir: str, bodies_per_tablet) -> tuple[int, int, int, int]:
    """(sent, stored, lost, duplicated) from the database."""
    from sqlalchemy import func, select

    from app import create_app
    from forum.extensions import db
    from surveys.models import SurveyResponse

    sent = {json.loads(body)["uuid"] for bodies in bodies_per_tablet for body in bodies}
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "DATA_DIR": data_dir})
    with app.app_context():
        rows = dict(db.session.execute(select(SurveyResponse.uuid, func.count())
                                       .group_by(SurveyResponse.uuid)).all())
        db.engine.dispose()
    stored = {u: n for u, n in rows.items() if u in sent}
    return len(sent), len(stored), len(sent - stored.keys()), sum(n - 1 for n in stored.values())


def _tablet_data(name: str, tablets: int, per_tablet: int):
    data_dir = tempfile.mkdtemp(prefix=f"forum-faults-{name}-")
    url = f"sqlite:///{data_dir}/faults.db"
    survey, tokens = prepare(url, data_dir, tablets)
    rng = random.Random(11)
    bodies = [[make_payload(survey, rng) for _ in range(per_tablet)] for _ in range(tablets)]
    return data_dir, url, tokens, bodies


def _errors(tally: dict) -> int:
    return sum(n for status, n in tally.items() if status not in (200, 201, 0, 503))


def web_kill(args) -> dict:
    data_dir, url, tokens, bodies = _tablet_data("web", 20, args.per_tablet)
    port = free_port()
    server = {"process": start_gunicorn(url, data_dir, port)}
    restarts = []

    def killer():
        for _ in range(args.kills):
            time.sleep(1.5)
            kill_group(server["process"])
            started = time.perf_counter()
            server["process"] = start_gunicorn(url, data_dir, port)
            restarts.append(time.perf_counter() - started)

    chaos = threading.Thread(target=killer)
    chaos.start()
    tally = run_tablets(port, tokens, bodies, interval=0.05)
    chaos.join()
    server["process"].terminate()
    server["process"].wait(timeout=30)
    sent, stored, lost, duplicated = count_stored(url, data_dir, bodies)
    note = (f"master SIGKILLed {len(restarts)}x, back in {', '.join(f'{s:.1f}' for s in restarts)} "
            "s; "
            f"replies {dict(sorted(tally.items(), key=str))}")
    return {"scenario": "web-kill", "sent": sent, "stored": stored, "lost": lost,
            "duplicated": duplicated, "errors": _errors(tally), "note": note}


def sqlite_busy(args) -> dict:
    data_dir, url, tokens, bodies = _tablet_data("busy", 50, args.per_tablet)
    port = free_port()
    server = start_gunicorn(url, data_dir, port, workers=4)
    stop, held = threading.Event(), []

    def other_writer():
        """Like a backup or a job: takes the write lock for 300 ms twice a second."""
        conn = sqlite3.connect(f"{data_dir}/faults.db", isolation_level=None, timeout=30)
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            time.sleep(0.3)
            conn.execute("COMMIT")
            held.append(1)
            time.sleep(0.2)
        conn.close()

    writer = threading.Thread(target=other_writer)
    writer.start()
    tally = run_tablets(port, tokens, bodies)
    stop.set()
    writer.join()
    server.terminate()
    server.wait(timeout=30)
    sent, stored, lost, duplicated = count_stored(url, data_dir, bodies)
    replies = dict(sorted(tally.items(), key=str))
    note = f"write lock taken {len(held)}x by another writer; replies {replies}"
    return {"scenario": "sqlite-busy", "sent": sent, "stored": stored, "lost": lost,
            "duplicated": duplicated, "errors": _errors(tally), "note": note}


if __name__ == "__main__":
    # after the environment is set
    from bench.faults_supervised import supervised_kill  # noqa: E402
    from bench.faults_takeover import worker_takeover  # noqa: E402
    from bench.faults_worker import worker_kill  # noqa: E402

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only",
                        choices=["web-kill", "worker-kill", "sqlite-busy", "supervised-kill",
                                 "worker-takeover"])
    parser.add_argument("--per-tablet", type=int, default=25, help="responses each tablet sends")
    parser.add_argument("--kills", type=int, default=2, help="times the gunicorn master is killed")
    parser.add_argument("--job-kind", default="transcript.redact")
    parser.add_argument("--job-params",
                        help="JSON params for a job kind the bench cannot set up itself")
    parser.add_argument("--copies", type=int, default=12,
                        help="demo transcript copies in the long job")
    parser.add_argument("--port", type=int,
                        help="port for run.sh in supervised-kill (default: a free one)")
    parser.add_argument("--kill-at", type=int, default=20,
                        help="kill the worker once the job reports this percent")
    parser.add_argument("--lease", type=int, default=45,
                        help="FORUM_JOB_LEASE_SECONDS in worker-takeover (the default: 45)")
    parser.add_argument("--live-wait", type=int, default=0,
                        help="worker-takeover: seconds both workers run before the kill")
    args = parser.parse_args()
    scenarios = {"web-kill": web_kill, "worker-kill": worker_kill, "sqlite-busy": sqlite_busy,
                 "supervised-kill": supervised_kill, "worker-takeover": worker_takeover}
    rows = [scenarios[name](args) for name in scenarios if args.only in (None, name)]
    print(f"\n{'scenario':<13}{'sent':>7}{'stored':>8}{'lost':>6}{'duplicated':>12}{'errors':>8}")
    for row in rows:
        print(f"{row['scenario']:<13}{row['sent']:>7}{row['stored']:>8}{row['lost']:>6}"
              f"{row['duplicated']:>12}{row['errors']:>8}")
    for row in rows:
        print(f"  {row['scenario']}: {row['note']}")
