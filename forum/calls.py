"""Quick calls: a web request asks the worker for a short answer and waits for it.

Heavy models (the embedding model, spaCy, scikit-learn) live in the worker process only, so a
web worker stays small. Where a page needs their answer at once (search by meaning), it
asks the worker through the calls queue (``forum.queue.calls``, apart from the jobs) and
waits a few seconds. Each worker process answers calls on threads of their own
(``start_serving_calls``, ``FORUM_CALL_THREADS``), so a search is answered while every job
thread runs a batch of a large analysis, and while another officer's search runs (split
previews are jobs, not calls); with Redis it hears a call at once, the SQLite queue is
polled every 0.05 s.
Packages register what may be called, and what the worker readies when it starts (so the
first call is quick).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from forum.queue import calls, huey, worker_app

_CALLS: dict[str, Callable] = {}
_WORKER_STARTS: list[Callable] = []
_started = threading.Lock()
log = logging.getLogger(__name__)


class WorkerUnavailable(Exception):
    """The background worker did not answer a quick call in time, or could not."""


def register_call(kind: str, handler: Callable) -> None:
    """Register a quick call answered by the worker.

    Args:
        kind: the call's name, e.g. "search.meaning".
        handler: ``handler(**params)``, run in the worker's app context; returns picklable data.
    """
    _CALLS[kind] = handler


@calls.task()
def answer_call(kind: str, params: dict):
    """The worker's side of ``call_worker``: run the call in the worker's app."""
    with worker_app().app_context():
        return _CALLS[kind](**params)


def call_worker(kind: str, params: dict, timeout: float):
    """Ask the worker to run a registered call and wait for its answer.

    Args:
        kind: a kind given to ``register_call``.
        params: its keyword arguments (picklable).
        timeout: seconds to wait.

    Returns:
        What the handler returned.

    Raises:
        WorkerUnavailable: no answer in time (the call is revoked, so it never runs late),
            or the handler failed.
    """
    from huey.exceptions import ResultTimeout, TaskException

    if kind not in _CALLS:
        raise KeyError(f"No handler for call {kind!r}")
    result = answer_call(kind, params)
    try:
        return result.get(blocking=True, timeout=timeout, max_delay=0.05, revoke_on_timeout=True)
    except ResultTimeout as error:
        raise WorkerUnavailable("The background worker did not answer in time") from error
    except TaskException as error:
        raise WorkerUnavailable(f"The background worker could not do it ({error})") from error


def serve_calls(stop: threading.Event) -> None:
    """Answer quick calls until ``stop`` is set: the loop of a worker's calls thread.

    Args:
        stop: set to end the loop (after the call in hand, or within a second when idle).
    """
    while not stop.is_set():
        try:
            task = calls.dequeue()  # Redis waits up to a second for one (BLPOP)
        except Exception:  # Redis restarting: try again shortly, as Huey's consumer does
            log.exception("could not read the calls queue")
            stop.wait(1.0)
            continue
        if task is None:
            if not calls.storage.blocking:
                stop.wait(0.05)  # the SQLite queue is polled
            continue
        try:
            calls.execute(task)  # a failing handler's error is the caller's answer
        except Exception:
            log.exception("quick call %s failed", task.id)


def start_serving_calls(threads: int = 1) -> threading.Event:
    """Answer quick calls on threads of this worker process, beside its job threads.

    Args:
        threads: how many calls this process answers at once.

    Returns:
        The event that stops the threads.
    """
    stop = threading.Event()
    for number in range(threads):
        threading.Thread(target=serve_calls, args=(stop,), name=f"quick-calls-{number}",
                         daemon=True).start()
    return stop


def on_worker_start(hook: Callable) -> None:
    """Register ``hook()`` to run in the worker process when it starts (off the job threads)."""
    _WORKER_STARTS.append(hook)


def _run_starts() -> None:
    with worker_app().app_context():
        for hook in _WORKER_STARTS:
            try:
                hook()
            except Exception:  # a warm-up that fails only makes the first call slower
                log.exception("worker start hook %s failed", hook)


@huey.on_startup()
def _start_hooks() -> None:
    # Every worker thread runs start-up hooks: only the first starts the warm-up, in its own
    # thread, so the worker takes jobs while models load.
    if not huey.immediate and _started.acquire(blocking=False):
        threading.Thread(target=_run_starts, name="worker-warm-up", daemon=True).start()
