"""Every runner page: axe (WCAG 2.2 AA) clean, big targets and text, screenshots; stop, kiosk,
read aloud."""
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.extensions import db
from surveys.models import SurveyResponse
from tests.browser.helpers import axe_violations, sign_in
from tests.browser.runner_helpers import (
    FULL_RUN,
    VOICE_STUB,
    set_up_tablet,
    sign_in_as_peer,
    take_part,
    tap_and_wait_saved,
    tap_through,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

SMALL_TARGETS = """() => {
  const bad = [];
  document.querySelectorAll('main a, main button, main label, main select, main textarea, header a,'
      + ' main input:not([type=radio]):not([type=checkbox]):not([type=hidden])').forEach(el => {
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) return;  // not shown
    if (box.width < 44 || box.height < 44)
      bad.push(el.outerHTML.slice(0, 70) + ' ' + box.width + 'x' + box.height);
  });
  return bad;
}"""

SMALL_TEXT = """() => {
  const bad = [];
  document.querySelectorAll('header *, main *').forEach(el => {
    if (!el.getClientRects().length || el.closest('.govuk-visually-hidden')) return;
    const text = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (text && size < 19)
      bad.push(el.tagName + ' ' + el.textContent.trim().slice(0, 30) + ' ' + size);
  });
  return bad;
}"""


def check_page(page, shots, name):
    assert axe_violations(page) == [], name
    assert page.evaluate(SMALL_TARGETS) == [], name
    assert page.evaluate(SMALL_TEXT) == [], name
    page.screenshot(path=str(shots / f"runner_{name}.png"), full_page=True)


@pytest.fixture
def tablet(live_server, touch_page):
    sign_in_as_peer(touch_page, live_server)
    set_up_tablet(touch_page, live_server)
    return touch_page


def test_every_runner_page_is_accessible_with_big_targets_and_text(live_server, tablet, shots):
    page = tablet
    check_page(page, shots, "00_researcher")
    page.get_by_role("link", name="Start the survey").click()
    page.get_by_role("button", name="Yes, I want to take part").wait_for()
    check_page(page, shots, "01_start")
    take_part(page)
    kinds = {1: "yes_no", 2: "single_choice_picture", 3: "scale", 5: "multiple_choice",
             6: "free_text", 8: "number"}
    for position, (title, kind, value) in enumerate(FULL_RUN, start=1):
        wait_for_heading(page, title)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.get_by_text(f"Question {position} of 9")).to_be_visible()
        expect(page.get_by_role("link", name="I want to stop")).to_be_visible()
        if position in kinds:
            check_page(page, shots, f"{position + 1:02d}_question_{kinds[position]}")
        if kind == "choice":
            page.get_by_label(value, exact=True).click()
        elif kind == "choices":
            for item in value:
                page.get_by_label(item, exact=True).click()
        else:
            page.get_by_label(title).fill(value)
        page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="Thank you. That was the last question.").wait_for()
    check_page(page, shots, "11_end")
    page.get_by_role("link", name="I want to stop").click()
    page.get_by_role("button", name="Stop now").wait_for()
    check_page(page, shots, "12_stop")
    page.get_by_role("button", name="Stop now").click()
    page.get_by_text("Choose keep or delete").wait_for()
    check_page(page, shots, "13_stop_error")
    page.get_by_label("Keep my answers").check()
    page.get_by_role("button", name="Stop now").click()
    page.get_by_text("We have kept the answers you gave.").wait_for()
    check_page(page, shots, "14_stopped")
    page.get_by_role("link", name="Finish").click()
    tap_through(page, FULL_RUN[:1] + FULL_RUN[1:], start=True)
    page.get_by_text("All responses have been sent.").wait_for(timeout=10000)
    check_page(page, shots, "15_done")


def test_a_stopped_participant_chooses_what_happens_to_their_answers(live_server, tablet):
    page = tablet

    def stop_after_first_question(choice):
        page.goto(f"{live_server}/run/1/start")
        take_part(page)
        wait_for_heading(page, FULL_RUN[0][0])
        page.get_by_label("Yes", exact=True).click()
        page.get_by_role("button", name="Next").click()
        wait_for_heading(page, FULL_RUN[1][0])
        page.get_by_role("link", name="I want to stop").click()
        page.get_by_label(choice).check()
        page.get_by_role("button", name="Stop now").click()
        page.get_by_role("heading", name="Thank you for your time").wait_for()
        expect(page.get_by_text("Samaritans")).to_be_visible()

    stop_after_first_question("Delete my answers")
    expect(page.get_by_text("We have deleted your answers.")).to_be_visible()
    stop_after_first_question("Keep my answers")
    page.wait_for_function("() => true")
    for _ in range(50):
        db.session.expire_all()
        saved = list(
            db.session.scalars(
                select(SurveyResponse).where(SurveyResponse.device.has(name="Test tablet"))))
        if saved:
            break
        page.wait_for_timeout(200)
    assert len(saved) == 1 and saved[0].completed is False
    assert [(a.question.position, a.value) for a in saved[0].answers] == [(1, "yes")]


