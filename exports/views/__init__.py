"""Web pages of the exports package: the draft editor, quote picker and downloads."""
from flask import Blueprint

bp = Blueprint("drafts", __name__, url_prefix="/consultations/<int:consultation_id>/draft",
               template_folder="../templates")
# The editor's script and styles; a blueprint of its own as the editor's URLs carry an id.
assets = Blueprint("drafts_assets", __name__, static_folder="../static/drafts",
                   static_url_path="/exports/static")
# Policy officers write responses; admins may too (the same as managing consultations).
from forum.access import Role  # noqa: E402

WRITERS = (Role.ADMIN, Role.POLICY_OFFICER)


def register(app) -> None:
    from exports.views import drafts, quotes  # noqa: F401  (attach their routes)

    app.register_blueprint(bp)
    app.register_blueprint(assets)
