"""Scale-out, for real: PostgreSQL, Redis, gunicorn and two Huey worker processes started with
the README's commands ("Running a large consultation"); an analysis whose embedding batches
ran on both workers gives the same themes as one worker, and killing a worker mid-run loses
nothing. Run alone with ``-m scaleout``; skipped only when PostgreSQL or Redis can't be reached.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG = os.environ.get("FORUM_SCALEOUT_PG", "postgresql://postgres@127.0.0.1:5432")
REDIS = os.environ.get("FORUM_SCALEOUT_REDIS", "redis://127.0.0.1:6379/2")
TEXTS, BATCH, LEASE = 240, 30, 5

pytestmark = pytest.mark.scaleout


def readme_commands() -> dict[str, str]:
    """The README's scale-out lines, by what they do."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- scale-out commands:", 1)[1].split("```bash\n", 1)[1].split("```",
                                                                                          1)[0]
    lines = [line for line in block.splitlines() if line.strip()]
    names = ["migrate", "worker", "web", "analyse", "backup", "check_backup"]
    assert len(lines) == len(names), "the test runs every README line: keep the two in step"
    return dict(zip(names, lines, strict=False))


def reachable():
    try:
        import psycopg
        import redis

        psycopg.connect(PG + "/postgres", connect_timeout=3).close()
        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001  (any reason: say it in the skip)
        return f"PostgreSQL ({PG}) or Redis ({REDIS}) is not reachable: {error}"
    return None


class Cluster:
    """The processes of one deployment, started in their own process groups."""

    def __init__(self, env: dict, folder: Path):
        self.env, self.folder, self.procs = env, folder, {}

    def sh(self, line: str, timeout: float = 300, **extra) -> str:
        done = subprocess.run(["bash", "-c", line], cwd=ROOT, env={**self.env, **extra},
                              capture_output=True, text=True, timeout=timeout, check=False)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def start(self, name: str, line: str) -> subprocess.Popen:
        # the process writes the log until it is stopped
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115
        self.procs[name] = subprocess.Popen(["bash", "-c", "exec " + line], cwd=ROOT, env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        return self.procs[name]

    def kill(self, name: str) -> None:
        proc = self.procs.pop(name)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.procs):
            proc = self.procs.pop(name)
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def query(url: str, sql: str, *args):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql, args)
        return cursor.fetchall() if cursor.description else []


def wait_for(check, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting for {what}")


def groups(url: str, run_id: int) -> list:
    """The run's themes as groups of segment ids (labels aside: they are words, not grouping)."""
    (result,), = query(url, "SELECT result FROM analysis_runs WHERE id = %s", run_id)
    by_theme: dict = {}
    for segment, theme in result["assignments"].items():
        by_theme.setdefault(str(theme), []).append(int(segment))
    return sorted(sorted(ids) for ids in by_theme.values())


def batches(url: str, after: int = 0) -> list:
    return query(url, "SELECT id, status, attempts, params->>'done_by', stage FROM jobs "
                 "WHERE kind = 'segments.embed_batch' AND id > %s ORDER BY id", after)


@pytest.fixture
def cluster(tmp_path):
    reason = reachable()
    if reason:
        pytest.skip(reason)
    import psycopg
    import redis

    name = f"forum_scaleout_{os.getpid()}"
    with psycopg.connect(PG + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS).flushdb()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("HUEY_IMMEDIATE", "FORUM_ENV")}
    env.update(DATABASE_URL=f"{PG}/{name}", REDIS_URL=REDIS, FORUM_DATA_DIR=str(tmp_path / "data"),
               SECRET_KEY="scale-out-test-secret-0123456789abcdef", FLASK_APP="app",
               FORUM_HOST="127.0.0.1", FORUM_PORT=str(port), FORUM_EMBED_BATCH=str(BATCH),
               FORUM_JOB_LEASE_SECONDS=str(LEASE), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               PYTHONPATH=str(ROOT))
    running = Cluster(env, tmp_path)
    yield running
    running.stop_all()
    for proc in running.procs.values():
        proc.kill()
    with psycopg.connect(PG + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_workers_give_one_workers_themes_and_a_killed_worker_loses_nothing(cluster):
    commands, url = readme_commands(), cluster.env["DATABASE_URL"]
    cluster.sh(commands["migrate"])
    consultation = cluster.sh(f"{sys.executable} -c 'from app import create_app; "
                              "from bench.corpus import load_corpus\n"
                              f"with create_app().app_context(): print(load_corpus({TEXTS}))'")
    cluster.env["CONSULTATION_ID"] = consultation.strip().splitlines()[-1]
    web = cluster.start("web", commands["web"])
    first = cluster.start("worker1", commands["worker"])

    def analyse() -> int:
        out = cluster.sh(commands["analyse"], timeout=240)
        assert "Done:" in out, out
        return int(re.search(r"Queued analysis run (\d+)", out).group(1))

    def forget_vectors() -> int:
        query(url, "DELETE FROM segment_embeddings")
        return max([b[0] for b in batches(url)] or [0])

    # One worker: the reference themes.
    alone = analyse()
    done = batches(url)
    assert len(done) == -(-TEXTS // BATCH) and {b[1] for b in done} == {"done"}
    assert {b[3].split(":")[1] for b in done} == {str(first.pid)}
    # Two workers: batches on both, the same themes.
    mark = forget_vectors()
    second = cluster.start("worker2", commands["worker"])
    both = analyse()
    ran_on = {b[3].split(":")[1] for b in batches(url, mark)}
    assert ran_on == {str(first.pid), str(second.pid)}, "each worker should take some batches"
    assert groups(url, both) == groups(url, alone)
    # Kill the second worker while it embeds a batch: the first finishes the run alone.
    mark = forget_vectors()
    run = subprocess.Popen(["bash", "-c", commands["analyse"]], cwd=ROOT, env=cluster.env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wait_for(lambda: any(b[1] == "running" and f":{second.pid}" in (b[4] or "")
                         for b in batches(url, mark)), 120, "a batch running on the second worker")
    cluster.kill("worker2")
    out, _ = run.communicate(timeout=200)
    assert run.returncode == 0 and "Done:" in out, out
    killed_run = int(re.search(r"Queued analysis run (\d+)", out).group(1))
    after = batches(url, mark)
    assert {b[1] for b in after} == {"done"} and any(b[2] == 2 for b in after), after
    assert groups(url, killed_run) == groups(url, alone)
    vectors = query(url, "SELECT count(DISTINCT e.text_hash) FROM segment_embeddings e "
                    "JOIN segments s ON s.text_hash = e.text_hash")
    assert vectors == [(TEXTS,)], "every answer's vector made, once"
    # The web tier answers; a backup is made and readable.
    port = cluster.env["FORUM_PORT"]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
        assert response.status == 200 and web.poll() is None
    listing = cluster.sh(
        f"cd {cluster.folder} && {commands['backup']} && {commands['check_backup']}")
    assert "TABLE DATA public segment_embeddings" in listing
    print(f"\nmemory (RSS MB): {memory(cluster)}")


def memory(cluster) -> dict:
    """Resident memory of each process group (gunicorn master + workers, a Huey worker)."""
    sizes = {}
    for name, proc in cluster.procs.items():
        total, pids = 0, [proc.pid]
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        if children.exists():
            pids += [int(p) for p in children.read_text().split()]
        for pid in pids:
            status = Path(f"/proc/{pid}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        sizes[name] = total // 1024
    return sizes
