"""Quoting part of a segment in a real browser: select words with the mouse, add them (axe 0)."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import WORDS, axe_violations, demo_evidence, open_question, sign_in

pytestmark = pytest.mark.browser


def test_an_officer_quotes_only_the_words_they_select(live_server, page, shots, users):
    from exports.services.drafts import current_draft
    from forum.extensions import db

    demo_evidence()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The refused words below answer 400 on purpose; any other console error is a fault.
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "400" not in message.text else None)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    open_question(page, "Q3")
    page.get_by_role("button", name="Add quotes to Q3").click()
    expect(page.get_by_role("heading", name="Add quotes to Q3")).to_be_visible()
    page.get_by_label("Words to look for").fill("twelve weeks")
    page.get_by_role("button", name="Show quotes").click()

    # Drag across the start of the quote, as a person selects words with the mouse.
    quote = page.locator("blockquote[data-pick-source]").first
    box = quote.bounding_box()
    page.mouse.move(box["x"] + 1, box["y"] + 8)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + 8, steps=5)
    page.mouse.up()
    words = page.get_by_label("Words to quote")
    expect(words).to_be_visible()
    chosen = words.input_value()
    assert chosen and WORDS[1].startswith(chosen) and chosen != WORDS[1], chosen
    assert not WORDS[1][len(chosen)].isalnum(), chosen  # whole words, never "twelv"
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "quote-part.png"), full_page=True)

    # Words that are not what the member said are refused, and stay in the box.
    words.fill("Sort it out before release")
    page.get_by_role("button", name=re.compile("^Add the selected words")).click()
    # Said at the top of the page, linking to the box, and beside the box.
    expect(page.get_by_role("link", name=re.compile("^Those words are not exactly what the "
                                                    "member said"))).to_be_visible()
    expect(page.locator(".govuk-error-message")).to_contain_text(
        "Those words are not exactly what the member said")
    expect(page.get_by_label("Words to quote")).to_have_value("Sort it out before release")
    assert axe_violations(page) == []
    page.get_by_label("Words to quote").fill(f"{chosen} ... They know your date.")
    page.get_by_role("button", name=re.compile("^Add the selected words")).click()
    expect(page.get_by_text("Quote added to Q3.")).to_be_visible()
    db.session.expire_all()
    q3 = next(s for s in current_draft(1).sections if s.question.label == "Q3")
    assert q3.quotes[-1].text == f"{chosen} ... They know your date."
    page.get_by_role("link", name="Back to the draft").click()
    expect(page.locator("#section-Q3 textarea").last).to_have_value(
        f"{chosen} ... They know your date.")
    page.evaluate("document.getElementById('section-Q3').scrollIntoView()")
    page.screenshot(path=str(shots / "draft-part-quote.png"))
    assert errors == []
