"""The Huey queue: SQLite in the data folder by default, Redis when REDIS_URL is set.

Start a worker with ``huey_consumer forum.worker.huey``. The Flask app is built once
per worker process, the first time a task runs.
"""
from __future__ import annotations

import os
from pathlib import Path

from huey import RedisHuey, SqliteHuey, crontab

from forum.config import PROJECT_ROOT


def make_huey():
    immediate = os.environ.get("HUEY_IMMEDIATE", "").lower() in {"1", "true", "yes"}
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if redis_url:
        return RedisHuey("forum-voice", url=redis_url, immediate=immediate)
    data_dir = Path(os.environ.get("FORUM_DATA_DIR", PROJECT_ROOT / "data"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("forum-voice", filename=str(data_dir / "queue.db"), immediate=immediate)


huey = make_huey()
_app = None


def _worker_app():
    """The app for code running in the worker; in a web request, the current app."""
    from flask import current_app, has_app_context

    global _app
    if has_app_context():
        return current_app._get_current_object()
    if _app is None:
        from app import create_app

        _app = create_app()
    return _app


@huey.task()
def execute_job(job_id: int) -> None:
    from forum.jobs import run_job

    app = _worker_app()
    with app.app_context():
        run_job(job_id)


def recover_abandoned_jobs() -> list[int]:
    """Mark failed the jobs a dead worker left running (their heartbeat is past the lease)."""
    from forum.jobs import fail_abandoned_jobs

    with _worker_app().app_context():
        return fail_abandoned_jobs()


@huey.on_startup()
def _recover_on_start() -> None:
    recover_abandoned_jobs()


@huey.periodic_task(crontab(minute="*"))
def check_abandoned_jobs() -> None:
    recover_abandoned_jobs()
