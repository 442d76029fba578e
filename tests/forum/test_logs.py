"""forum.logs: one set-up for web, worker and command line, without step-by-step noise."""
import logging

from forum.logs import configure_logging


def test_weasyprint_progress_steps_stay_out_of_the_log_at_the_default_level(monkeypatch):
    # An export wrote ~30 INFO lines ("Step 5 - Creating layout - Page 3") per PDF into the
    # worker's log and over `flask export response`'s own message.
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    configure_logging()
    assert not logging.getLogger("weasyprint.progress").isEnabledFor(logging.INFO)
    assert logging.getLogger("weasyprint").isEnabledFor(logging.WARNING)
    assert logging.getLogger("forum.jobs").isEnabledFor(logging.INFO)


def test_log_level_debug_still_shows_them_for_whoever_asks(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    configure_logging()
    assert logging.getLogger("weasyprint.progress").isEnabledFor(logging.INFO)
