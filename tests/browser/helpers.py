"""Helpers for the staff browser tests: sign in as a demo user, run axe, the draft's evidence.

Test modules import these from here, never from one another.
"""
import re

from sqlalchemy import select

from forum.demo import DEMO_STAFF
from tests.conftest import code_for

AXE_RULES = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
LOGINS = {role.value: (email, password) for email, _name, role, password in DEMO_STAFF}


def sign_in(page, base, role):
    """Sign in as a demo user; admins and policy officers also type their authenticator code."""
    email, password = LOGINS[role]
    page.goto(f"{base}/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    # Wait for the page the sign-in leads to: reading page.url straight after the click could
    # still see /login (the click does not wait for the navigation it starts).
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/(login/code)?$"))
    if page.url == f"{base}/login/code":
        page.get_by_label(
            "Enter the 6-digit code from your authenticator app").fill(code_for(email))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base}/")


def open_fold(page, element_id):
    """Open a folded part of the draft page ("part-intro", "section-Q2"): its heading is the
    button."""
    from playwright.sync_api import expect

    section = page.locator(f"#{element_id}")
    button = section.locator(".govuk-accordion__section-button")
    if button.get_attribute("aria-expanded") != "true":
        button.click()
    # On a loaded machine the click can land while the accordion still restores the page's
    # remembered sections: wait until this one is open, so what it holds can be used.
    expect(button).to_have_attribute("aria-expanded", "true")
    return section


def open_question(page, label):
    """Open a question's folded section on the draft page."""
    return open_fold(page, f"section-{label}")


def page_errors(page):
    """A list that collects the page's script errors and console errors as they happen."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            else None)
    return errors


def axe_violations(page, attempts=3):
    """Run axe on the page once it has loaded; a click on a link may still be navigating."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    for attempt in range(attempts):
        page.wait_for_load_state()
        # Survives a navigation that is under way: it is evaluated again in the new document.
        page.wait_for_function("document.readyState === 'complete'")
        try:
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_RULES}})
            break
        except Error:
            # The old document was torn down under axe (its documentElement is gone): the
            # navigation the test started is still under way, so wait for it and look again.
            if attempt == attempts - 1:
                raise
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]]


# Quotable segments the draft tests put in the demo consultation, one per member below.
WORDS = ["They said come back Monday. Where am I meant to sleep Friday, Saturday, Sunday?",
         "Sort it before you get out. Like, twelve weeks before. They know your date.",
         "She actually sat with me and asked what was going on. Not what I'd done."]


def demo_evidence():
    """Quotable segments and a theme for the demo consultation, then the demo draft."""
    from analysis.models import Theme, ThemeSegment
    from exports.demo import load_demo_draft
    from forum.extensions import db
    from forum.models import Member, Segment, SegmentSource
    from forum.services.segments import text_hash

    members = {m.pseudonym: m for m in db.session.scalars(select(Member))}
    theme = Theme(consultation_id=1, label="Housing and homelessness", keywords=[], position=0)
    db.session.add(theme)
    names = ["Member 1", "Member 2", "Member 5"]
    for position, (name, words) in enumerate(zip(names, WORDS, strict=True)):
        segment = Segment(consultation_id=1, source_type=SegmentSource.SURVEY, source_id=1,
                          position=position,
                          member=members[name], text=words, text_hash=text_hash(words))
        db.session.add(segment)
        db.session.flush()
        db.session.add(ThemeSegment(theme=theme, segment_id=segment.id, quote_rank=position))
    db.session.commit()
    load_demo_draft()
