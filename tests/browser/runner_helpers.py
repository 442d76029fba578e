"""Helpers for the runner browser tests: sign in, set up the tablet, answer questions."""
import re

import pytest

from forum.demo import DEMO_STAFF

PEER = next((email, password) for email, _n, role, password in DEMO_STAFF
            if role.value == "peer_researcher")


def sign_in_as_peer(page, base):
    page.goto(f"{base}/login")
    page.get_by_label("Email address").fill(PEER[0])
    page.get_by_label("Password", exact=True).fill(PEER[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def set_up_tablet(page, base, name="Test tablet"):
    """Open the researcher page, name the tablet and wait until it is kept for offline use."""
    page.goto(f"{base}/run/1/")
    page.get_by_label("Name this tablet").fill(name)
    page.get_by_role("button", name="Set up this tablet").click()
    page.get_by_text(f"This tablet is set up as ‘{name}’").wait_for()
    # Anchored and case-sensitive: get_by_text's plain string would also match the progress
    # line "Getting the survey ready to use without internet… 6 of 25", and a test that went
    # offline then found half the survey missing.
    page.get_by_text(re.compile(r"^Ready to use without internet\.")).wait_for(timeout=30000)


def at_question(page, base, run, number):
    """A participant on a newly set-up tablet, past the first ``number`` answers of ``run``
    (a list like FULL_RUN), at the next question. Returns: that question's title."""
    sign_in_as_peer(page, base)
    set_up_tablet(page, base)
    page.goto(f"{base}/run/1/start")
    tap_through(page, run[:number], finish=False)
    title = run[number][0]
    wait_for_heading(page, title)
    return title


# Replaces the tablet's speech synthesis: %s is the list of voices it claims to have.
VOICE_STUB = """
window.__spoken = [];
const voices = %s;
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
Object.defineProperty(window, 'speechSynthesis', {value: {
  speaking: false, getVoices: () => voices, addEventListener: () => {},
  speak: u => { window.__spoken.push(u.text); }, cancel: () => {}
}});
"""


# The demo survey's answers, by heading, for one participant who has been in prison
# and on a community sentence (so every question is shown).
FULL_RUN = [
    ("Have you been in prison?", "choice", "Yes"),
    ("Where did you sleep on your first night out?", "choice", "In a hostel"),
    ("How was the help with housing when you got out?", "choice", "Good"),
    ("Have you been on a community sentence?", "choice", "Yes"),
    ("What made it hard to keep to the rules of your order?", "choices",
     ["Money for travel", "My health"]),
    ("What helped you most to keep to your order?", "text",
     "Seeing the same worker <b>every</b> time."),
    ("What would help you get a job or training?", "text", "Help with bus fares."),
    ("How many workers help you now?", "text", "3"),
    ("What should the government change first?", "text", "Somewhere to live on day one."),
]

# Someone who has not been in prison or on a community sentence: skip logic hides 2, 3, 5 and 6.
SHORT_RUN = [
    ("Have you been in prison?", "choice", "No"),
    ("Have you been on a community sentence?", "choice", "No"),
    ("What would help you get a job or training?", "text", "A course near the hostel."),
    ("How many workers help you now?", "text", "1"),
    ("What should the government change first?", "text", "More peer mentors."),
]


def queued_response(*answers: str, started: str = "2026-12-01T10:00:00Z",
                    finished: str = "2026-12-01T10:09:00Z") -> str:
    """A script putting a finished response of survey version 1 straight into the tablet's
    queue, as one kept from before a rule changed would be; it returns the response's id.

    Each answer is a JavaScript object, with ``id(position)`` for the question's id.
    """
    return f"""async () => {{
  const flow = JSON.parse(document.querySelector("main").dataset.flow);
  const id = position => flow.find(step => step.position === position).id;
  const uuid = window.FVStore.newUuid();
  await window.FVStore.queueDraft(uuid, {{
    uuid: uuid, survey_version_id: 1, completed: true, read_aloud: false, member_id: null,
    member_ref: null, started_at: "{started}", finished_at: "{finished}",
    answers: [{", ".join(answers)}]}});
  return uuid;
}}"""


def queue(page, script):
    """Put a response straight into the tablet's queue (a ``queued_response`` script), then
    open the researcher page again, as a researcher coming back to it would.

    The page counts what waits when it opens: without opening it again, "Send now" stayed
    hidden until the 30-second send came round, and a tap waiting for it timed out whenever
    the tablet had been set up quickly. Returns: the response's id.
    """
    uuid = page.evaluate(script)
    page.reload()
    wait_until_ready(page)
    return uuid


def wait_until_ready(page, timeout=20000, on=None):
    """Wait until the page's script has set itself up (a tap before that does nothing).

    on: the runner page to wait for ("start", say). Right after a tap that leaves a page, the
    page being left is still ready: without it this could return before the next one loads.
    """
    which = f'[data-page="{on}"]' if on else ""
    page.locator(f'main{which}[data-ready="1"]').wait_for(state="attached", timeout=timeout)


def take_part(page):
    """Say yes on the start page once its script is ready (a click before that does nothing)."""
    wait_until_ready(page, on="start")
    page.get_by_role("button", name="Yes, I want to take part").click()


def tap_through(page, answers=FULL_RUN, start=True, finish=True):
    if start:
        wait_until_ready(page, on="start")
        page.get_by_role("button", name="Yes, I want to take part").tap()
    for title, kind, value in answers:
        wait_for_heading(page, title)
        if kind == "choice":
            page.get_by_label(value, exact=True).tap()
        elif kind == "choices":
            for item in value:
                page.get_by_label(item, exact=True).tap()
        else:
            page.get_by_label(title).fill(value)
        page.get_by_role("button", name="Next").tap()
    if finish:
        page.get_by_role("heading", name="Thank you. That was the last question.").wait_for()
        page.get_by_role("button", name="Save and finish").tap()
        page.get_by_role("heading", name="Thank you for taking part").wait_for()


def wait_for_heading(page, title, timeout=20000):
    page.wait_for_function(
        "t => { const h = document.querySelector('h1'), m = document.querySelector('main');"
        " return h && h.innerText.trim() === t && m.dataset.ready === '1'; }",
        arg=title, timeout=timeout)


def tap_and_wait_saved(page, label):
    """Tap a choice and wait until the runner has written it to IndexedDB."""
    before = page.evaluate("Number(document.querySelector('main').dataset.saved || 0)")
    page.get_by_label(label, exact=True).tap()
    page.wait_for_function("n => Number(document.querySelector('main').dataset.saved || 0) > n",
                           arg=before)


@pytest.fixture
def touch_page(browser):
    """A 768x1024 tablet with touch; fails the test on any script error in the page."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []
