"""Ground floor: database, accounts and roles, members, consent, consultations, sessions."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, jsonify, render_template, request
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy.exc import OperationalError

from forum import access, encryption, pool_ping, security, unsent
from forum.extensions import babel, csrf, db, login_manager, migrate
from forum.models import segment_search

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def _configure_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader([
        FileSystemLoader(str(Path(__file__).parent / "templates")),
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    from govuk_frontend_wtf.main import WTFormsHelpers

    WTFormsHelpers(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    from forum.services.text_direction import template_finalize

    # A member's right-to-left override turned a quote and its attribution round on pages.
    app.jinja_env.finalize = template_finalize


def _configure_login(app: Flask) -> None:
    from flask import session

    from forum.services import sign_ins
    from forum.services.accounts import load_user

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Sign in to see that page."
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_signed_in_user(user_id: str):
        """The user, only while this browser's server-side sign-in is live (not ended, not idle)."""
        user = load_user(user_id)
        if user is None or not sign_ins.is_live(session.get(sign_ins.SESSION_KEY), user.id,
                                                app.permanent_session_lifetime):
            return None
        return user


def _configure_sqlite(app: Flask) -> None:
    """WAL and a busy timeout so concurrent writers wait rather than fail."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    from sqlalchemy import event

    with app.app_context():
        @event.listens_for(db.engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(
                f"PRAGMA busy_timeout={int(app.config.get('SQLITE_BUSY_TIMEOUT_MS', 15000))}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()


def init_app(app: Flask) -> None:
    """Attach extensions, blueprints and commands of the forum package."""
    from forum import cli, key_cli, models  # noqa: F401  (models registers the tables)
    from forum.services import audit_names
    from forum.services.text_direction import TypedRequest
    from forum.views import (  # noqa: F401  (questions adds its routes to consultations)
        admin,
        auth,
        consultations,
        home,
        members,
        questions,
        sessions,
        two_factor,
    )

    app.request_class = TypedRequest  # typed text arrives without bidi controls
    encryption.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True,
                     include_name=segment_search.include_name)
    csrf.init_app(app)
    unsent.init_app(app)
    babel.init_app(app)
    _configure_login(app)
    _configure_templates(app)
    _configure_sqlite(app)
    pool_ping.init_app(app)
    two_factor.init_app(app)  # its gate must run before the role check
    access.init_app(app)
    security.init_app(app)
    for blueprint in (auth.bp, admin.bp, home.bp, members.bp, consultations.bp, sessions.bp):
        app.register_blueprint(blueprint)
    cli.init_app(app)
    key_cli.init_app(app)
    audit_names.register_forum_kinds(app)

    @app.errorhandler(OperationalError)
    def database_error(error):
        """Still locked after the retries (or another database fault): say so plainly."""
        from forum.services.busy import is_locked

        db.session.rollback()
        if not is_locked(error):
            app.logger.exception("Database error", exc_info=error)
            return render_template("errors/500.html"), 500
        if request.path.startswith(security.API_PREFIX):
            return jsonify({"error": "The database is busy and the response was not stored yet. "
                                     "Send it again in a moment."}), 503, {"Retry-After": "2"}
        return render_template("errors/busy.html"), 503, {"Retry-After": "2"}

    @app.context_processor
    def org():
        return {"org_name": app.config.get("ORG_NAME", "Forum Voice")}
