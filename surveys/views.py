"""Survey pages for staff."""
from flask import Blueprint, abort, render_template

from forum.access import ALL_STAFF, allow
from forum.extensions import db
from surveys.models import Survey
from surveys.services import list_surveys

bp = Blueprint("surveys", __name__, url_prefix="/surveys", template_folder="templates")


@bp.route("/")
@allow(*ALL_STAFF)
def index():
    """All surveys with their consultation and status."""
    return render_template("surveys/index.html", surveys=list_surveys())


@bp.route("/<int:survey_id>")
@allow(*ALL_STAFF)
def show(survey_id):
    """A survey's questions and the consultation questions they answer."""
    survey = db.session.get(Survey, survey_id) or abort(404)
    return render_template("surveys/show.html", survey=survey)
