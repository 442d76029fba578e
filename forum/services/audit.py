"""Record and read the audit log."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from sqlalchemy import select

from forum.access import ROLE_LABELS, Role
from forum.extensions import db
from forum.models.accounts import User
from forum.models.audit import AuditEvent
from forum.services import audit_names
from forum.services.spreadsheet_cells import spreadsheet_safe

_CODE = re.compile(r"[a-z]+(?:_[a-z]+)+")  # a stored code, never free text

ACTIONS = {
    "login": "Signed in", "login_failed": "Failed sign-in", "member_viewed": "Viewed a member",
    "member_changed": "Changed a member", "consent_recorded": "Recorded consent",
    "consent_withdrawn": "Withdrew consent", "role_changed": "Changed a role",
    "user_invited": "Invited a user", "user_enabled": "Enabled a user",
    "user_disabled": "Disabled a user",
    "transcript_approved": "Approved redactions",
    "transcript_purged": "Purged an original transcript",
    "transcript_deleted": "Deleted an unapproved transcript",
    "exported": "Exported", "member_erased": "Erased a member",
    "audit_exported": "Exported the audit log",
    "draft_quotes_removed": "Took quotes out of drafts",
    "two_factor_failed": "Wrong sign-in code", "two_factor_enrolled": "Set up two-factor sign-in",
    "recovery_code_used": "Used a recovery code",
    "recovery_codes_replaced": "Replaced recovery codes",
    "two_factor_reset": "Reset someone's two-factor sign-in",
    "safeguarding_reviewed": "Reviewed a safeguarding flag",
    "safeguarding_quote_allowed": "Allowed flagged words to be quoted",
    "safeguarding_flagged": "Flagged words for safeguarding",
    "transcript_uploaded": "Uploaded a transcript",
    "speakers_mapped": "Matched transcript speakers",
    "redaction_added": "Redacted more words", "questions_tagged": "Tagged turns with a question",
    "consultation_created": "Added a consultation",
    "consultation_changed": "Changed a consultation",
    "signed_out_everywhere": "Signed out on every device",
    "session_deleted": "Deleted a focus group",
}


def record(action: str, user: User | None = None, obj: object = None, ip: str | None = None,
           commit: bool = True, **detail: Any) -> AuditEvent:
    """Append one event.

    Args:
        action: a key of ACTIONS.
        user: who did it (None for the system or an unknown sign-in).
        obj: the model instance it was done to, if any.
        ip: the client address.
        commit: commit now (False when the caller commits with its own change).
        **detail: small facts worth keeping; never personal data such as real names.
    """
    who = user if user is not None and getattr(user, "is_authenticated", False) else None
    event = AuditEvent(action=action, user_id=who.id if who else None,
                       user_email=who.email if who else None,
                       object_type=type(obj).__name__ if obj is not None else None,
                       object_id=getattr(obj, "id", None), detail=detail, ip_address=ip)
    db.session.add(event)
    if commit:
        db.session.commit()
    return event


def recent_events(limit: int = 200, action: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(db.session.scalars(query))


def describe(event: AuditEvent) -> str:
    """The event's details as short text for the log page ("format: pdf; what: ...")."""
    detail = event.detail or {}
    parts = []
    for key, raw in detail.items():
        # An id kept beside its name ("question_id" and "question": "Q7") is for the CSV: the
        # page showed the database's id, which for Q7 could read as another question.
        if key.endswith("_id") and key[:-3] in detail:
            continue
        value = _readable(raw)
        if key == "role" and raw in {r.value for r in Role}:  # as the Users page names it
            value = ROLE_LABELS[Role(raw)]
        elif isinstance(raw, (list, tuple)):
            value = ", ".join(_readable(v) for v in raw)
        elif isinstance(raw, dict):
            value = ", ".join(f"{k} {_readable(v)}" for k, v in raw.items())
        parts.append(f"{key.replace('_', ' ')}: {value or 'none'}")
    return "; ".join(parts)


def _readable(value: Any) -> str:
    """A stored value as an admin reads it: codes like spoke_to_member in words, pairs joined."""
    if isinstance(value, (list, tuple)):
        # e.g. a speaker's (role, member id): "member 4", or "facilitator" with no member
        return " ".join(_readable(v) for v in value if v is not None)
    if isinstance(value, str) and _CODE.fullmatch(value):
        return value.replace("_", " ")
    if isinstance(value, bool):  # the page read "practice: False"
        return "yes" if value else "no"
    return str(value)


CSV_COLUMNS = ["id", "when (UTC)", "user id", "user name", "user email", "action", "object",
               "object id", "object name", "detail", "address"]


def events_csv(batch: int = 500) -> str:
    """The whole log as CSV text, with who and what by name beside their ids.

    Names are read as they are now (``audit_names``), a batch of events at a time; every
    cell goes through ``spreadsheet_safe``, since names and titles are typed by people.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    query = select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=batch)
    for events in db.session.scalars(query).partitions(batch):
        people = audit_names.people(events)
        targets = audit_names.targets(events)
        for e in events:
            target = targets.get(e.id)
            row = [e.id, e.at.isoformat(), e.user_id or "", people.get(e.user_id or 0, ""),
                   e.user_email or "", ACTIONS.get(e.action, e.action), e.object_type or "",
                   e.object_id or "", target.name if target else "",
                   json.dumps(e.detail, ensure_ascii=False, sort_keys=True) if e.detail else "",
                   e.ip_address or ""]
            writer.writerow([spreadsheet_safe(str(v)) for v in row])
    return out.getvalue()
