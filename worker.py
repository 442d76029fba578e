"""The job worker: ``python worker.py --workers 2 --worker-type thread`` (huey_consumer's options).

Builds the app once per worker process, before the consumer starts, so every package's
job handlers and tasks are registered; then hands it to the queue. Heavy libraries still
load lazily, in the jobs that need them. Logging is ``forum.logs``'s, as in the web server.
"""
import logging
import sys

from app import create_app
from forum.calls import start_serving_calls
from forum.jobs import watch_abandoned_jobs
from forum.queue import huey, set_app_factory

app = create_app()
set_app_factory(lambda: app)

__all__ = ["app", "consumer", "huey"]


def consumer(argv: list[str]):
    """Build the Huey consumer from ``huey_consumer``'s command-line options.

    ``huey_consumer`` would give the "huey" logger a handler and format of its own, so each
    of its lines came out twice; here only its level (``--quiet``, ``--verbose``) is taken.

    Args:
        argv: the options, without the program name.

    Returns:
        A ``huey.consumer.Consumer``; call ``run()``.
    """
    from huey.consumer_options import ConsumerConfig, OptionParserHandler

    options, _ = OptionParserHandler().get_option_parser().parse_args(argv)
    # Searches by meaning and split previews wait on a worker (forum.calls): Huey's own
    # default lets an idle worker sleep up to 10 s between polls, which made search p95 3-10 s.
    chosen = {"initial_delay": 0.05, "max_delay": 0.1}
    chosen.update({k: v for k, v in vars(options).items() if v is not None})
    config = ConsumerConfig(**chosen)
    config.validate()
    logging.getLogger("huey").setLevel(config.loglevel)
    return huey.create_consumer(**config.values)


if __name__ == "__main__":
    # Searches are answered while every job thread runs a batch.
    start_serving_calls(app.config["CALL_THREADS"])
    # A dead worker's job is taken over within the lease and a third, not at the next minute.
    watch_abandoned_jobs()
    consumer(sys.argv[1:]).run()
