"""Sync writes in-process: CPU per response of ``sync.receive_response`` alone, no HTTP.

Calls the sync service from THREADS threads on a database that ``sync_load.py`` has set up
(its demo survey and bench tablets), and prints responses/s, this process's CPU per response
and, on PostgreSQL, the CPU of the database's own server processes per response. Leaves
Flask and gunicorn out, so a change to the write shows clearly; ``--profile`` prints
cProfile's totals (wall time, so waits show too).

Run: ``.venv/bin/python bench/sync_inprocess.py --url postgresql+psycopg://.../forum_bench
[--responses 2000] [--threads 8] [--profile]``
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sync_load import make_payload  # noqa: E402
from sync_measure import database_cpu  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a database sync_load.py has prepared")
    parser.add_argument("--responses", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sqlalchemy import select

    from app import create_app
    from forum.extensions import db
    from surveys.models import Survey, SurveyDevice
    from surveys.services.devices import Tablet
    from surveys.services.sync import receive_response

    app = create_app({"SQLALCHEMY_DATABASE_URI": args.url, "DATA_DIR": tempfile.mkdtemp()})
    with app.app_context():
        version = db.session.get(Survey, 1).published_version
        survey = {"version_id": version.id, "questions": [
            (q.id, q.kind.value, [c["value"] for c in q.all_choices]) for q in version.questions]}
        tablets = [Tablet(d.id, d.token_hash) for d in db.session.scalars(
            select(SurveyDevice).where(SurveyDevice.revoked_at.is_(None)))]
        db.session.remove()
    specs, rng = app.extensions["surveys"]["specs"], random.Random()
    bodies = [json.loads(make_payload(survey, rng)) for _ in range(args.responses + 1)]
    profiles: list[cProfile.Profile] = []

    def send(share: list, tablet: Tablet) -> None:
        profile = cProfile.Profile() if args.profile else None
        with app.app_context():
            if profile:
                profile.enable()
            for body in share:
                receive_response(tablet, body, specs)
            if profile:
                profile.disable()
                profiles.append(profile)

    send(bodies[:1], tablets[0])  # warm up: prepared statement, pool
    bodies = bodies[1:]
    database = args.url.rsplit("/", 1)[1] if args.url.startswith("postgresql") else ""
    db_before = database_cpu(database) if database else {}
    cpu, started = time.process_time(), time.perf_counter()
    threads = [threading.Thread(target=send, args=(bodies[n::args.threads],
                                                   tablets[n % len(tablets)]))
               for n in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cpu, elapsed = time.process_time() - cpu, time.perf_counter() - started
    db_after = database_cpu(database) if database else {}
    db_cpu = sum(t - db_before.get(pid, 0) for pid, t in db_after.items()) / os.sysconf(
        "SC_CLK_TCK")
    count = len(bodies)
    print(f"{count} responses, {args.threads} threads: {count / elapsed:.0f}/s, "
          f"this process {1000 * cpu / count:.3f} ms CPU a response"
          + (f", PostgreSQL's own {1000 * db_cpu / count:.3f} ms" if database else "")
          + f" (load average {os.getloadavg()[0]:.1f})")
    if profiles:
        stats = pstats.Stats(profiles[0])
        for profile in profiles[1:]:
            stats.add(profile)
        stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