def test_kiosk_mode_clears_the_screen_and_the_back_button_shows_nothing(app, live_server,
                                                                        touch_page,
                                                                       shots):
    page = touch_page
    # 20 s: the warning shows from 13.3 s to 20 s. Set before the tablet keeps its pages, so no
    # page kept earlier can carry the default 180 s. The page's clock is Playwright's: time
    # flows as usual, and the test moves it on rather than waiting (exactly to the warning, then
    # past the limit, so a starved renderer can never run both timers in one go).
    app.config["SURVEY_KIOSK_IDLE_SECONDS"] = 20
    page.clock.install()
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    wait_until_ready(page)
    page.get_by_label("Clear the screen between people").check()
    page.wait_for_function("async () => await FVStore.getMeta('kiosk')")
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page)
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])
    # The idle timers start once the kiosk setting is read from the tablet's storage.
    page.locator('main[data-idle-armed="20000"]').wait_for(state="attached", timeout=20000)
    tap_and_wait_saved(page, "Yes")
    warning = page.get_by_text("Are you still there?")
    expect(warning).to_be_hidden()
    page.clock.run_for(14_000)
    warning.wait_for()
    page.screenshot(path=str(shots / "runner_16_idle_warning.png"), full_page=True)
    assert axe_violations(page) == []
    page.clock.run_for(7_000)
    page.get_by_role("button", name="Yes, I want to take part").wait_for()
    page.go_back()
    page.get_by_role("button", name="Yes, I want to take part").wait_for()
    wait_until_ready(page)  # the page's script has put back whatever the tablet kept
    expect(page.locator("input:checked")).to_have_count(0)
    # After a finished survey too: back shows the start page, not the last person's answers.
    take_part(page)
    tap_through(page, FULL_RUN, start=False)
    page.go_back()
    page.get_by_role("button", name="Yes, I want to take part").wait_for()
    page.go_back()
    page.get_by_role("button", name="Yes, I want to take part").wait_for()
    wait_until_ready(page)
    expect(page.locator("input:checked")).to_have_count(0)


@pytest.mark.parametrize("voices", [
    "[{name: 'Local English', lang: 'en-GB', localService: true}]",
    "[{name: 'Cloud English', lang: 'en-GB', localService: false}]",
    "[]",
])
def test_play_uses_the_audio_made_at_publish_whatever_voices_the_tablet_has(live_server, tablet,
                                                                            voices):
    page = tablet
    page.add_init_script(VOICE_STUB % voices)
    page.goto(f"{live_server}/run/1/start")
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])
    play = page.get_by_role("button", name="Play")
    expect(play).to_be_visible()
    expect(play).to_have_attribute("data-audio", re.compile("/run/speech/"))
    play.click()
    page.get_by_role("button", name="Stop").wait_for()
    assert page.evaluate("window.__spoken") == []  # espeak-ng's audio, not the tablet's voice


def test_participant_pages_weigh_under_150_kb(live_server, browser, capsys):
    """Bytes on the wire (bodies and headers, uncompressed) for each page loaded with an empty
    browser cache and no service worker, pictures and audio aside."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, service_workers="block")
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    take_part(page)  # a response in progress
    wait_for_heading(page, FULL_RUN[0][0])
    cdp = context.new_cdp_session(page)
    weights, details = {}, {}
    for path in ("/run/1/start", "/run/1/q/2", "/run/1/q/3", "/run/1/q/6", "/run/1/end",
                 "/run/1/done"):
        cdp.send("Network.clearBrowserCache")
        sizes = []

        def record(response, sizes=sizes):
            if response.request.resource_type not in ("image", "media"):
                sizes.append(
                    (response.url.rsplit("/", 1)[-1],
                     len(response.body()) + len(str(response.headers))))

        page.on("response", record)
        page.goto(live_server + path, wait_until="networkidle")
        page.remove_listener("response", record)
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        weights[path], details[path] = sum(size for _, size in sizes), sizes
        assert weights[path] < 150 * 1024, (path, sizes)
    context.close()
    with capsys.disabled():
        print("\nparticipant page weight in bytes (empty cache, pictures aside):", weights)
        print(details["/run/1/q/2"])


def test_play_uses_the_recorded_audio_first(app, live_server, touch_page, tmp_path):
    import io
    import math
    import struct
    import wave

    from surveys.models import MediaKind, QuestionKind, Survey
    from surveys.services.media import save_media
    from surveys.services.questions import QuestionData, add_question
    from surveys.services.surveys import draft_version

    sound = io.BytesIO()
    with wave.open(sound, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(
            b"".join(struct.pack("<h", int(8000 * math.sin(i / 6))) for i in range(8000)))
    sound.seek(0)
    survey = db.session.get(Survey, 1)
    audio = save_media(app.config["DATA_DIR"], survey.id, MediaKind.AUDIO, "q.wav", sound)
    add_question(draft_version(survey),
                 QuestionData(QuestionKind.YES_NO, "Can you hear this?", audio=audio))
    page = touch_page
    page.add_init_script(
        VOICE_STUB % "[{name: 'Local English', lang: 'en-GB', localService: true}]")
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/surveys/1/preview/10")
    play = page.get_by_role("button", name="Play")
    expect(play).to_be_visible()
    play.click()
    expect(page.get_by_role("button", name="Stop")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__spoken") == []  # the recording, not the synthetic voice
