"""Scenario (e) of bench/faults.py: a worker "on another host" is SIGKILLed mid-job; how long
until a worker on this host takes its job over, with the default lease.

Worker A runs in a UTS namespace of its own (``unshare --uts``, as root) under another host
name, so worker B cannot ask for its process and only the lease can tell (as with workers
on two machines sharing PostgreSQL and Redis). Prints the seconds from the kill until B
failed the job (or queued it again), and until its retry ran on B.
"""
from __future__ import annotations

import subprocess
import time

from bench.faults import ROOT, WORKER_DIR, _env, kill_group
from bench.faults_worker import WAIT_RUNNING, _wait_for, prepare_job, start_worker

ELSEWHERE = "faults-elsewhere"
WAIT_TAKEN = 300


def _start_elsewhere(url: str, lease: int) -> subprocess.Popen:
    command = ["unshare", "--uts", "sh", "-c",
               f"hostname {ELSEWHERE} && exec .venv/bin/python worker.py --workers 1 "
               "--worker-type thread --quiet"]
    env = {**_env(url, WORKER_DIR), "FORUM_JOB_LEASE_SECONDS": str(lease)}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def worker_takeover(args) -> dict:
    """Kill worker A mid-job; time worker B's takeover by lease, then its retry."""
    from forum.extensions import db
    from forum.jobs import retry_job
    from forum.models import Job

    lease = args.lease
    url, app, params, job_id = prepare_job(args)
    with app.app_context():
        away = _start_elsewhere(url, lease)
        running = _wait_for(job_id, lambda j: j.status.value != "queued" and (
            j.status.value != "running" or (j.percent or 0) >= args.kill_at), WAIT_RUNNING)
        if running is None or running.status.value != "running":
            kill_group(away)
            raise SystemExit("worker-takeover: the job never ran on worker A; make it longer")
        here = start_worker(url, {"FORUM_JOB_LEASE_SECONDS": str(lease)})
        kept = None
        if args.live_wait:  # both alive past the lease: B must leave A's job alone
            time.sleep(args.live_wait)
            db.session.expire_all()
            job = db.session.get(Job, job_id)
            kept = job is not None and job.status.value == "running" and job.attempts == 1
        kill_group(away)
        killed = time.perf_counter()
        taken = _wait_for(job_id, lambda j: j.status.value != "running" or j.attempts > 1,
                          WAIT_TAKEN)
        took = time.perf_counter() - killed
        state = "NOT taken" if taken is None else taken.status.value  # before the retry
        if state == "failed":
            retry_job(taken)
        again = _wait_for(job_id, lambda j: j.attempts > 1 and j.status.value != "queued",
                          WAIT_TAKEN)
        rerun = time.perf_counter() - killed
        worker = again.worker if again is not None else None
        kill_group(here)
        db.engine.dispose()
    print(f"worker-takeover: lease {lease} s; worker A killed; taken over by B after "
          f"{took:.1f} s ({state}); retry running on "
          f"{worker} after {rerun:.1f} s" + ("" if kept is None else
                                              f"; live job kept past the lease: {kept}"))
    errors = int(taken is None) + int(again is None) + int(kept is False)
    note = (f"lease {lease} s: taken over {took:.1f} s after SIGKILL, retry running after "
            f"{rerun:.1f} s" + ("" if kept is None else f", live job kept: {kept}"))
    return {"scenario": "worker-takeover", "sent": 1, "stored": int(again is not None),
            "lost": int(again is None), "duplicated": 0, "errors": errors, "note": note}
