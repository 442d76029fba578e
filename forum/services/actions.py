"""What other packages offer on a consultation's page, registered by them, not hard-coded here.

The ground floor cannot know the endpoints of the floors above it. Each package registers
its actions; the page shows those whose view the signed-in user may open, judged by the
roles the view itself declares with ``@allow`` (so no copy of a role set lives here).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, url_for
from flask_login import current_user

from forum.access import PUBLIC, allowed_roles_for
from forum.models import Consultation

ACTIONS_KEY = "forum_consultation_actions"
# Page order of the groups; a group no package registers is not shown.
GROUPS = ("Drafting", "Evidence", "Themes")


@dataclass(frozen=True)
class ConsultationAction:
    """One link or button on the consultation page.

    Attributes:
        group: the heading it sits under, one of GROUPS.
        endpoint: the view it opens; it must take ``consultation_id``.
        label: the words on it, or a function of the consultation returning the words, or
            None to leave it off (for example "Check 3 survey answers" only when there are some).
        post: a button that posts (with the CSRF token) rather than a link.
    """

    group: str
    endpoint: str
    label: str | Callable[[object], str | None]
    post: bool = False


@dataclass(frozen=True)
class ShownAction:
    """An action as the page shows it: its words and address."""

    label: str
    url: str
    post: bool


def register_consultation_action(app: Flask, action: ConsultationAction) -> None:
    """Add an action to every consultation's page (call from a package's ``init_app``)."""
    if action.group not in GROUPS:
        raise ValueError(f"Unknown consultation action group {action.group!r}")
    app.extensions.setdefault(ACTIONS_KEY, []).append(action)


def may_open(endpoint: str) -> bool:
    """Whether the signed-in user's role may open the endpoint, by the view's own rule."""
    allowed = allowed_roles_for(current_app, endpoint)
    if allowed == PUBLIC:
        return True
    return bool(allowed) and current_user.is_authenticated and current_user.role in allowed


def actions_for(consultation: Consultation) -> dict[str, list[ShownAction]]:
    """The registered actions this user may use on this consultation, by group, in order.

    Returns:
        ``{group: [ShownAction, ...]}`` with empty groups left out.
    """
    shown: dict[str, list[ShownAction]] = {}
    for action in current_app.extensions.get(ACTIONS_KEY, []):
        if not may_open(action.endpoint):
            continue
        label = action.label(consultation) if callable(action.label) else action.label
        if not label:
            continue
        url = url_for(action.endpoint, consultation_id=consultation.id)
        shown.setdefault(action.group, []).append(ShownAction(label, url, action.post))
    return {group: shown[group] for group in GROUPS if group in shown}
