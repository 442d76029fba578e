"""A transcript pasted from a website, 110 KB with no line breaks, became one turn: the review
page was one block of 100 KB to read for missed names, with every proposed redaction in it."""
import re
from pathlib import Path

import pytest

import forum.demo
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser

LABEL = re.compile(r"^\[[\d:]+\] [A-Za-z ]+: ", re.M)


def one_line_transcript(size=110_000):
    """The demo focus group's words with no labels and no line breaks, repeated to ``size``."""
    demo = Path(forum.demo.__file__).parent / "transcripts" / "housing-and-release.txt"
    words = " ".join(LABEL.sub("", demo.read_text("utf-8")).split())
    text = words
    while len(text) < size:
        text += " " + words
    return text[:size].rsplit(" ", 1)[0]


def test_a_transcript_on_one_line_is_reviewed_in_turns_of_a_readable_size(
        live_server, page, shots):
    text = one_line_transcript()
    assert "\n" not in text and len(text) > 100_000
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/sessions/1")
    page.get_by_role("link", name="Upload a transcript").click()
    page.get_by_label("Transcript file").set_input_files(
        {"name": "from-the-website.txt", "mimeType": "text/plain", "buffer": text.encode()})
    page.get_by_role("button", name="Upload transcript").click(timeout=120000)  # redacting 110 KB
    page.get_by_role("heading", name="Who is speaking").wait_for(timeout=120000)
    page.goto(page.url.replace("/speakers", "/review"))
    page.get_by_role("heading", name="Review redactions").wait_for()
    page.screenshot(path=str(shots / "review-one-line.png"))
    lengths = page.eval_on_selector_all(
        "[data-turn-original]", "cells => cells.map(c => c.textContent.length)")
    assert max(lengths) <= 1500, max(lengths)
    assert sum(lengths) >= len(text) - len(lengths) * 2  # every word is still there
    page.locator('[data-turn-original="20"]').scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "review-one-line-turn-20.png"))
