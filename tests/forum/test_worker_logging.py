"""Issue #14 point 7: the worker logs through forum.logs, like the web server, each line once."""
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_worker_logs_each_line_once_in_the_apps_format(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in {"HUEY_IMMEDIATE", "REDIS_URL", "DATABASE_URL"}}
    env.update(FORUM_DATA_DIR=str(tmp_path), LOG_LEVEL="INFO")
    worker = subprocess.Popen([sys.executable, "worker.py", "--workers", "1", "--worker-type",
                               "thread"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    guard = threading.Timer(120, worker.kill)  # a worker that never starts fails, not hangs
    guard.start()
    lines = []
    try:
        for line in worker.stderr:
            lines.append(line)
            if "Periodic tasks are enabled" in line:
                break
    finally:
        guard.cancel()
        worker.terminate()
        worker.wait(timeout=30)
    started = [line for line in lines if "Huey consumer started" in line]
    assert len(started) == 1, "".join(lines)
    assert f"INFO [{worker.pid} huey.consumer]" in started[0]  # forum.logs.FORMAT


def test_an_idle_worker_polls_often_enough_for_a_search_to_be_answered_at_once(tmp_path):
    # Huey's default backoff lets an idle worker sleep 10 s between polls; searches wait on it.
    env = {k: v for k, v in os.environ.items()
           if k not in {"HUEY_IMMEDIATE", "REDIS_URL", "DATABASE_URL"}}
    env.update(FORUM_DATA_DIR=str(tmp_path))
    show = "import worker; c = worker.consumer(ARGS); print(c.default_delay, c.max_delay)"

    def delays(args):
        done = subprocess.run([sys.executable, "-c", show.replace("ARGS", repr(args))], cwd=ROOT,
                              env=env, capture_output=True, text=True, check=True, timeout=120)
        return done.stdout.split()[-2:]

    assert delays(["--workers", "1"]) == ["0.05", "0.1"]
    assert delays(["--delay", "0.5", "--max-delay", "2"]) == ["0.5", "2.0"]
