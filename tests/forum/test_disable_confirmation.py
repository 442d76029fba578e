"""Disabling an account asks first ("Are you sure"), and never for the admin's own account."""
from __future__ import annotations

from forum.access import Role
from forum.extensions import db
from forum.models import User


def test_one_press_does_not_disable_it_asks_first(auth, users):
    auth.login(Role.ADMIN)
    target = users[Role.FACILITATOR]
    url = f"/admin/users/{target.id}/active"
    response = auth.client.post(url)
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    db.session.expire_all()
    assert db.session.get(User, target.id).active
    asked = auth.client.get(url).get_data(as_text=True)
    assert f"Are you sure you want to disable {target.name}" in asked
    assert 'name="confirm" value="yes"' in asked
    db.session.expire_all()
    assert db.session.get(User, target.id).active  # asking changes nothing
    auth.client.post(url, data={"confirm": "yes"})
    db.session.expire_all()
    assert not db.session.get(User, target.id).active
    # Enabling again is one press: it takes nothing away.
    auth.client.post(url)
    db.session.expire_all()
    assert db.session.get(User, target.id).active


def test_the_user_page_leads_to_the_question_not_straight_to_disabling(auth, users):
    auth.login(Role.ADMIN)
    target = users[Role.FACILITATOR]
    html = auth.client.get(f"/admin/users/{target.id}").get_data(as_text=True)
    assert f'href="/admin/users/{target.id}/active"' in html
    assert f'action="/admin/users/{target.id}/active"' not in html


def test_an_admin_is_never_asked_to_disable_themself(auth, users):
    auth.login(Role.ADMIN)
    me = users[Role.ADMIN]
    url = f"/admin/users/{me.id}/active"
    page = auth.client.get(url, follow_redirects=True).get_data(as_text=True)
    assert "Are you sure" not in page and "You cannot disable your own account" in page
    auth.client.post(url, data={"confirm": "yes"})
    db.session.expire_all()
    assert db.session.get(User, me.id).active
