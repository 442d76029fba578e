"""The Huey queues: SQLite in the data folder by default, Redis when REDIS_URL is set.

Two queues: ``huey`` for jobs, and ``calls`` for the quick calls a page waits on
(``forum.calls``), which each worker answers on threads of their own. A large analysis queues
hundreds of embedding batches at once and keeps every job thread busy for minutes; a search
queued behind them would never be answered in time.

The queue knows nothing of the app: the worker's entry point (``worker.py`` at the top of
the project, started with ``python worker.py``) hands it the app factory, so the
ground floor never imports the building.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from huey import Huey, RedisHuey, SqliteHuey

from forum.config import PROJECT_ROOT


def make_huey(name: str = "forum-voice") -> Huey:
    """Build a queue from the environment (read before any app exists).

    Args:
        name: the queue's name (its keys in Redis, its rows in the SQLite file).

    Returns:
        A Huey queue.
    """
    immediate = os.environ.get("HUEY_IMMEDIATE", "").lower() in {"1", "true", "yes"}
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if redis_url:
        # notify_result: a page waiting on a quick call hears its answer at once (BLPOP),
        # instead of polling for it every 50 ms.
        return RedisHuey(name, url=redis_url, immediate=immediate, notify_result=True)
    from forum.files import private_dir, private_file, use_private_umask

    use_private_umask()  # queued jobs name members' transcripts and answers
    data_dir = private_dir(Path(os.environ.get("FORUM_DATA_DIR", PROJECT_ROOT / "data")))
    queue = private_file(data_dir / "queue.db")
    return SqliteHuey(name, filename=str(queue), immediate=immediate)


huey = make_huey()
calls = make_huey("forum-voice-calls")


@dataclass
class _WorkerApp:
    """How this worker process builds its app, and the app once built (one per process)."""
    factory: Callable[[], Flask] | None = None
    app: Flask | None = None


_worker = _WorkerApp()


def set_app_factory(factory: Callable[[], Flask]) -> None:
    """Tell the queue how a worker process builds its app (called by ``worker.py``)."""
    _worker.factory = factory


def worker_app() -> Flask:
    """The app for code running in the worker; in a web request or test, the current app."""
    from flask import current_app, has_app_context

    if has_app_context():
        return current_app._get_current_object()  # type: ignore[attr-defined]
    if _worker.app is None:
        if _worker.factory is None:
            raise RuntimeError("No app factory: start the worker with `python worker.py`")
        _worker.app = _worker.factory()
    return _worker.app
