"""Survey pages for staff: the list and one survey with its questions and versions."""
from flask import abort, current_app, flash, redirect, render_template, url_for

from forum.access import ALL_STAFF, allow
from forum.extensions import db
from surveys.forms.builder import ConfirmForm
from surveys.models import Survey
from surveys.services.readability import Readability, check_text
from surveys.services.speech import SpeechError, generate_speech, version_strings
from surveys.services.surveys import has_unpublished_changes, list_surveys, response_counts
from surveys.views import bp
from surveys.views.builder import BUILD


@bp.route("/")
@allow(*ALL_STAFF)
def index():
    """All surveys with their consultation and status."""
    return render_template("surveys/index.html", surveys=list_surveys())


def _question_checks(question) -> list[tuple[str, Readability]]:
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
    survey = db.get_or_404(Survey, survey_id)
    version = survey.latest_version
    published = survey.published_version
    questions = list(version.questions) if version else []
    return render_template(
        "surveys/show.html", survey=survey, version=version, questions=questions,
        published=published, unpublished_changes=has_unpublished_changes(survey),
        can_publish=bool(version and not version.is_published and questions),
        checks={"title": check_text(version.title if version else survey.title),
                "purpose": check_text(version.purpose or "") if version else None},
        question_checks={q.id: _question_checks(q) for q in questions},
        counts=response_counts(survey),
        spoken=published
        and version_strings(published, current_app.config.get("ORG_NAME", "Forum Voice"),
                                             current_app.config["DATA_DIR"]))


@bp.route("/<int:survey_id>/read-aloud", methods=["POST"])
@allow(*BUILD)
def make_speech(survey_id):
    """Make the published version's missing read-aloud audio (espeak-ng was missing when it
    was published). The words do not change, so this is not a new version."""
    survey = db.get_or_404(Survey, survey_id)
    published = survey.published_version or abort(404)
    if ConfirmForm().validate_on_submit():
        try:
            generate_speech(published, current_app.config.get("ORG_NAME", "Forum Voice"),
                            current_app.config["DATA_DIR"])
        except SpeechError as error:
            flash(str(error), "error")
        else:
            flash(f"Read-aloud audio is made for version {published.number}. Tablets get it "
                  "next time a researcher opens the survey online.")
    return redirect(url_for("surveys.show", survey_id=survey.id))  # the message shows at the top
