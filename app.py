"""Forum Voice application factory."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app from environment settings, overridden by ``config`` (tests)."""
    from forum.config import Config, check_production_secret
    from forum.files import private_dir, private_file, secret_key, use_private_umask
    from forum.logs import configure_logging

    use_private_umask()  # the database, queue, uploads and backups hold personal data
    if not (config or {}).get("TESTING"):
        configure_logging()  # pytest captures logs its own way
    app = Flask(__name__, static_folder="forum/static", static_url_path="/static",
                template_folder=None)
    settings = Config().as_dict()
    settings.update(config or {})
    check_production_secret(settings)
    app.config.update(settings)
    app.config["DATA_DIR"] = private_dir(Path(app.config["DATA_DIR"]))
    if not app.config.get("SECRET_KEY"):
        # Never a fixed development key: anyone who read the source could forge a session.
        app.config["SECRET_KEY"] = secret_key(app.config["DATA_DIR"])
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    if database.startswith("sqlite:///") and not database.endswith(":memory:"):
        private_file(Path(database[len("sqlite:///"):]))

    import analysis.views
    import exports
    import forum
    import surveys

    forum.init_app(app)
    surveys.init_app(app)
    analysis.views.init_app(app)
    exports.init_app(app)
    # Link the ORM's classes now, once, rather than in the first request of each web worker.
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    return app
