"""Security headers (CSP with per-request nonces), no caching of private pages, login throttling."""
from __future__ import annotations

import secrets
import time
from functools import wraps
from http import HTTPStatus

from flask import Flask, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

LOGIN_LIMIT = "5 per minute"
limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=False)


def csp_nonce() -> str:
    """One nonce per request, for the few script tags we serve."""
    # Kept on the request, not on g: an app context can outlive one request.
    return request.environ.setdefault("forum.csp_nonce", secrets.token_urlsafe(18))


def content_security_policy(nonce: str | None) -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'" if nonce else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


# Tablets' API: a bearer token on every request, JSON replies, never a browser session.
API_PREFIX = "/api/"


class BrowserSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, left out of the API: its requests neither read the
    cookie nor set one (work saved on every tablet request)."""

    def open_session(self, app, request):
        if request.path.startswith(API_PREFIX):
            return self.session_class()  # empty and never saved
        return super().open_session(app, request)

    def save_session(self, app, session, response) -> None:
        if not request.path.startswith(API_PREFIX):
            super().save_session(app, session, response)


# Built once: most replies (JSON, redirects, pages without a script tag) use it.
NO_SCRIPT_POLICY = content_security_policy(None)


def _set_headers(response):
    headers = response.headers
    # Only a page that asked for a nonce (a template with a script tag) gets one in its policy:
    # a JSON reply or a redirect has no script to allow, and skips making one.
    nonce = request.environ.get("forum.csp_nonce")
    headers.setdefault("Content-Security-Policy",
                       content_security_policy(nonce) if nonce else NO_SCRIPT_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), geolocation=(), microphone=(self)")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    # Pages hold personal data: never keep them in a shared tablet's or proxy's cache.
    if request.endpoint != "static" and not request.path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"
    return response


def _skip_limiter_for_tablets(app: Flask) -> None:
    """Flask-Limiter checks every request, even for an exempt view; the tablets' API has no
    limit (none by default, its view exempt), so its requests skip the check (a tenth of a
    sync request's Python)."""
    hooks = app.before_request_funcs.setdefault(None, [])
    # Flask-Limiter's own hook (a private name, pinned in constraints.txt): if an upgrade
    # renames it, nothing is swapped and every request is checked as before.
    check = getattr(limiter, "_check_request_limit", None)
    if check is None:
        return

    def check_unless_api() -> None:
        if not request.path.startswith(API_PREFIX):
            check()

    hooks[:] = [check_unless_api if hook == check else hook for hook in hooks]


REAUTH_SECONDS = 10 * 60


def mark_fresh() -> None:
    """Record that the user has just typed their password."""
    session["fresh_at"] = time.time()


def is_fresh() -> bool:
    return time.time() - session.get("fresh_at", 0) < REAUTH_SECONDS


def fresh_login_required(view):
    """Destructive actions (purge, erase, restore) need the password typed in the last 10 min."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not is_fresh():
            return redirect(url_for("auth.reauthenticate", next=request.referrer or request.path))
        return view(*args, **kwargs)

    return wrapper


def login_attempt_failed(response) -> bool:
    """Only failed sign-ins count towards the limit; a redirect means success."""
    return request.method == "POST" and response.status_code != HTTPStatus.FOUND


def login_account_key() -> str:
    return "login-account:" + (request.form.get("email") or "").strip().lower()[:254]


def init_app(app: Flask) -> None:
    import forum.throttle  # noqa: F401  (registers the forum-db:// storage)

    # Counts every worker shares: Redis when there is one, else the app's database.
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "forum-db://")
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "forum-voice")
    limiter.init_app(app)
    _skip_limiter_for_tablets(app)
    app.session_interface = BrowserSessions()
    app.after_request(_set_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce

    @app.context_processor
    def nonce_for_templates():
        return {"cspNonce": csp_nonce()}

    @app.errorhandler(429)
    def too_many(_error):
        return render_template("errors/429.html"), 429
