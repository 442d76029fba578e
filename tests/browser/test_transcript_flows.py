"""A facilitator works through transcripts in a real browser: speakers remembered for a second
transcript, turns tagged by ticking them or by a facilitator's question, and a missed
redaction added by selecting the words (axe 0 on every page)."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser

TEXT = """Facilitator: Welcome. Question 2 first: how can housing support on release be improved?
Member 1: They gave me a tent on the day I got out.
Dee: Same here. Nowhere to go.
Facilitator: Question 5 now. What would help you get into work?
Member 1: A course near the hostel.
Dee: A bus pass to get to interviews.
"""


def _check(page, shots, name):
    assert axe_violations(page) == [], name
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def _folded_page(page, shots, name):
    """A page of folded turns is short at 768 wide and passes the accessibility check."""
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 9000, height
    _check(page, shots, name)


def _tab_into_first_fold(page, summary):
    """From the "open every group" link, Tab reaches the first fold and Enter opens it."""
    page.get_by_role("link", name="open every group").focus()
    page.keyboard.press("Tab")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")


def _upload(page, base, text):
    page.goto(f"{base}/sessions/1")
    page.get_by_role("link", name="Upload a transcript").click()
    page.get_by_label("Or paste the transcript").fill(text)
    page.get_by_role("button", name="Upload transcript").click()
    page.get_by_role("heading", name="Who is speaking").wait_for(timeout=60000)


def test_facilitator_maps_tags_and_redacts_by_selecting(live_server, page, shots):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            else None)
    sign_in(page, live_server, "facilitator")
    _upload(page, live_server, TEXT)
    page.get_by_label("Who is Dee").select_option(label="Member 3")
    page.get_by_role("button", name="Save speakers").click()

    # The question a facilitator asks starts its block.
    page.get_by_role("button", name="Tag turns 1 to 3 as Q2").click()
    expect(page.get_by_text("3 turns tagged as answering Q2.")).to_be_visible()
    # Tick turns, pick the question.
    page.get_by_label("Turn 5", exact=True).check()
    page.get_by_label("Turn 6", exact=True).check()
    page.get_by_label("Question they answer").select_option(label=page.locator(
        "#question_id option", has_text="Q5.").inner_text())
    page.get_by_role("button", name="Tag turns", exact=True).click()
    expect(page.get_by_text("2 turns tagged as answering Q5.")).to_be_visible()
    _check(page, shots, "transcript")

    # Select words in a turn's original text to take them out.
    page.get_by_role("link", name="Review redactions").click()
    page.wait_for_selector("[data-add-redaction][data-selecting='1']", state="attached")
    # Turn 2 has nothing proposed: folded with its neighbours when something was found
    # elsewhere, shown as it is when nothing was found at all. Open its fold if it has one.
    if not page.locator('[data-turn-original="2"]').is_visible():
        page.locator("details", has=page.locator('[data-turn-original="2"]')).locator(
            "summary").first.click()
    page.evaluate("""() => {
      const cell = document.querySelector('[data-turn-original="2"]');
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      let node; while ((node = walker.nextNode()) && node.textContent.indexOf('a tent') < 0) {}
      const start = node.textContent.indexOf('a tent');
      const range = document.createRange();
      range.setStart(node, start); range.setEnd(node, start + 'a tent'.length);
      const selection = window.getSelection();
      selection.removeAllRanges(); selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    expect(page.get_by_text("Selected \u2018a tent\u2019 in turn 2.")).to_be_visible()
    expect(page.get_by_label("Turn number")).to_have_value("2")
    expect(page.get_by_label("Words to redact")).to_have_value("a tent")
    _check(page, shots, "review")
    page.get_by_label("Replace with").select_option(label="[place]")  # no kind is guessed
    page.get_by_role("button", name="Redact", exact=True).click()
    expect(page.get_by_text("Taken out as [place] in 1 place.")).to_be_visible()

    # A second transcript of the same session: Dee is suggested as Member 3.
    _upload(page, live_server, "Dee: I found a room in the end.\nFacilitator: Thank you.\n")
    expect(page.get_by_text(re.compile(
        "Suggested as in the earlier transcript \u2018Transcript pasted .*\\.txt\u2019"))
    ).to_be_visible()
    expect(page.get_by_label("Who is Dee")).to_have_value(
        page.get_by_label("Who is Dee").locator("option",
                                                has_text="Member 3").get_attribute("value"))
    _check(page, shots, "transcript-speakers")
    assert errors == []


def test_the_approved_tag_keeps_to_one_line_at_768_wide(live_server, page, shots):
    # "Approved 6 Dec 2026 by Sam Okonjo" broke over three lines: GOV.UK caps a tag at 160px.
    from forum.extensions import db
    from forum.models import FocusGroupSession, Transcript, TranscriptStatus, User
    from forum.models.base import utcnow

    transcript = Transcript(session=db.session.get(FocusGroupSession, 1), filename="group.txt",
                            status=TranscriptStatus.APPROVED, approved_at=utcnow(),
                            approved_by=db.session.scalar(db.select(User).where(
                                User.email == "facilitator@forumvoice.example")))
    db.session.add(transcript)
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/transcripts/{transcript.id}")
    tag = page.locator(".govuk-tag", has_text="Approved")
    expect(tag).to_contain_text(" by ")
    full = tag.evaluate("el => el.getBoundingClientRect().height")
    one_line = tag.evaluate("el => { el.textContent = 'Approved'; "
                            "return el.getBoundingClientRect().height; }")
    assert full == one_line


def test_the_review_page_folds_quiet_turns_and_keeps_them_reachable_by_keyboard(
        live_server, page, shots):
    """The demo's community sentences transcript was about 14,900 px tall at 768 wide (three
    columns, every turn twice): a decision every few screens."""
    from pathlib import Path

    import forum.demo

    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/sessions/1")
    page.get_by_role("link", name="Upload a transcript").click()
    page.get_by_label("Transcript file").set_input_files(
        Path(forum.demo.__file__).parent / "transcripts" / "community-sentences.vtt")
    page.get_by_role("button", name="Upload transcript").click()
    page.get_by_role("heading", name="Who is speaking").wait_for(timeout=60000)
    page.goto(page.url.replace("/speakers", "/review"))
    page.get_by_role("heading", name="Review redactions").wait_for()
    _folded_page(page, shots, "review-folded")
    fold = page.locator("details.fv-review-fold").first
    first_turn = fold.locator("[data-turn-original]").first
    expect(first_turn).to_be_hidden()
    _tab_into_first_fold(page, fold.locator("summary"))
    expect(first_turn).to_be_visible()
    page.screenshot(path=str(shots / "review-folded-opened.png"))
    page.get_by_role("link", name="open every group").click()
    expect(page.locator("details.fv-review-fold:not([open])")).to_have_count(0)


@pytest.mark.parametrize("status", ["needs_review", "redacting", "failed"])
def test_every_status_tag_keeps_to_one_line_at_768_wide(live_server, page, status):
    # "Redactions need review" broke over two lines, as "Approved ... by ..." had.
    from forum.extensions import db
    from forum.models import FocusGroupSession, Transcript, TranscriptStatus

    transcript = Transcript(session=db.session.get(FocusGroupSession, 1), filename="group.txt",
                            status=TranscriptStatus(status))
    db.session.add(transcript)
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/transcripts/{transcript.id}")
    tag = page.locator("h1 ~ .govuk-tag, .govuk-tag").first
    full = tag.evaluate("el => el.getBoundingClientRect().height")
    one_line = tag.evaluate("el => { el.textContent = 'Approved'; "
                            "return el.getBoundingClientRect().height; }")
    assert full == one_line


def test_the_transcript_page_folds_runs_of_turns_and_tags_them_by_keyboard(
        live_server, page, shots):
    """The demo's community sentences transcript was about 15,200 px tall at 768 wide, every
    turn open with its own safeguarding line: the tag form at the foot was screens away."""
    from analysis.services.speakers import set_speaker
    from analysis.services.transcripts import import_transcript, redact_transcript
    from analysis.views.demo import SPEAKERS, TRANSCRIPTS
    from forum.extensions import db
    from forum.models import FocusGroupSession, Member, SpeakerRole, User

    # The demo loader's import of this transcript (tests leave the transcripts out).
    name = "community-sentences.vtt"
    transcript = import_transcript(
        db.session.scalar(db.select(FocusGroupSession).filter_by(title="Community sentences")),
        name, (TRANSCRIPTS / name).read_bytes(),
        db.session.scalar(db.select(User).filter_by(email="facilitator@forumvoice.example")))
    members = {m.pseudonym: m for m in db.session.scalars(db.select(Member))}
    for speaker in transcript.speakers:
        who = SPEAKERS[name][speaker.label]
        if isinstance(who, SpeakerRole):
            set_speaker(speaker, who, None)
        else:
            set_speaker(speaker, SpeakerRole.MEMBER, members[who])
    redact_transcript(transcript)
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/transcripts/{transcript.id}")
    _folded_page(page, shots, "transcript-folded")
    fold = page.locator("details.fv-turn-fold").first
    box = fold.locator("input[name=turn]").first
    expect(box).to_be_hidden()
    _tab_into_first_fold(page, fold.locator(":scope > summary"))
    expect(box).to_be_visible()
    label = box.get_attribute("value")
    box.focus()
    page.keyboard.press("Space")
    page.get_by_label("Only the ticked turns").check()
    page.get_by_label("Question they answer").select_option(label=page.locator(
        "#question_id option", has_text="Q2.").inner_text())
    page.get_by_role("button", name="Tag turns", exact=True).click()
    expect(page.get_by_text("1 turn tagged as answering Q2.")).to_be_visible()
    expect(page.get_by_text(f"Turn {label}: tagged Q2")).to_be_visible()
    page.get_by_role("link", name="open every group").click()
    expect(page.locator("details.fv-turn-fold:not([open])")).to_have_count(0)
    # Opened, the turns not analysed ('Mm.') were faded below contrast (opacity .8).
    assert axe_violations(page) == []
