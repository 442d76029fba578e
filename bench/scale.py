"""Scale: theme analysis of 2,000 / 10,000 / 50,000 answers on PostgreSQL + Redis, 1 and 2 workers.

The deployment is the README's "Running a large consultation": the same commands start
gunicorn and the Huey workers. The answers come from ``bench/corpus.py`` (shipped fixture
sentences recombined: realistic, no exact duplicates). For each size and worker count the
stored vectors are deleted first, so every run embeds everything, and it prints:

- embedding time (first batch started to last batch finished; one job when it fits one batch),
- clustering time (the job that runs after the batches),
- end-to-end time from queueing the analysis to the themes page served,
- peak resident memory of the web server (master and workers) and of each worker,
- search p95 over 20 meaning searches through the web server.

Run: ``.venv/bin/python bench/scale.py [--sizes 2000,10000] [--workers 1,2]
[--pg postgresql://postgres@127.0.0.1:5432/forum_scale] [--redis redis://127.0.0.1:6379/2]
[--port 5201] [--search-only [--during-analysis]]`` (on a shared two-core machine 50,000
takes most of an hour per worker count). ``--search-only`` runs no analysis: it stores
COMPOSED vectors (not each answer's own MiniLM embedding) and prints search times only;
``--during-analysis`` then also times searches while an analysis embeds
(``bench/scale_search.py``).
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
QUERIES = ["nowhere to live after prison", "probation appointments", "waiting for counselling",
           "getting off drugs", "trust in the police", "filling in forms online", "bus fares",
           "support from a key worker", "being recalled", "family contact"]
PASSWORD = "Lantern-Pebble-Crane-88"


def readme_commands() -> dict[str, str]:
    from tests.scaleout.test_scale_out import readme_commands as commands

    return commands()


class Deployment:
    def __init__(self, url: str, redis_url: str, batch: int, port: int = 5201):
        self.folder = Path(tempfile.mkdtemp(prefix="forum-scale-"))
        self.env = {k: v for k, v in os.environ.items() if k != "HUEY_IMMEDIATE"}
        self.env.update(DATABASE_URL=url, REDIS_URL=redis_url, FORUM_DATA_DIR=str(self.folder),
                        SECRET_KEY="scale-bench-secret-0123456789abcdef0123", FLASK_APP="app",
                        FORUM_HOST="127.0.0.1", FORUM_PORT=str(port), FORUM_EMBED_BATCH=str(batch),
                        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(ROOT))
        self.procs: dict[str, subprocess.Popen] = {}
        self.peaks: dict[str, int] = {}

    def sh(self, line: str) -> str:
        done = subprocess.run(["bash", "-c", line], cwd=ROOT, env=self.env, capture_output=True,
                              check=False,
                              text=True)
        if done.returncode:
            raise SystemExit(f"{line}\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self, name: str, line: str) -> None:
        # the process writes the log until it is stopped
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115
        self.procs[name] = subprocess.Popen(["bash", "-c", "exec " + line], cwd=ROOT, env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT)
        self.peaks[name] = 0

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name)
        proc.terminate()
        proc.wait(timeout=60)

    def sample(self, stop: threading.Event) -> None:
        """Peak resident memory of each process and its children, twice a second."""
        while not stop.wait(0.5):
            for name, proc in list(self.procs.items()):
                self.peaks[name] = max(self.peaks.get(name, 0), rss_mb(proc.pid))


def rss_mb(pid: int) -> int:
    pids, total = [pid], 0
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        try:
            total += int(
                re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{each}/status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
    return total // 1024


def query(url: str, sql: str, *args):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql, args)
        return cursor.fetchall() if cursor.description else []


def fresh_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    if name in ("test", "postgres", ""):
        raise SystemExit(f"Refusing to use database {name!r}: give the bench its own database")
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def sign_in(port: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(f"http://127.0.0.1:{port}/login", timeout=60).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "email": "scale@bench.example",
                                   "password": PASSWORD}).encode()
    opener.open(f"http://127.0.0.1:{port}/login", data=data, timeout=60).read()
    return opener


def timed_get(opener, url: str) -> float:
    started = time.perf_counter()
    with opener.open(url, timeout=300) as response:
        response.read()
        if response.status != 200 or "/login" in response.url:
            raise SystemExit(f"{url} answered {response.status} at {response.url}")
    return time.perf_counter() - started


def warm_search(opener, url: str) -> None:
    """Six searches first, so the worker has loaded MiniLM and cached the vectors."""
    for _ in range(6):
        with opener.open(url, timeout=300) as response:
            response.read()


def one(size: int, workers: int, deployment: Deployment, consultation: str) -> dict:
    commands, url = readme_commands(), deployment.env["DATABASE_URL"]
    query(url, "DELETE FROM segment_embeddings")
    mark = (query(url, "SELECT coalesce(max(id), 0) FROM jobs")[0][0])
    for n in range(workers):
        deployment.start(f"worker{n + 1}", commands["worker"])
    started = time.perf_counter()
    deployment.sh(commands["analyse"])
    port = deployment.env["FORUM_PORT"]
    opener = sign_in(port)
    page = timed_get(opener, f"http://127.0.0.1:{port}/consultations/{consultation}/themes")
    end_to_end = time.perf_counter() - started
    jobs = query(url, "SELECT kind, started_at, finished_at FROM jobs "
                 "WHERE id > %s ORDER BY id", mark)
    batches = [j for j in jobs if j[0] == "segments.embed_batch"]
    cluster = [j for j in jobs if j[0] == "analysis.run"][-1]
    embedding = ((max(j[2] for j in batches) - min(j[1] for j in batches)).total_seconds()
                 if batches else None)
    clustering = (cluster[2] - cluster[1]).total_seconds()
    warm_search(opener, f"http://127.0.0.1:{port}/consultations/{consultation}/search?q=housing")
    searches = sorted(
        timed_get(opener, f"http://127.0.0.1:{port}/consultations/{consultation}/search?"
                                + urllib.parse.urlencode({"q": q})) for q in QUERIES * 2)
    for n in range(workers):
        deployment.stop(f"worker{n + 1}")
    return {"size": size, "workers": workers, "batches": len(batches), "embedding": embedding,
            "clustering": clustering, "end_to_end": end_to_end, "themes_page": page,
            "search_p95": searches[int(len(searches) * 0.95) - 1],
            "web_mb": deployment.peaks["web"],
            "worker_mb": max(deployment.peaks.get(f"worker{n + 1}", 0) for n in range(workers))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,50000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/forum_scale")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/2")
    parser.add_argument("--port", type=int, default=5201)
    parser.add_argument("--search-only", action="store_true",
                        help="no analysis: composed vectors, search times only")
    parser.add_argument("--during-analysis", action="store_true",
                        help="with --search-only: then search while an analysis embeds")
    args = parser.parse_args()
    import redis

    from bench import scale_search

    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        fresh_database(args.pg)
        redis.Redis.from_url(args.redis).flushdb()
        deployment = Deployment(args.pg, args.redis, args.batch, args.port)
        deployment.sh(readme_commands()["migrate"])
        consultation = deployment.sh(
            f"{sys.executable} -c 'from app import create_app; from bench.corpus import "
            "load_corpus\n"
            "from forum.access import Role; from forum.services.accounts import create_user\n"
            f"with create_app().app_context():\n"
            "    create_user(\"scale@bench.example\", \"Scale bench\", Role.FACILITATOR, "
            f"\"{PASSWORD}\")\n"
            f"    print(load_corpus({size}))'").strip().splitlines()[-1]
        deployment.env["CONSULTATION_ID"] = consultation
        # What autovacuum does a minute after a bulk load (it is off on some test machines):
        # without statistics the planner skips the full-text index and keyword search, part
        # of every search, took 0.3 s at 10,000 segments instead of 4 ms.
        query(args.pg, "ANALYZE")
        if args.search_only:
            print(f"{size}: stored {scale_search.store_vectors(args.pg, consultation)} composed "
                  "vectors", flush=True)
        deployment.start("web", readme_commands()["web"])
        stop = threading.Event()
        threading.Thread(target=deployment.sample, args=(stop,), daemon=True).start()
        try:
            for workers in [int(w) for w in args.workers.split(",")]:
                deployment.peaks = {"web": deployment.peaks.get("web", 0)}
                if args.search_only:
                    row = scale_search.search_only(size, workers, deployment, consultation,
                                                   args.during_analysis)
                else:
                    row = one(size, workers, deployment, consultation)
                rows.append(row)
                (scale_search.print_row if args.search_only else print_row)(row)
        finally:
            stop.set()
            for name in list(deployment.procs):
                deployment.stop(name)
    if args.search_only:
        print(f"\n{scale_search.NOTE}\n{scale_search.HEADER}")
        for row in rows:
            scale_search.print_row(row)
        return
    print("\nsize    workers batches embedding clustering end-to-end themes-page search-p95 web-MB "
          "worker-MB")
    for row in rows:
        print_row(row)


def print_row(row: dict) -> None:
    embedding = f"{row['embedding']:8.1f}s" if row["embedding"] is not None else "  (inline)"
    print(f"{row['size']:<7} {row['workers']:>7} {row['batches']:>7} {embedding} "
          f"{row['clustering']:9.1f}s {row['end_to_end']:9.1f}s {row['themes_page']:9.2f}s "
          f"{row['search_p95'] * 1000:8.0f}ms {row['web_mb']:6d} {row['worker_mb']:9d}", flush=True)


if __name__ == "__main__":
    main()
