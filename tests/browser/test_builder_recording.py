"""Recording a question's audio in the builder (Chromium's fake microphone), then playing it."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.extensions import db
from surveys.models import MediaKind, SurveyMedia, SurveyQuestion
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.helpers import axe_violations, sign_in
from tests.browser.runner_helpers import VOICE_STUB

pytestmark = pytest.mark.browser

# A fake microphone (a beep) that needs no permission prompt.
FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture
def mic_page(browser):
    """A second Chromium from the same Playwright, started with the fake microphone."""
    with_mic = browser.browser_type.launch(executable_path=CHROMIUM,
                                           args=CHROMIUM_ARGS + FAKE_MEDIA)
    page = with_mic.new_context(viewport={"width": 768, "height": 1024}).new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    with_mic.close()
    assert errors == []


def test_record_audio_in_the_builder_and_the_runner_plays_it(live_server, mic_page, shots):
    page = mic_page
    page.add_init_script(
        VOICE_STUB % "[{name: 'Local English', lang: 'en-GB', localService: true}]")
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/surveys/1/questions/1/edit")
    heading = page.locator("h1").inner_text()
    record = page.get_by_role("button", name="Start recording")
    record.click()
    page.get_by_role("button", name="Stop recording").wait_for()
    page.wait_for_timeout(1500)  # a second and a half of the fake microphone's beep
    page.get_by_role("button", name="Stop recording").click()
    page.get_by_text("Save the question to keep it.").wait_for()
    expect(page.get_by_role("button", name="Record again")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "survey_builder_recorded.png"), full_page=True)
    page.get_by_role("button", name="Save question").click()
    page.get_by_text("saved").first.wait_for()

    db.session.expire_all()
    audio = db.session.scalars(select(SurveyMedia).where(SurveyMedia.kind == MediaKind.AUDIO)).all()
    assert len(audio) == 1 and audio[0].content_type in ("audio/webm",
                                                         "audio/ogg") and audio[0].size > 1000
    question = db.session.scalar(
        select(SurveyQuestion).where(SurveyQuestion.audio_id == audio[0].id))
    assert question is not None and question.position == 1, heading

    # The builder page shows the recording; the runner's Play button plays it, not a voice.
    page.goto(f"{live_server}/surveys/1/questions/{question.id}/edit")
    expect(page.locator("audio")).to_have_attribute("src", f"/run/media/{audio[0].id}")
    page.goto(f"{live_server}/surveys/1/preview/1")
    play = page.get_by_role("button", name="Play")
    expect(play).to_have_attribute("data-audio", f"/run/media/{audio[0].id}")
    play.click()
    expect(page.get_by_role("button", name="Stop")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__spoken") == []
    duration = page.evaluate("""async src => {
        const audio = new Audio(src);
        await new Promise((ok, fail) => { audio.onloadedmetadata = ok; audio.onerror = fail; });
        // MediaRecorder's WebM has no duration until read through
        if (audio.duration === Infinity) {
            audio.currentTime = 1e9;
            await new Promise(ok => { audio.ontimeupdate = ok; });
        }
        return audio.duration;
    }""", f"/run/media/{audio[0].id}")
    assert 1.0 < duration < 5.0
