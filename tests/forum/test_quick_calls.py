"""Quick calls have a queue of their own, answered on a worker thread of their own."""
from __future__ import annotations


def test_a_worker_answers_calls_on_a_thread_of_its_own(app, monkeypatch, tmp_path):
    from huey.storage import SqliteStorage

    from forum.calls import call_worker, calls, register_call, start_serving_calls
    from forum.queue import huey

    # A real (not immediate) queue, as in a worker process; jobs stay queued, none runs.
    monkeypatch.setattr(calls, "_immediate", False)
    monkeypatch.setattr(calls, "storage", SqliteStorage("forum-voice-calls",
                                                        filename=str(tmp_path / "queue.db")))
    monkeypatch.setattr("forum.queue._worker.app", app)
    register_call("test.double", lambda value: value * 2)
    stop = start_serving_calls()
    try:
        assert call_worker("test.double", {"value": 21}, timeout=10) == 42
        assert len(huey.storage.enqueued_items()) == 0, "the call never went to the jobs queue"
    finally:
        stop.set()


def test_two_call_threads_answer_two_calls_at_once(app, monkeypatch, tmp_path):
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from huey.storage import SqliteStorage

    from forum.calls import call_worker, calls, register_call, start_serving_calls

    monkeypatch.setattr(calls, "_immediate", False)
    monkeypatch.setattr(calls, "storage", SqliteStorage("forum-voice-calls",
                                                        filename=str(tmp_path / "queue.db")))
    monkeypatch.setattr("forum.queue._worker.app", app)
    # Each call waits for the other: with one thread answering, neither could finish.
    both_running = threading.Barrier(2, timeout=20)
    register_call("test.meet", lambda: both_running.wait() >= 0)
    stop = start_serving_calls(threads=2)
    try:
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda _: call_worker("test.meet", {}, timeout=30), range(2)))
        assert answers == [True, True]
    finally:
        stop.set()
