"""Sync load: 50 simulated tablets send 2,000 survey responses to the app under gunicorn.

Runs against SQLite (a fresh file in a temporary folder), then PostgreSQL (a separate
database, ``forum_bench`` by default: created if missing and emptied first; the test
database is never touched). Each tablet keeps one HTTP connection and sends its share of
responses one after another, like a tablet emptying its queue; one in ten is sent a second
time (a reply lost on the way back), which must come back 200 "already received".

Prints responses/s, p50/p95/max latency, and lost and duplicated counts, checked in the
database afterwards. Aim: >= 200 responses/s and p95 < 150 ms on SQLite, none lost or
duplicated. Loopback only.

Two runs per database. The burst has every tablet send as fast as it can, so 50 requests
are always in flight and mean latency is 50 / throughput (Little's law): p95 < 150 ms there
needs well over 330 responses/s. The paced run offers a steady 250 responses/s (tablets
with their sends spread out) and shows the latency at that load. The server's and client's
CPU time per request are printed too: unlike the rates, they hardly change when other
programs share the machine's cores, so runs on a busy machine can still be compared.

On PostgreSQL the database's own CPU (its server processes for the bench database) is
printed too, so the two databases are compared on all the work a response costs.
``--profile DIR`` records each run's gunicorn workers with py-spy into DIR as flame graphs.

Run: ``.venv/bin/python bench/sync_load.py [--tablets 50] [--responses 2000] [--workers 2]
[--threads 8] [--port N] [--only sqlite|postgresql]
[--pg postgresql://postgres@127.0.0.1:5432/forum_bench] [--profile docs/perf
[--profile-format raw]] [--paced-only]``
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sync_measure import (  # noqa: E402
    Run,
    database_cpu,
    database_sessions,
    report,
    server_cpu_seconds,
    start_profiler,
)

HOST = "127.0.0.1"
WORDS = ["housing", "help", "key", "worker", "probation", "hostel", "bus", "fare", "appointment",
         "listened", "support", "mentor", "training", "course", "money", "health", "order", "rules",
         "family", "work"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def prepare(url: str, data_dir: str, tablets: int) -> tuple[dict, list[str]]:
    """Empty the database, migrate it, load the demo survey and set up the tablets."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app import create_app
    from forum.demo import load_demo
    from forum.extensions import db
    from surveys.demo import load_demo_survey
    from surveys.models import Survey
    from surveys.services.devices import register_device

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "DATA_DIR": data_dir})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        load_demo()
        load_demo_survey()
        version = db.session.get(Survey, 1).published_version
        survey = {"version_id": version.id, "questions": [
            (q.id, q.kind.value, [c["value"] for c in q.all_choices]) for q in version.questions]}
        tokens = [register_device(f"Bench tablet {n + 1}", None)[1] for n in range(tablets)]
        db.engine.dispose()
    return survey, tokens


def make_payload(survey: dict, rng: random.Random) -> str:
    answers = []
    for question_id, kind, values in survey["questions"]:
        if kind == "free_text":
            value = " ".join(rng.choice(WORDS)
                             for _ in range(rng.randint(8, 60))).capitalize() + "."
        elif kind == "number":
            value = rng.randint(0, 9)
        elif kind == "multiple_choice":
            value = rng.sample([v for v in values if v not in ("dont_know", "prefer_not")], 2)
        else:
            value = rng.choice(values)
        answers.append({"question_id": question_id, "value": value})
    return json.dumps({"uuid": str(uuid.uuid4()), "survey_version_id": survey["version_id"],
                       "completed": True, "read_aloud": rng.random() < 0.3, "member_id": None,
                       "started_at": "2026-11-20T10:00:00Z", "finished_at": "2026-11-20T10:08:00Z",
                       "answers": answers})


