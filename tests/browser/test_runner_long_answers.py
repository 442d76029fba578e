"""A written answer near the 10,000-character limit is counted, and one over it is refused in
plain words, never cut off silently (the text box's maxlength dropped the end of a paste)."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.extensions import db
from surveys.models import SurveyResponse
from surveys.services.payload import NUMBER_NOT_WHOLE, NUMBER_TOO_BIG, NUMBER_TOO_SMALL, TOO_LONG
from tests.browser.helpers import axe_violations
from tests.browser.runner_helpers import (
    SHORT_RUN,
    at_question,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
)

pytestmark = pytest.mark.browser


def at_the_written_question(page, live_server) -> str:
    """A participant on the short run's question with a text box; returns its title."""
    return at_question(page, live_server, SHORT_RUN, 2)


def test_a_long_answer_is_counted_and_one_too_long_is_refused_whole(live_server, touch_page,
                                                                    shots):
    page = touch_page
    title = at_the_written_question(page, live_server)
    box = page.get_by_label(title)
    box.fill("a" * 100)
    expect(page.get_by_text("characters remaining")).to_have_count(0)  # far from the limit
    box.fill("a" * 9_990)
    expect(page.get_by_text("You have 10 characters remaining")).to_be_visible()
    box.fill("a" * 10_050)
    assert len(box.input_value()) == 10_050  # nothing cut off
    expect(page.get_by_text("You have 50 characters too many")).to_be_visible()
    page.get_by_role("button", name="Next").tap()
    expect(page.get_by_text(f"{TOO_LONG}.")).to_be_visible()
    expect(page.get_by_text("This one has")).to_have_count(0)  # the limit, not the length
    wait_for_heading(page, title)  # still here, with the answer whole
    assert len(box.input_value()) == 10_050
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "runner_answer_too_long.png"), full_page=False)
    box.fill("a" * 9_000 + " done")
    page.get_by_role("button", name="Next").tap()
    wait_for_heading(page, SHORT_RUN[3][0])


def test_stopping_and_keeping_a_too_long_answer_asks_to_shorten_it(live_server, touch_page):
    """Kept whole, the response was refused by the server on every try: it never left the
    tablet, and neither did the participant's other answers."""
    page = touch_page
    title = at_the_written_question(page, live_server)
    before = page.evaluate("Number(document.querySelector('main').dataset.saved || 0)")
    page.get_by_label(title).fill("a" * 10_050)
    # Kept on the tablet as typed, as a participant typing at their own pace would have it.
    page.wait_for_function("n => Number(document.querySelector('main').dataset.saved || 0) > n",
                           arg=before)
    page.get_by_role("link", name="I want to stop").tap()
    wait_for_heading(page, "Do you want to stop?")
    page.get_by_label("Keep my answers").check()
    page.get_by_role("button", name="Stop now").tap()
    expect(page.get_by_text("One answer is too long to send")).to_be_visible()
    wait_for_heading(page, "Do you want to stop?")  # nothing queued that cannot be sent
    assert axe_violations(page) == []


def test_a_changed_limit_reaches_the_pages_kept_on_the_tablet(live_server, touch_page,
                                                              monkeypatch):
    """The tablet kept its first copy of each page: after the server's limit changed, a
    page it had kept still counted to the old one, until a researcher opened the tablet page
    again, and the server then refused the whole response. The start page, shown between
    participants, fetches the pages again when the rules they carry have changed."""
    import surveys.views.runner as runner_view

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    monkeypatch.setattr(runner_view, "TEXT_MAX", 500)
    monkeypatch.setattr(runner_view, "TOO_LONG", "Answers must be 500 characters or fewer")
    page.goto(f"{live_server}/run/1/start")
    for _ in range(200):  # until the start page has kept the changed pages (evaluate awaits)
        if "500" in (page.evaluate("window.FVStore.getMeta('rules-1')") or ""):
            break
        page.wait_for_timeout(100)
    tap_through(page, SHORT_RUN[:2], finish=False)
    wait_for_heading(page, SHORT_RUN[2][0])
    box = page.get_by_label(SHORT_RUN[2][0])
    assert box.get_attribute("data-maxlength") == "500"
    box.fill("a" * 501)
    page.get_by_role("button", name="Next").tap()
    expect(page.get_by_text("Answers must be 500 characters or fewer.")).to_be_visible()
    expect(page.get_by_text("This one has")).to_have_count(0)


@pytest.mark.parametrize(("typed", "refusal", "kept"), [
    # "How many workers help you now?" took -5: the tablet now refuses it as the server does.
    ("-5", NUMBER_TOO_SMALL, "0"),
    # It took 99999999999999: the tablet moved on, the server refused the whole response
    # ("not a believable number") and all nine answers stayed on the tablet, never sent. The
    # tablet now refuses it in the same words; 1,000,000,000 is the largest the server keeps.
    ("99999999999999", NUMBER_TOO_BIG, "1,000,000,000"),
    # "How many workers help you now?" took 1.5: a count is whole unless the builder allows
    # decimals, and the tablet says so in the server's words.
    ("1.5", NUMBER_NOT_WHOLE, "2"),
])
def test_a_number_the_server_would_refuse_is_refused_and_the_typed_number_kept(
        live_server, touch_page, typed, refusal, kept):
    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")  # the answer check needs no set-up for offline use
    tap_through(page, SHORT_RUN[:3], finish=False)
    title = SHORT_RUN[3][0]
    wait_for_heading(page, title)
    box = page.get_by_label(title)
    box.fill(typed)
    page.get_by_role("button", name="Next").tap()
    expect(page.get_by_text(refusal)).to_be_visible()
    wait_for_heading(page, title)
    assert box.input_value() == typed
    box.fill(kept)
    page.get_by_role("button", name="Next").tap()
    wait_for_heading(page, SHORT_RUN[4][0])


def test_a_pasted_null_or_half_an_emoji_is_cleaned_and_the_response_is_sent(live_server,
                                                                           touch_page):
    """A paste carrying a null character was kept as typed; the server refuses text with one
    (or with half an emoji), so the whole response stayed on the tablet, 'could not be sent'.
    The tablet now drops null characters and marks a half emoji with \ufffd."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN[:2], finish=False)
    title = SHORT_RUN[2][0]
    wait_for_heading(page, title)
    page.get_by_label(title).click()
    page.keyboard.insert_text("A course\u0000 near the hostel")
    page.evaluate("""() => { const box = document.querySelector('#answer');
        box.value += ' \\ud83d'; box.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.get_by_role("button", name="Next").tap()
    tap_through(page, SHORT_RUN[3:], start=False)
    page.get_by_text("All responses have been sent.").wait_for(timeout=10000)
    db.session.expire_all()
    sent = db.session.scalars(select(SurveyResponse).where(
        SurveyResponse.device.has(name="Test tablet"))).one()
    assert {a.question.position: a.text for a in sent.answers}[7] == \
        "A course near the hostel \ufffd"
