"""Results of a survey per question, with demographic filters."""
from flask import abort, render_template, request

from forum.access import Role, allow, user_has_role
from forum.extensions import db
from surveys.models import Survey, SurveyVersion
from surveys.services.results import FILTERS, GROUP_MIN, version_results
from surveys.views import bp

SEE_RESULTS = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)


@bp.route("/<int:survey_id>/results")
@allow(*SEE_RESULTS)
def results(survey_id):
    """Counts, percentages and a chart per question, filtered by member demographics."""
    survey = db.get_or_404(Survey, survey_id)
    published = [v for v in survey.versions if v.is_published]
    version_id = request.args.get("version", type=int)
    version = (db.session.get(SurveyVersion, version_id) if version_id else None) or (
        published[-1] if published else None)
    if version is not None and (version.survey_id != survey.id or not version.is_published):
        abort(404)
    found = version_results(version, request.args) if version else None
    return render_template("surveys/results.html", survey=survey, versions=published,
                           version=version,
                           results=found, filters=FILTERS, group_min=GROUP_MIN,
                           show_text=user_has_role(Role.ADMIN, Role.FACILITATOR))
