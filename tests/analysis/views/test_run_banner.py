"""'The analysis has started' banner: it said so after the run had finished (or failed)."""
from analysis.models import AnalysisRun, RunStatus
from forum.access import Role
from forum.extensions import db
from forum.models import Job, JobStatus

STARTED = "The analysis has started."


def test_a_run_over_before_the_page_shows_is_not_said_to_have_started(auth, consultation):
    # Jobs run inline here, as a quick run does: it failed (no usable segments) before the
    # page was drawn, and the page said both "has started" and "The last analysis failed".
    auth.login(Role.FACILITATOR)
    html = auth.client.post(f"/consultations/{consultation.id}/themes/run",
                            follow_redirects=True).get_data(as_text=True)
    assert "The last analysis failed" in html
    assert STARTED not in html


def test_a_running_analysis_says_it_has_started_and_hides_the_finished_words(
        auth, consultation, forum_rows):
    job = Job(kind="analysis.run", status=JobStatus.RUNNING, stage="Grouping", percent=20)
    db.session.add(job)
    db.session.flush()
    db.session.add(
        AnalysisRun(consultation_id=consultation.id, status=RunStatus.RUNNING, job_id=job.id))
    db.session.commit()
    auth.login(Role.FACILITATOR)
    html = auth.client.get(
        f"/consultations/{consultation.id}/themes?started=1").get_data(as_text=True)
    assert f'data-run-banner-started>{STARTED}' in html
    assert 'fv-hidden" data-run-banner-done>The analysis has finished.' in html


def _running(consultation):
    job = Job(kind="analysis.run", status=JobStatus.RUNNING, stage="Grouping", percent=20)
    db.session.add(job)
    db.session.flush()
    db.session.add(
        AnalysisRun(consultation_id=consultation.id, status=RunStatus.RUNNING, job_id=job.id))
    db.session.commit()


def test_the_finished_words_are_said_once_with_a_banner_and_once_without(
        auth, consultation, forum_rows):
    # The banner and the status box both said "The analysis has finished. Show the new
    # themes" when the run ended, above a themes table that was already there.
    _running(consultation)
    auth.login(Role.FACILITATOR)
    url = f"/consultations/{consultation.id}/themes"
    for query in ("?started=1", ""):
        html = auth.client.get(url + query).get_data(as_text=True)
        assert html.count("The analysis has finished.") == 1, query
        assert html.count("Reload this page to show the new themes") == 1, query
