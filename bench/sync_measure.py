"""What ``sync_load.py`` measures of a run: CPU of gunicorn and PostgreSQL, and the report.

CPU comes from ``/proc`` (clock ticks of each process), so it counts all the work a response
costs, whether the machine is idle or not; the report checks the database for lost and
doubled responses.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]


def _cpu_ticks(pid: int, kernel_only: bool = False) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    stime = int(fields[12])  # in clock ticks
    return stime if kernel_only else int(fields[11]) + stime  # utime + stime


def database_cpu(database: str) -> dict[int, int]:
    """CPU ticks so far of each PostgreSQL server process working for ``database``
    (found by their titles, ``postgres: [CLUSTER:] USER DATABASE HOST(PORT) STATE``)."""
    ticks = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        words = title.replace("\0", " ").split()
        if words[:1] == ["postgres:"] and database in words[2:4]:  # after the cluster name, if any
            ticks[int(entry.name)] = _cpu_ticks(int(entry.name))
    return ticks


def database_sessions(url: str, database: str) -> int:
    """How many connections PostgreSQL has accepted to ``database`` so far (PostgreSQL 14+)."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "").rsplit("/", 1)[0] + "/postgres") as conn:
        return conn.execute("SELECT sessions FROM pg_stat_database WHERE datname = %s",
                            (database,)).fetchone()[0]


def server_cpu_seconds(server: subprocess.Popen, kernel_only: bool = False) -> float:
    """CPU time (user + system, or system only) used so far by gunicorn and its workers."""
    pids = [server.pid]
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    return sum(_cpu_ticks(pid, kernel_only) for pid in pids) / os.sysconf("SC_CLK_TCK")


def start_profiler(server: subprocess.Popen, path: Path,
                   fmt: str = "flamegraph") -> subprocess.Popen:
    """py-spy sampling every gunicorn process into an SVG: only threads holding the GIL, so
    the graph is where Python spends CPU, not where threads wait for the database or a lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    py_spy = ROOT / ".venv/bin/py-spy"
    py_spy = str(py_spy) if py_spy.exists() else shutil.which("py-spy")
    if py_spy is None:
        raise SystemExit("--profile needs py-spy: pip install py-spy (in .venv or on PATH)")
    return subprocess.Popen([py_spy, "record", "--pid", str(server.pid),
                             "--subprocesses", "--gil", "--rate", "250", "--format", fmt,
                             "--output", str(path)], stdout=subprocess.DEVNULL)


class Run(NamedTuple):
    """What one load run sent and measured."""
    per_tablet: list
    results: list
    elapsed: float
    cpu: tuple


def report(name, url, data_dir, run: Run, args) -> None:
    per_tablet, results, elapsed, cpu = run
    from sqlalchemy import func, select

    from app import create_app
    from forum.extensions import db
    from surveys.models import SurveyAnswer, SurveyResponse

    sent = {json.loads(body)["uuid"] for bodies in per_tablet for body in bodies}
    firsts = [(t, s) for t, s, resend in results if not resend]
    resends = [(t, s) for t, s, resend in results if resend]
    latencies = sorted(t * 1000 for t, _ in firsts + resends)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "DATA_DIR": data_dir})
    with app.app_context():
        rows = db.session.execute(select(SurveyResponse.uuid, func.count()).where(
            SurveyResponse.device_id.is_not(None)).group_by(SurveyResponse.uuid)).all()
        answers = db.session.scalar(select(func.count(SurveyAnswer.id)))
        db.engine.dispose()
    stored = {u: n for u, n in rows if u in sent}
    lost = len(sent - stored.keys())
    duplicated = sum(n - 1 for n in stored.values())
    statuses = {}
    for _, status in firsts:
        statuses[status] = statuses.get(status, 0) + 1
    print(f"\n== {name}: {args.tablets} tablets, {len(sent)} responses (+{len(resends)} resent), "
          f"gunicorn {args.workers} workers x {args.threads} threads")
    print(f"responses/s      {len(sent) / elapsed:8.1f}   ({len(results)} requests in "
          f"{elapsed:.2f} s, "
          f"{len(results) / elapsed:.1f} requests/s)")
    print(f"latency p50      {statistics.median(latencies):8.1f} ms")
    print(f"latency p95      {latencies[int(len(latencies) * 0.95) - 1]:8.1f} ms")
    print(f"latency max      {latencies[-1]:8.1f} ms")
    print(f"first sends      {statuses}  (201 = stored)")
    print(f"resends          {sum(1 for _, s in resends if s == 200)} of {len(resends)} answered "
          "200 "
          "'already received'")
    server_cpu, client_cpu, load, db_cpu, sessions, server_kernel = cpu
    print(f"CPU per request  {server_cpu * 1000 / len(results):8.2f} ms server "
          f"({server_kernel * 1000 / len(results):.2f} of it in the kernel), "
          f"{client_cpu * 1000 / len(results):.2f} ms client  (load average {load:.1f} "
          f"on {os.cpu_count()} cores when it started: other work slows it)")
    print(f"CPU per stored   {server_cpu * 1000 / len(sent):8.2f} ms server"
          + (f", {db_cpu * 1000 / len(sent):.2f} ms PostgreSQL's own"
             if url.startswith("postgresql")
             else " (SQLite works inside it)"))
    if url.startswith("postgresql"):
        print(f"connections made {sessions:8d}   (a right-sized pool opens a few, then keeps them)")
    print(f"lost             {lost:8d}")
    print(f"duplicated       {duplicated:8d}")
    print(f"answers stored   {answers:8d}")
