"""A policy officer edits a consultation in a real browser: text, sections, preview, a question."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser


def _check(page, shots, name):
    assert axe_violations(page) == [], name
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def test_officer_edits_previews_and_changes_one_question(live_server, page, shots):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            else None)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1")
    expect(page.get_by_role("columnheader", name="Chapter 3: Employment")).to_be_visible()
    _check(page, shots, "consultation")
    page.get_by_role("link", name="Edit consultation").click()
    questions = page.get_by_label("Questions")
    expect(questions).to_have_value(
        re.compile(r"^Chapter 1: Leaving prison\nQ1\. What are the main"))
    expect(page.get_by_label("Open")).to_be_checked()
    _check(page, shots, "consultation-edit")

    questions.fill(
        questions.input_value() + "\n\nChapter 5: Anything else\nQ10. Is there anything else?")
    page.get_by_role("button", name="Preview sections and questions").click()
    expect(page.get_by_role("heading", name="Check the sections and questions")).to_be_visible()
    expect(page.get_by_text("We found 9 questions.")).to_be_visible()
    expect(page.get_by_role("heading", name="Chapter 5: Anything else")).to_be_visible()
    _check(page, shots, "consultation-preview")
    page.get_by_role("button", name="Save consultation").click()
    expect(page.get_by_text("Consultation saved with 9 questions.")).to_be_visible()

    page.get_by_role("link", name="Change Q5").click()
    page.get_by_label("Question", exact=True).fill("What would help people on probation find work?")
    _check(page, shots, "consultation-question")
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text("Q5 saved.")).to_be_visible()
    expect(page.get_by_role("cell",
                            name="What would help people on probation find work?")).to_be_visible()

    page.get_by_role("link", name="Remove Q10").click()
    expect(page.get_by_role("heading", name="Remove Q10?")).to_be_visible()
    _check(page, shots, "consultation-remove-question")
    page.get_by_role("button", name="Remove Q10").click()
    expect(page.get_by_text("Q10 removed.")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Chapter 5: Anything else")).to_have_count(0)
    assert errors == []
