"""Security headers on real responses, no-store on private pages, login throttling."""
import re

from flask import g

from forum.access import Role
from tests.conftest import PASSWORD


def test_headers_on_a_page(client, users):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    html = response.data.decode()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert scripts, "the template's inline script is expected"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts), "inline script without the nonce"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers


def test_nonce_changes_every_request(client):
    first = client.get("/login").headers["Content-Security-Policy"]
    assert first != client.get("/login").headers["Content-Security-Policy"]


def test_hsts_over_https(client):
    response = client.get("/login", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_session_cookie_flags(app, client, users):
    response = client.post("/login", data={"email": users[Role.ADMIN].email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_five_failed_sign_ins_to_one_account_are_throttled(client, users):
    email = users[Role.FACILITATOR].email
    for _ in range(5):
        assert client.post("/login",
                           data={"email": email, "password": "wrong-password-x"}).status_code == 200
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many attempts" in response.data


def test_failed_sign_ins_from_one_address_across_accounts_are_throttled(client, users):
    for n in range(5):
        client.post("/login",
                    data={"email": f"guess{n}@test.example", "password": "wrong-password-x"})
    response = client.post("/login", data={"email": users[Role.ADMIN].email, "password": PASSWORD})
    assert response.status_code == 429


def test_successful_sign_ins_do_not_count(client, users):
    for _ in range(7):
        assert client.post("/login", data={"email": users[Role.ADMIN].email,
                                           "password": PASSWORD}).status_code == 302
        client.post("/logout")


def test_idle_sessions_expire(app, client, auth):
    from datetime import timedelta

    auth.login(Role.ADMIN)
    assert client.get("/").status_code == 200
    app.permanent_session_lifetime = timedelta(seconds=-1)
    g.pop("_login_user", None)  # the test's app context caches the user between requests
    assert client.get("/").status_code == 302


def test_destructive_actions_need_a_fresh_password(app, auth):
    from flask import Blueprint

    from forum.access import allow
    from forum.security import fresh_login_required

    bp = Blueprint("danger", __name__)

    @bp.route("/danger", methods=["POST"])
    @allow(Role.ADMIN)
    @fresh_login_required
    def danger():
        return "done"

    app.register_blueprint(bp)
    auth.login(Role.ADMIN)
    assert auth.client.post("/danger").data == b"done"  # just signed in: fresh
    with auth.client.session_transaction() as session:
        session["fresh_at"] = 0
    response = auth.client.post("/danger", headers={"Referer": "/members/"})
    assert response.status_code == 302 and "/account/confirm" in response.headers["Location"]
    wrong = auth.client.post("/account/confirm?next=/members/", data={"password": "wrong-one-1234"})
    assert b"That password is not right" in wrong.data
    right = auth.client.post("/account/confirm?next=/members/", data={"password": PASSWORD})
    assert right.headers["Location"] == "/members/"
    assert auth.client.post("/danger").data == b"done"


def test_cookies_are_secure_over_https(app, client, users):
    app.config["SESSION_COOKIE_SECURE"] = True  # what FORUM_HTTPS=1 or production sets
    response = client.post("/login", base_url="https://localhost",
                           data={"email": users[Role.FACILITATOR].email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_headers_on_a_signed_in_page_a_download_and_the_api(auth, client, demo):
    auth.login(Role.ADMIN)
    for url in ["/", "/admin/users", "/admin/audit.csv", "/account/two-factor"]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp, url
        # Pages get a fresh nonce for their scripts; a download runs no script at all.
        nonce = "script-src 'self' 'nonce-" in csp
        assert nonce if response.mimetype == "text/html" else "script-src 'self';" in csp, url
        assert "style-src 'self'" in csp and "'unsafe-inline'" not in csp, url
        assert response.headers["X-Frame-Options"] == "DENY", url
        assert response.headers["Referrer-Policy"] == "same-origin", url
        assert response.headers["Cache-Control"] == "no-store", url
        assert "Strict-Transport-Security" not in response.headers, url
    api = client.post("/api/v1/responses", json={})
    assert api.status_code == 401
    assert "frame-ancestors 'none'" in api.headers["Content-Security-Policy"]
    assert api.headers["X-Content-Type-Options"] == "nosniff"
