"""Every form is CSRF-protected when protection is on (tests switch it off elsewhere)."""
from flask import g

from forum.access import Role
from tests.conftest import PASSWORD, code_for, csrf_token


def test_posts_without_a_token_are_refused(app, users):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    response = client.post("/login", data={"email": users[Role.ADMIN].email, "password": PASSWORD})
    assert response.status_code == 400
    token = csrf_token(client.get("/login").data.decode())
    response = client.post("/login", data={"email": users[Role.ADMIN].email, "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 302
    assert client.post("/admin/users/invite", data={"name": "x", "email": "x@y.org",
                                                    "role": "admin"}).status_code == 400
    assert client.post("/logout").status_code == 400


def test_every_page_form_carries_a_token(app, users, demo):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    token = csrf_token(client.get("/login").data.decode())
    client.post("/login",
                data={"email": users[Role.ADMIN].email, "password": PASSWORD, "csrf_token": token})
    # the test's app context keeps g across requests; sign-in cleared the session
    g.pop("csrf_token", None)
    code_page = client.get("/login/code").data.decode()
    assert code_page.count("<form") == code_page.count('name="csrf_token"')
    client.post("/login/code", data={"code": code_for(users[Role.ADMIN].email),
                                     "csrf_token": csrf_token(code_page)})
    for url in ["/", "/admin/users/invite", "/admin/users/2", "/members/new", "/members/1/consent",
                "/members/1/withdraw", "/consultations/new", "/sessions/new", "/account/password",
                "/account/two-factor"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.data.decode()
        assert html.count("<form") == html.count('name="csrf_token"'), url
