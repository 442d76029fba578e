"""Staff pages on a 768x1024 tablet: every control is a touch area at least 44 pixels tall
(WCAG 2.5.5, Apple's guidelines). The header's links were 18 pixels tall, "Unpin this quote"
42x18, and a session's transcript links sat one on another with no gap."""
import pytest
from sqlalchemy import select

from analysis.models import Theme, ThemeSegment
from forum.extensions import db
from forum.models import FocusGroupSession
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser

# Controls a finger must hit: the header's, every button, and links that stand on their own
# in a list (a link inside running text is exempt: WCAG 2.5.5's "inline" exception).
SMALL_TARGETS = """() => {
  const bad = [];
  document.querySelectorAll('header a, header button, main button, main .govuk-button,'
      + ' main summary, main li > a:first-child').forEach(el => {
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) return;  // not shown
    if (box.width < 44 || box.height < 44)
      bad.push(el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + ' '
               + Math.round(box.width) + 'x' + Math.round(box.height));
  });
  return bad;
}"""

# Two targets closer than this one above the other are easy to tap wrongly.
STACKED = """() => {
  const boxes = Array.from(document.querySelectorAll('main li > a:first-child'))
    .map(a => a.getBoundingClientRect()).filter(b => b.height);
  const bad = [];
  for (let i = 1; i < boxes.length; i++)
    if (boxes[i].top < boxes[i - 1].bottom) bad.push(i);
  return bad;
}"""


def check(page, shots, name):
    small = page.evaluate(SMALL_TARGETS)
    assert small == [], f"{name}: " + "; ".join(small)
    assert page.evaluate(STACKED) == [], name
    page.screenshot(path=str(shots / f"targets_{name}.png"), full_page=True)


def test_facilitator_pages_have_big_enough_targets(live_server, page, shots):
    from analysis.services.transcripts import import_transcript

    session = db.session.scalar(select(FocusGroupSession).order_by(FocusGroupSession.id))
    for words in ("Facilitator: Welcome.\nDave: Hello.", "Facilitator: Welcome.\nDave: Hi."):
        import_transcript(session, "group.txt", words.encode(), None)  # links one under another
    sign_in(page, live_server, "facilitator")
    for name, url in [("home", "/"), ("session", f"/sessions/{session.id}"),
                      ("transcript", f"/transcripts/{session.transcripts[0].id}")]:
        page.goto(live_server + url)
        check(page, shots, name)


def test_theme_page_buttons_are_big_enough(live_server, analysed, consultation, page, shots):
    theme = db.session.scalar(select(Theme).join(ThemeSegment).where(
        Theme.consultation_id == consultation.id, ThemeSegment.quote_rank.is_not(None))
        .order_by(Theme.position).limit(1))
    assert theme is not None  # with a quote, so "Unpin this quote" is shown
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/themes/{theme.id}")
    check(page, shots, "theme")


# Text boxes and drop-down lists are touch targets too: GOV.UK draws them 40 pixels tall.
SHORT_FIELDS = """() => Array.from(document.querySelectorAll(
    'main input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]),'
    + ' main select'))
  .map(el => [el.name || el.id, el.getBoundingClientRect()])
  .filter(([, box]) => box.height && box.height < 44)
  .map(([name, box]) => name + ' ' + Math.round(box.height))"""


def test_text_boxes_and_lists_are_big_enough(live_server, page):
    page.goto(f"{live_server}/login")
    assert page.evaluate(SHORT_FIELDS) == []
    sign_in(page, live_server, "admin")
    for url in ("/admin/users/invite", "/admin/audit"):  # text boxes; a list
        page.goto(live_server + url)
        assert page.evaluate(SHORT_FIELDS) == [], url
    assert page.locator("main select").count()


# Links and buttons beside a question that change it: "Change" and "Remove" sat 4 pixels apart,
# 21 pixels tall, one over the other; "Move down" and "Delete" were 24 pixels tall.
SMALL_ACTIONS = """() => Array.from(document.querySelectorAll(
    'main .fv-actions a, main .fv-actions button'))
  .map(el => [el.textContent.trim().replace(/\\s+/g, ' '), el.getBoundingClientRect()])
  .filter(([, box]) => box.height && box.height < 44)
  .map(([text, box]) => text + ' ' + Math.round(box.height))"""


def test_question_actions_are_big_enough(live_server, page):
    sign_in(page, live_server, "policy_officer")  # who changes a consultation's questions
    for url in ("/consultations/1", "/surveys/1"):
        page.goto(live_server + url)
        assert page.locator("main .fv-actions a").count(), url
        assert page.evaluate(SMALL_ACTIONS) == [], url
        assert page.evaluate(STACKED_ACTIONS) == [], url


STACKED_ACTIONS = """() => {
  const boxes = Array.from(document.querySelectorAll('main .fv-actions a, main .fv-actions button'))
    .map(el => el.getBoundingClientRect()).filter(b => b.height);
  const bad = [];
  for (let i = 1; i < boxes.length; i++) {
    const a = boxes[i - 1], b = boxes[i];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) bad.push(i);
  }
  return bad;
}"""


def test_download_links_are_big_enough(live_server, page):
    """Seven downloads, each link 21 pixels tall with 10 between the rows."""
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    heights = page.evaluate("() => Array.from(document.querySelectorAll('main .fv-downloads a'))"
                            ".map(a => Math.round(a.getBoundingClientRect().height))")
    assert heights and min(heights) >= 44, heights
