"""One logging set-up for the web server, the job worker and the command line."""
from __future__ import annotations

import logging.config
import os

FORMAT = "%(asctime)s %(levelname)s [%(process)d %(name)s] %(message)s"


def configure_logging() -> None:
    """Send the app's log records, tracebacks included, to standard error.

    Level from LOG_LEVEL (default INFO). Loggers that already exist keep working, so
    gunicorn's and Huey's own messages still appear, in the same format.
    """
    level = os.environ.get("LOG_LEVEL", "INFO").upper()
    # WeasyPrint logs every layout step at INFO (about 30 lines a PDF): only at DEBUG.
    steps = "NOTSET" if level == "DEBUG" else "WARNING"
    logging.config.dictConfig({
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": FORMAT}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {"weasyprint.progress": {"level": steps}},
    })
