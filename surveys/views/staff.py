"""Survey pages for staff: the list and one survey with its questions and versions."""
from flask import abort, render_template

from forum.access import ALL_STAFF, allow
from forum.extensions import db
from surveys.models import Survey
from surveys.services.readability import check_text
from surveys.services.surveys import has_unpublished_changes, list_surveys, response_counts
from surveys.views import bp


def survey_or_404(survey_id: int) -> Survey:
    return db.session.get(Survey, survey_id) or abort(404)


@bp.route("/")
@allow(*ALL_STAFF)
def index():
    """All surveys with their consultation and status."""
    return render_template("surveys/index.html", surveys=list_surveys())


def _question_checks(question) -> list[tuple[str, object]]:
    checks = [("Question", check_text(question.text))]
    if question.help_text:
        checks.append(("Help text", check_text(question.help_text)))
    if question.picture_alt:
        checks.append(("Picture description", check_text(question.picture_alt)))
    checks += [(f"Choice \u2018{c['label']}\u2019", check_text(c["label"]))
               for c in question.choices or [] if not check_text(c["label"]).ok]
    return checks


@bp.route("/<int:survey_id>")
@allow(*ALL_STAFF)
def show(survey_id):
    """A survey's questions with wording checks, its versions and what to do next."""
    survey = survey_or_404(survey_id)
    version = survey.latest_version
    questions = list(version.questions) if version else []
    return render_template(
        "surveys/show.html", survey=survey, version=version, questions=questions,
        published=survey.published_version, unpublished_changes=has_unpublished_changes(survey),
        can_publish=bool(version and not version.is_published and questions),
        checks={"title": check_text(version.title if version else survey.title),
                "purpose": check_text(version.purpose or "") if version else None},
        question_checks={q.id: _question_checks(q) for q in questions},
        counts=response_counts(survey))
