"""Start page for signed-in staff, and a health check."""
from datetime import date

from flask import Blueprint, render_template
from sqlalchemy import text

from forum.access import ALL_STAFF, allow, public
from forum.extensions import db
from forum.services.consultations import list_consultations

bp = Blueprint("home", __name__)


@bp.route("/")
@allow(*ALL_STAFF)
def index():
    """What each role can do next, and the consultations under way."""
    return render_template("forum/home.html", consultations=list_consultations(),
                           today=date.today())


@bp.route("/healthz")
@public
def health():
    """Liveness check for load balancers: the database answers."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
