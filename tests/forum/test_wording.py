"""Wording: proper articles and plurals from Flask-Babel's ngettext, not hand-made ones."""
import pytest

from forum.access import Role


@pytest.mark.parametrize("role, words", [
    (Role.ADMIN, "an admin"), (Role.POLICY_OFFICER, "a policy officer"),
    (Role.FACILITATOR, "a forum facilitator"), (Role.PEER_RESEARCHER, "a peer researcher")])
def test_roles_take_the_right_article(role, words):
    assert role.with_article == words


def test_the_home_page_says_an_admin(auth):
    auth.login(Role.ADMIN)
    html = auth.client.get("/").data.decode()
    assert "You are signed in as an admin." in html and "as a admin" not in html


@pytest.mark.parametrize("count, words", [(1, "1 turn is flagged"), (3, "3 turns are flagged")])
def test_plurals_come_from_ngettext(app, count, words):
    from flask import render_template_string

    with app.test_request_context():
        html = render_template_string(
            '{{ ngettext("%(num)d turn is flagged", "%(num)d turns are flagged", n) }}', n=count)
    assert html == words
