"""A back link says where it goes (GOV.UK: 'Back to ...'): the consent, withdraw, erase and
edit pages had a plain 'Back', which a screen reader's list of links reads with no place."""
import re
from pathlib import Path

import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession, Member

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [p for package in ("forum", "analysis", "surveys", "exports")
             for p in (ROOT / package).rglob("*.html") if "node_modules" not in p.parts]


def _back_link(html: str) -> str:
    found = re.search(r'<a href="([^"]*)" class="govuk-back-link">([^<]*)</a>', html)
    assert found, "no back link"
    return found.group(2).strip()


def test_no_template_has_a_back_link_that_only_says_back():
    plain = [str(p.relative_to(ROOT)) for p in TEMPLATES
             if re.search(r'govukBackLink\(\{[^}]*"text":\s*"Back"\s*\}', p.read_text())]
    assert plain == []


@pytest.mark.parametrize("page, words", [
    ("/members/{member}/consent", "Back to {pseudonym}"),
    ("/members/{member}/withdraw", "Back to {pseudonym}"),
    ("/members/{member}/edit", "Back to {pseudonym}"),
    ("/members/new", "Back to members"),
    ("/sessions/{session}/edit", "Back to the session"),
    ("/sessions/new", "Back to focus groups"),
    ("/consultations/{consultation}/edit", "Back to the consultation"),
    ("/consultations/new", "Back to consultations"),
])
def test_back_links_name_the_page_they_go_to(auth, demo, page, words):
    member = db.session.scalar(db.select(Member).order_by(Member.id))
    session = db.session.scalar(db.select(FocusGroupSession).order_by(FocusGroupSession.id))
    auth.login(Role.ADMIN)  # the one role that may open all of them
    html = auth.client.get(page.format(member=member.id, session=session.id,
                                       consultation=session.consultation_id)).data.decode()
    assert _back_link(html) == words.format(pseudonym=member.pseudonym)
