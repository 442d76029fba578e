"""The draft editor in a real browser: accessible, autosaves, warns on a conflict, orders quotes."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    axe_violations,
    demo_evidence,
    open_fold,
    open_question,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_the_editor_autosaves_warns_on_conflict_and_is_accessible(live_server, page, shots, users):
    from exports.services.drafts import current_draft
    from exports.services.editing import DraftEdit, save_draft
    from forum.access import Role
    from forum.extensions import db

    demo_evidence()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The 409 answers below are expected; any other console error (a CSP refusal) is not.
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "409" not in message.text else None)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    expect(page.get_by_role("heading", name="Reducing reoffending: call for evidence",
                            exact=True)).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "draft_full.png"), full_page=True)
    page.evaluate("document.getElementById('section-Q1').scrollIntoView()")
    page.screenshot(path=str(shots / "draft.png"))

    # Autosave: typing, then a pause, saves in the background with the next revision.
    summary = open_fold(page, "part-intro").get_by_label("Summary", exact=True)
    summary.fill("Members want homes, not beds.")
    expect(page.locator("#save-status")).to_contain_text("Saved automatically", timeout=15000)
    db.session.expire_all()
    draft = current_draft(1)
    assert draft.summary == "Members want homes, not beds."
    expect(page.locator("#revision")).to_have_value(str(draft.revision))

    # Someone else saves; the next autosave is refused and says who changed what.
    save_draft(draft, DraftEdit(fields={"introduction": "The admin rewrote this."}), draft.revision,
               users[Role.ADMIN])
    page.get_by_label("Summary", exact=True).fill("Members want homes.")
    expect(page.locator("#save-status")).to_contain_text("Test Admin saved this draft",
                                                         timeout=15000)
    expect(page.locator("#save-status")).to_contain_text("Introduction")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Someone else changed this draft")).to_be_visible()
    expect(page.get_by_text("The admin rewrote this.")).to_be_visible()
    expect(page.get_by_label("Summary", exact=True)).to_have_value("Members want homes.")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "draft_conflict.png"), full_page=True)

    # Saving again (now knowingly) works; then move a quote down in Q2.
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    first = open_question(page, "Q2").locator(".fv-quote textarea").first.input_value()
    page.get_by_role("button", name=re.compile("Move down quote 1 in Q2")).click()
    expect(page.get_by_text("Quote moved down in Q2.")).to_be_visible()
    expect(page.locator("#section-Q2 .fv-quote textarea").nth(1)).to_have_value(first)

    # The quote picker and the history are accessible too.
    open_question(page, "Q4")
    page.get_by_role("button", name="Add quotes to Q4").click()
    expect(page.get_by_role("heading", name="Add quotes to Q4")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Words to look for").fill("sat with me")
    page.get_by_role("button", name="Show quotes").click()
    expect(page.get_by_text("In Q4")).to_be_visible()
    page.goto(f"{live_server}/consultations/1/draft/versions")
    expect(page.get_by_role("heading", name="Version history")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "draft_versions.png"), full_page=True)
    assert errors == []


def test_tabbing_through_the_editor_never_hides_the_focus_under_the_save_bar(live_server, page):
    """WCAG 2.2 focus not obscured: at 768x1024 the sticky bar hid the date boxes when tabbed to."""
    demo_evidence()
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    open_fold(page, "part-cover")  # the date boxes the bar once hid
    page.locator("#part-cover-heading").focus()
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        # The focused field against the bar: hidden means less than 24px of it shows above the
        # bar's top (Chromium scrolls a field that is partly in view no further; the bar's own
        # button does not count).
        where = page.evaluate("""() => {
            const bar = document.querySelector('.fv-save-bar');
            const el = document.activeElement;
            if (bar.contains(el)) return null;
            const r = el.getBoundingClientRect();
            return {name: el.name || el.textContent.trim().slice(0, 30), top: r.top,
                    bar: bar.getBoundingClientRect().top};
        }""")
        if where and where["top"] > where["bar"] - 24:
            hidden.append(where)
    assert hidden == []


def test_the_questions_fold_so_the_draft_is_a_few_screens_and_open_by_keyboard(
        live_server, page, shots):
    """Every part open, the demo draft was some 14,170 px tall at 768 wide."""
    demo_evidence()
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4500, height
    answer = page.get_by_label("Our answer to Q2")
    expect(answer).to_be_hidden()
    page.locator("#section-Q2 .govuk-accordion__section-button").focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    page.keyboard.press("Tab")  # into the opened question: its first box
    expect(page.get_by_label("Easy Read heading for Q2")).to_be_focused()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "draft-folded.png"), full_page=True)


def test_each_accordion_says_what_it_shows_and_a_closed_easy_read_box_is_saved(
        live_server, page, shots):
    """Two "Show all sections" buttons read the same to a screen reader; the Easy Read boxes
    were always open at the foot of the page."""
    from exports.services.drafts import current_draft
    from forum.extensions import db

    demo_evidence()
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    show_all = page.get_by_role("button", name=re.compile(r"^Show all "))
    expect(show_all).to_have_count(3)
    names = show_all.all_inner_texts()
    assert len(set(names)) == 3 and "Show all sections" not in names, names
    assert "Show all Easy Read parts" in names

    box = page.get_by_label(re.compile(r"^What we did about: ")).first
    expect(box).to_be_hidden()
    open_fold(page, "easy-read-done")
    box.fill("We asked for a home ready on the day you leave.")
    page.locator("#easy-read-done .govuk-accordion__section-button").click()  # closed again
    expect(box).to_be_hidden()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    db.session.expire_all()
    assert "We asked for a home ready on the day you leave." in current_draft(
        1).easy_read_done.values()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "draft-easy-read-folded.png"), full_page=True)
