"""Roles and the rule that every view declares who may use it.

Views are marked with ``@allow(...)`` or ``@public``; a before-request hook
enforces the mark, and a view with no mark is refused for everybody so a
forgotten check fails closed (and the role matrix test fails loudly).
"""
from __future__ import annotations

import enum
from collections.abc import Callable

from flask import Blueprint, Flask, abort, redirect, render_template, request, url_for
from flask_login import current_user

from forum import unsent


class Role(str, enum.Enum):
    ADMIN = "admin"
    POLICY_OFFICER = "policy_officer"
    FACILITATOR = "facilitator"
    PEER_RESEARCHER = "peer_researcher"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def with_article(self) -> str:
        """The role in a sentence with its article: "an admin", "a policy officer"."""
        word = ROLE_LABELS[self].lower()
        return ("an " if word[0] in "aeiou" else "a ") + word


ROLE_LABELS = {
    Role.ADMIN: "Admin",
    Role.POLICY_OFFICER: "Policy officer",
    Role.FACILITATOR: "Forum facilitator",
    Role.PEER_RESEARCHER: "Peer researcher",
}

ALL_STAFF = frozenset(Role)
PUBLIC = "public"
# Endpoints served by Flask itself rather than our views.
BUILTIN_PUBLIC = {"static"}


def allow(*roles: Role) -> Callable:
    """Mark a view as usable by the given roles only."""
    allowed = frozenset(roles)
    if not allowed or not all(isinstance(r, Role) for r in allowed):
        raise ValueError("allow() needs at least one Role")

    def mark(view: Callable) -> Callable:
        view.allowed_roles = allowed  # type: ignore[attr-defined]  # a function takes attributes
        return view

    return mark


def public(view: Callable) -> Callable:
    """Mark a view as open to anonymous users (login page, health check)."""
    view.allowed_roles = PUBLIC  # type: ignore[attr-defined]  # a function takes attributes
    return view


def allowed_roles_for(app: Flask, endpoint: str):
    """Return the declared roles for an endpoint, PUBLIC, or None if undeclared."""
    view = app.view_functions.get(endpoint)
    if endpoint in BUILTIN_PUBLIC or endpoint.endswith(".static") and _serves_static(view):
        return PUBLIC
    return getattr(view, "allowed_roles", None)


def _serves_static(view: Callable | None) -> bool:
    """True for a blueprint's own static files view (``static_folder=``): by its name alone,
    any view a blueprint called ``static`` was public without declaring it."""
    return (getattr(view, "__name__", None) == "send_static_file"
            and isinstance(getattr(view, "__self__", None), Blueprint))


def user_has_role(*roles: Role) -> bool:
    """True when the logged-in user holds one of the roles."""
    return current_user.is_authenticated and current_user.role in roles


# Peer researchers only run surveys: segments, redaction and analysis are not theirs, so pages
# speak of them only to these roles (sees_analysis).
ANALYSIS_ROLES = (Role.ADMIN, Role.FACILITATOR, Role.POLICY_OFFICER)


def sees_analysis() -> bool:
    """True when the signed-in user works with segments and the analysis (not peer researchers)."""
    return user_has_role(*ANALYSIS_ROLES)


def can_open(path: str) -> bool:
    """True when the signed-in user's role may open this path of the app (enforce_roles' rule)."""
    from flask import current_app
    from werkzeug.exceptions import HTTPException

    try:
        endpoint, _args = current_app.url_map.bind("").match(path.split("?", maxsplit=1)[0])
    except HTTPException:
        return False
    allowed = allowed_roles_for(current_app, endpoint)
    return allowed == PUBLIC or (current_user.is_authenticated and allowed is not None
                                 and current_user.role in allowed)


def enforce_roles():
    """Before-request hook: anonymous users go to login, wrong roles get 403."""
    from flask import current_app

    if request.endpoint is None:
        return None  # 404s and 405s are handled by Flask
    allowed = allowed_roles_for(current_app, request.endpoint)
    if allowed == PUBLIC:
        return None
    if not current_user.is_authenticated:
        # A form sent after the sign-in ended shows back what was typed in it.
        return unsent.signed_out_post() or redirect(
            url_for("auth.login", next=request.full_path.rstrip("?")))
    if allowed is None or current_user.role not in allowed:
        abort(403)
    return None


def init_app(app: Flask) -> None:
    app.before_request(enforce_roles)

    @app.errorhandler(403)
    def forbidden(_error):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(413)
    def too_large(_error):
        return render_template("errors/413.html"), 413

    @app.errorhandler(500)
    def server_error(_error):
        return render_template("errors/500.html"), 500

    @app.context_processor
    def role_helpers():
        return {"Role": Role, "user_has_role": user_has_role, "can_open": can_open,
                "sees_analysis": sees_analysis,
                "has_endpoint": lambda name: name in app.view_functions}

