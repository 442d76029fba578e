"""Survey blueprints: staff pages (builder, results, devices, imports), tablet runner, sync API."""
from flask import Blueprint

# Staff pages share one blueprint, split into modules by feature.
bp = Blueprint("surveys", __name__, url_prefix="/surveys", template_folder="../templates")
# The runner's scripts and pictures, served beside the app's own static files.
assets = Blueprint("surveys_assets", __name__, static_folder="../static",
                   static_url_path="/static/surveys")


def blueprints():
    from surveys.views import (  # noqa: F401
        api,
        builder,
        devices,
        imports,
        question_delete,
        results,
        runner,
        staff,
    )

    return [bp, assets, runner.bp, api.bp]
