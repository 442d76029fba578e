"""Forum Voice application factory."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Optional

from flask import Flask


def create_app(config: Optional[Mapping[str, Any]] = None) -> Flask:
    """Build the app from environment settings, overridden by ``config`` (tests)."""
    from forum.config import Config, check_production_secret

    app = Flask(__name__, static_folder="forum/static", static_url_path="/static",
                template_folder=None)
    settings = Config().as_dict()
    settings.update(config or {})
    check_production_secret(settings)
    app.config.update(settings)
    app.config["DATA_DIR"] = Path(app.config["DATA_DIR"])
    app.config["DATA_DIR"].mkdir(parents=True, exist_ok=True)

    import analysis.web
    import exports
    import forum
    import surveys

    forum.init_app(app)
    surveys.init_app(app)
    analysis.web.init_app(app)
    exports.init_app(app)
    return app