def start_server(url: str, data_dir: str, port: int, workers: int,
                 threads: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "FORUM_DATA_DIR": data_dir,
           "SECRET_KEY": "bench-secret-key-0123456789abcdef0123", "HF_HUB_OFFLINE": "1"}
    env.pop("FORUM_ENV", None)
    command = [str(ROOT / ".venv/bin/gunicorn"), "--bind", f"{HOST}:{port}", "--workers",
               str(workers),
               "--threads", str(threads), "--log-level", "warning", "app:create_app()"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def tablet(port: int, token: str, bodies: list[str], results: list, rng: random.Random,
           interval: float, start: float) -> None:
    """Send every response, then resend one in ten. ``interval`` > 0 paces the sends, and the
    latency then counts from when a send was due (so a slow server cannot hide its queue)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    queue = [(body, False) for body in bodies]
    # lost replies
    queue += [(body, True) for body in rng.sample(bodies, max(1, len(bodies) // 10))]
    offset = rng.random() * interval
    for index, (body, resend) in enumerate(queue):
        started = time.perf_counter()
        if interval:
            due = start + offset + index * interval
            if due > started:
                time.sleep(due - started)
            started = due
        try:
            conn.request("POST", "/api/v1/responses", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except OSError:
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=60)
            status = 0
        results.append((time.perf_counter() - started, status, resend))
    conn.close()


def run(name: str, url: str, args, rate: float = 0) -> None:
    data_dir = tempfile.mkdtemp(prefix="forum-bench-")
    survey, tokens = prepare(url, data_dir, args.tablets)
    rng = random.Random(7)
    per_tablet = [[make_payload(survey, rng) for _ in range(args.responses // args.tablets)]
                  for _ in range(args.tablets)]
    port = args.port or free_port()
    server = start_server(url, data_dir, port, args.workers, args.threads)
    results: list = []
    interval = args.tablets / rate if rate else 0.0
    started = time.perf_counter() + 0.2
    threads = [threading.Thread(target=tablet, args=(port, tokens[n], per_tablet[n], results,
                                                     random.Random(n), interval, started))
               for n in range(args.tablets)]
    database = url.rsplit("/", 1)[1] if url.startswith("postgresql") else ""
    profiler = None
    try:  # from here on, gunicorn is stopped whatever happens
        if args.profile:
            kind = f"paced{rate:g}" if rate else "burst"
            suffix = "svg" if args.profile_format == "flamegraph" else "txt"
            graph = Path(args.profile) / f"sync-{name.lower()}-{kind}.{suffix}"
            profiler = start_profiler(server, graph, args.profile_format)
            time.sleep(1)  # py-spy attaches to every worker before the load starts
        server_cpu, client_cpu = server_cpu_seconds(server), time.process_time()
        server_kernel = server_cpu_seconds(server, kernel_only=True)
        db_before = database_cpu(database) if database else {}
        sessions = database_sessions(url, database) if database else 0
        load = os.getloadavg()[0]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        db_after = database_cpu(database) if database else {}
        db_cpu = sum(t - db_before.get(pid, 0)
                     for pid, t in db_after.items()) / os.sysconf("SC_CLK_TCK")
        sessions = database_sessions(url, database) - sessions if database else 0
        cpu = (server_cpu_seconds(server) - server_cpu, time.process_time() - client_cpu, load,
               db_cpu,
               sessions, server_cpu_seconds(server, kernel_only=True) - server_kernel)
    finally:
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)
            profiler.wait(timeout=60)
        server.terminate()
        server.wait(timeout=30)
    mode = f"paced at {rate:g} responses/s offered" if rate else "as fast as they can (a burst)"
    report(f"{name}, {mode}", url, data_dir, Run(per_tablet, results, elapsed, cpu), args)


def ensure_pg_database(url: str) -> str:
    """Create the bench database if it is missing; return a psycopg SQLAlchemy URL."""
    import psycopg

    base, _, name = url.rpartition("/")
    if name in ("test", "postgres", ""):
        raise SystemExit(f"Refusing to use database {name!r}: give the bench its own database")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return "postgresql+psycopg://" + url.split("://", 1)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tablets", type=int, default=50)
    parser.add_argument("--responses", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--rate", type=float, default=250,
                        help="responses/s offered in the paced run (0: burst run only)")
    parser.add_argument("--profile", metavar="DIR",
                        help="record the gunicorn workers with py-spy into DIR/sync-*.svg")
    parser.add_argument("--profile-format", choices=["flamegraph", "raw"], default="flamegraph",
                        help="raw: py-spy's collapsed stacks (.txt), to add up by function")
    parser.add_argument("--paced-only", action="store_true", help="skip the burst run")
    parser.add_argument("--port", type=int, default=0,
                        help="port for gunicorn (default: any free one)")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/forum_bench")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("FORUM_DATA_DIR", tempfile.mkdtemp(prefix="forum-bench-"))
    rates = ([] if args.paced_only else [0]) + ([args.rate] if args.rate else [])
    for rate in rates:
        if args.only in (None, "sqlite"):
            folder = tempfile.mkdtemp(prefix="forum-bench-sqlite-")
            run("SQLite", f"sqlite:///{folder}/bench.db", args, rate)
        if args.only in (None, "postgresql"):
            run("PostgreSQL", ensure_pg_database(args.pg), args, rate)


if __name__ == "__main__":
    main()
