"""What a participant is told to do is as big as the rest of the runner's words (24 pixels):
"You can choose more than one." and the stop page's "That is fine. You do not have to say
why..." were GOV.UK's 19 pixels, the second in grey, the smallest words on the screen."""
import pytest

from tests.browser.runner_helpers import (
    FULL_RUN,
    at_question,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
)

pytestmark = pytest.mark.browser
STYLE = "el => [getComputedStyle(el).fontSize, getComputedStyle(el).color]"
DARK = "rgb(11, 12, 12)"


def test_instructions_are_as_big_as_the_question_words(live_server, touch_page):
    page = touch_page
    at_question(page, live_server, FULL_RUN, 4)
    assert page.get_by_text("You can choose more than one.").evaluate(STYLE) == ["24px", DARK]
    page.get_by_role("link", name="I want to stop").click()
    wait_for_heading(page, "Do you want to stop?")
    hint = page.get_by_text("That is fine. You do not have to say why.")
    assert hint.evaluate(STYLE) == ["24px", DARK]
