"""Two staff pages in Chromium at 768 wide, no axe violations: the refused tablet responses
in plain words, and the redaction review marking a paragraph joined to the turn above."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_the_refused_responses_page_names_questions_in_words(live_server, page, shots):
    from forum.extensions import db
    from surveys.models import SurveyDevice, SurveyQuestion, SurveyRefusal

    device = db.session.scalars(db.select(SurveyDevice)).first()
    question = db.session.scalars(db.select(SurveyQuestion).where(
        SurveyQuestion.version_id == 1, SurveyQuestion.position == 8)).one()
    db.session.add(SurveyRefusal(
        device_id=device.id if device else None, uuid="3f2b8c1e-7d4a-4c2e-9b1a-2f6d8e0c4a1b",
        version_id=1, status=422,
        reasons=["started_at is not a believable date",
                 "answers[7].value (question 8) is not a whole number. Type a whole number, "
                 "like 3."]))
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/surveys/devices/refused")
    reasons = page.locator("table .fv-refusal-reasons li")
    expect(reasons).to_have_text(["the time it was started is not a believable date",
                                  f"the answer to question 8, ‘{question.text}’, is not a whole "
                                  "number. Type a whole number, like 3."])
    expect(page.locator("main")).not_to_contain_text("answers[")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "refused_responses_plain.png"), full_page=True)


def test_the_review_page_marks_a_joined_paragraph(live_server, page, shots):
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/sessions/1")
    page.get_by_role("link", name="Upload a transcript").click()
    page.get_by_label("Or paste the transcript").fill(
        "Facilitator: What happened when you got out?\n\nDee: They let me out on a Friday.\n\n"
        "Nobody was at the gate, not even probation.\n\nFacilitator: Thank you.\n")
    page.get_by_role("button", name="Upload transcript").click()
    page.get_by_role("heading", name="Who is speaking").wait_for(timeout=60000)
    page.goto(page.url.replace("/speakers", "/review"))
    expect(page.locator("#turn-2")).to_contain_text(
        "Paragraph with no name joined to this turn (line 5): check the same person said it")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "review_joined.png"), full_page=True)
