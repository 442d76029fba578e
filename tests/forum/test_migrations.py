"""Alembic migrations: upgrade and downgrade on this database, and they match the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from forum.extensions import db
from forum.models import segment_search
from tests.conftest import reset_database


def _tables():
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_then_downgrade_then_upgrade(app):
    reset_database()
    assert _tables() == set()
    upgrade()
    assert {"users", "members", "consent_records", "consultations", "questions", "segments",
            "focus_group_sessions", "session_members", "transcripts", "surveys",
            "jobs"} <= _tables()
    downgrade(revision="base")
    assert _tables() == set()
    upgrade()
    assert "users" in _tables()


def test_migrations_match_the_models(app):
    reset_database()
    upgrade()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_name": segment_search.include_name}), db.metadata)
    assert diff == [], "models changed without a migration: run flask db migrate"


def test_demo_loads_into_a_migrated_database(app, runner):
    reset_database()
    upgrade()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(args=["demo", "load", "--if-empty"])
    assert "already has data" in again.output
    logins = runner.invoke(args=["demo", "logins"])
    assert "admin@forumvoice.example" in logins.output


def test_upgrading_leaves_the_apps_loggers_working(app):
    """Alembic's logging set-up must not switch off loggers that already exist.

    It did (logging.config.fileConfig disables them by default): after a migration in the
    same process, the job runner's tracebacks went nowhere, and a later test that reads them
    (test_a_failed_job_keeps_its_traceback_in_the_log) failed or passed depending on which
    tests its worker had run before.
    """
    import logging

    jobs_log = logging.getLogger("forum.jobs")
    reset_database()
    upgrade()
    assert not jobs_log.disabled
