"""The themes page's live run status: a run that fails while the page is open says so."""
import json

import pytest
from playwright.sync_api import expect

from analysis.models import AnalysisRun, RunStatus
from forum.extensions import db
from forum.models import Job, JobStatus
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def test_a_run_failing_while_watched_offers_the_reason_not_new_themes(live_server, page):
    job = Job(kind="analysis.run", status=JobStatus.RUNNING, stage="Grouping into themes",
              percent=40)
    db.session.add(job)
    db.session.flush()
    db.session.add(AnalysisRun(consultation_id=1, status=RunStatus.RUNNING, job_id=job.id))
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    # The worker's failure reaches the page only through its status poll.
    page.route("**/consultations/1/themes/status", lambda route: route.fulfill(
        content_type="application/json",
        body=json.dumps({"status": "failed", "stage": "Grouping into themes", "percent": 40,
                         "message": "The background worker stopped while this ran."})))
    page.goto(f"{live_server}/consultations/1/themes")
    status = page.locator("#run-status")
    expect(status.get_by_text("Failed", exact=True)).to_be_visible()
    expect(status.get_by_role("link", name="The analysis stopped. See why and try again")
           ).to_be_visible()
    expect(status.get_by_text("The analysis has finished")).to_be_hidden()
    expect(status.get_by_text("this page updates itself")).to_be_hidden()


def test_the_started_banner_says_when_the_run_has_finished(live_server, page, shots):
    """'The analysis has started' stayed at the top after the run finished, above the old
    themes, while the status below said Done."""
    job = Job(kind="analysis.run", status=JobStatus.RUNNING, stage="Grouping into themes",
              percent=40)
    db.session.add(job)
    db.session.flush()
    db.session.add(AnalysisRun(consultation_id=1, status=RunStatus.RUNNING, job_id=job.id))
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.route("**/consultations/1/themes/status", lambda route: route.fulfill(
        content_type="application/json",
        body=json.dumps({"status": "done", "stage": "Finished", "percent": 100,
                         "message": None})))
    page.goto(f"{live_server}/consultations/1/themes?started=1")
    banner = page.locator("[data-run-banner]")
    expect(banner.get_by_role("link", name="Reload this page to show the new themes")
           ).to_be_visible()
    expect(banner).to_contain_text("The analysis has finished.")
    expect(banner.get_by_text("The analysis has started")).to_be_hidden()
    # Said once: the status box said it too, so the page said it twice.
    expect(page.locator("p:has-text('The analysis has finished'):visible")).to_have_count(1)
    page.set_viewport_size({"width": 768, "height": 1024})
    page.screenshot(path=str(shots / "walk22-run-banner.png"))


def test_without_the_banner_the_status_box_says_the_run_finished(live_server, page):
    job = Job(kind="analysis.run", status=JobStatus.RUNNING, stage="Grouping into themes",
              percent=40)
    db.session.add(job)
    db.session.flush()
    db.session.add(AnalysisRun(consultation_id=1, status=RunStatus.RUNNING, job_id=job.id))
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.route("**/consultations/1/themes/status", lambda route: route.fulfill(
        content_type="application/json",
        body=json.dumps({"status": "done", "stage": "Finished", "percent": 100,
                         "message": None})))
    page.goto(f"{live_server}/consultations/1/themes")
    status = page.locator("#run-status")
    expect(status.get_by_role("link", name="Reload this page to show the new themes")
           ).to_be_visible()
    expect(page.locator("p:has-text('The analysis has finished'):visible")).to_have_count(1)
