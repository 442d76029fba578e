"""The demo survey: published, with a picture, skip logic and ten responses sent by the sync API."""
from forum.demo import load_demo
from forum.extensions import db
from surveys.demo import load_demo_survey
from surveys.models import Survey
from surveys.services import free_text_answers
from surveys.services.results import version_results


def test_the_demo_survey(app):
    load_demo()
    load_demo_survey()
    survey = db.session.get(Survey, 1)
    version = survey.published_version
    assert version.number == 1 and len(version.questions) == 9
    assert version.questions[1].picture.content_type == "image/png"
    assert version.questions[1].show_if_question.position == 1
    results = version_results(version)
    assert results.responses == 10 and results.completed == 9
    assert len(free_text_answers(survey.consultation_id)) == 14


def test_the_readme_describes_the_demo_survey_as_it_is():
    # The README promised "a draft survey"; the demo's only survey shows as Published.
    from pathlib import Path

    readme = " ".join((Path(__file__).parents[2] / "README.md").read_text().split())
    assert "a draft survey" not in readme
    assert "a published tablet survey with ten responses (one stopped part-way)" in readme
