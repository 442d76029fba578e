"""A back link says where it goes (GOV.UK: 'Back to ...'): the consent, withdraw, erase and
edit pages had a plain 'Back', which a screen reader's list of links reads with no place."""
import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

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


def _texts(value: nodes.Node) -> list[str]:
    """The strings a "text" value can give: a literal, either branch of ``a if c else b``, or
    a literal passed to ``_()``; [] for anything built at run time ("Back to " ~ name)."""
    if isinstance(value, nodes.Const) and isinstance(value.value, str):
        return [value.value]
    if isinstance(value, nodes.CondExpr):
        return _texts(value.expr1) + (_texts(value.expr2) if value.expr2 is not None else [])
    if (isinstance(value, nodes.Call) and isinstance(value.node, nodes.Name)
            and value.node.name in ("_", "gettext") and value.args):
        return _texts(value.args[0])
    return []


def plain_backs(env: Environment, source: str) -> list[str]:
    """Each back link in a template that only says "Back": a ``govukBackLink`` call whose
    "text" (wherever it stands among the keys) can be "Back". (The survey's question pages
    write theirs by hand, "Back" to the previous question, as GOV.UK question pages do.)"""
    found = []
    for call in env.parse(source).find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "govukBackLink"):
            continue
        for arg in call.args:
            pairs = arg.items if isinstance(arg, nodes.Dict) else []
            found += [t for pair in pairs if isinstance(pair.key, nodes.Const)
                      and pair.key.value == "text" for t in _texts(pair.value)
                      if t.strip().lower() == "back"]
    return found


@pytest.mark.parametrize("planted", [
    '{{ govukBackLink({"text": "Back", "href": url_for("members.show", member_id=m.id)}) }}',
    '{{ govukBackLink({"href": "/x", "text": "Back"}) }}',
    "{{ govukBackLink({'text': 'Back', 'attributes': {'data-x': '1'}, 'href': '/x'}) }}",
    '{{ govukBackLink({"href": "/x", "text": "Back to members" if new else "Back"}) }}',
    '{{ govukBackLink({"text": _("Back"), "href": "/x"}) }}',
])
def test_the_scan_catches_a_plain_back_wherever_text_stands(app, planted):
    assert plain_backs(app.jinja_env, planted) == ["Back"]
    named = planted.replace('"Back"', '"Back to members"').replace("'Back'", "'Back to members'")
    assert plain_backs(app.jinja_env, named) == []


def test_no_template_has_a_back_link_that_only_says_back(app):
    plain = [str(p.relative_to(ROOT)) for p in TEMPLATES
             if plain_backs(app.jinja_env, p.read_text())]
    assert plain == []


@pytest.mark.parametrize("page, words", [
    ("/members/{member}/consent", "Back to {pseudonym}"),
    ("/members/{member}/withdraw", "Back to {pseudonym}"),
    ("/members/{member}/edit", "Back to {pseudonym}"),
    ("/members/new", "Back to members"),
    ("/sessions/{session}/edit", "Back to the focus group"),
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
