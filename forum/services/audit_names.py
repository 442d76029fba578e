"""What the audit log page calls the objects its events were done to.

An event keeps only the object's kind and id ("Consultation", 3). The page shows the
object's name as it is now ("Reducing reoffending: call for evidence"), with the id, or
says it has been deleted. Names are read with one query per kind for the whole page.

Each package registers the kinds it records: forum its own here (``register_forum_kinds``),
packages above forum theirs (themes, samples, drafts, surveys) from their ``init_app``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute

from forum.extensions import db
from forum.models.audit import AuditEvent

KINDS_KEY = "forum_audit_kinds"

# (id, name) rows for the given ids, in one statement.
NameQuery = Callable[[list[int]], Select[int, str]]


@dataclass(frozen=True)
class Kind:
    """How the log names one kind of object."""

    label: str  # as the page says it: "consultation", "blind coding sample"
    query: NameQuery
    # True when the name is of what holds the object ("in <consultation title>"), for
    # objects without a name of their own (a segment, a transcript turn).
    within: bool = False


@dataclass(frozen=True)
class Target:
    """What an event was done to, as the log page shows it."""

    main: str  # "Reducing reoffending: call for evidence", or "segment 812"
    note: str = ""  # "consultation 3", "in Reducing reoffending...", "deleted"
    # The name alone, for the CSV's "object name" column: the object's own, or for one
    # without a name of its own its consultation's title; "" when deleted or unregistered.
    name: str = ""


def register_kind(app: Flask, object_type: str, label: str, query: NameQuery,
                  within: bool = False) -> None:
    """Tell the log page how to name one kind of object.

    Args:
        app: the Flask app.
        object_type: the model's class name, as ``audit.record`` stores it.
        label: the kind in words, lower case.
        query: callable taking ids and returning a select of (id, name) rows.
        within: the name is of the object's container, not the object's own.
    """
    app.extensions.setdefault(KINDS_KEY, {})[object_type] = Kind(label, query, within)


def by_column(id_column: InstrumentedAttribute[int],
              name_column: InstrumentedAttribute[str]) -> NameQuery:
    """A name query for a model whose name is one of its own columns."""
    return lambda ids: select(id_column, name_column).where(id_column.in_(ids))


def in_consultation(model: Any) -> NameQuery:
    """A name query for a model with ``id`` and ``consultation_id``: its consultation's title."""
    from forum.models import Consultation

    return lambda ids: (select(model.id, Consultation.title)
                        .join(Consultation, Consultation.id == model.consultation_id)
                        .where(model.id.in_(ids)))


def targets(events: Iterable[AuditEvent]) -> dict[int, Target]:
    """{event id: what it was done to} for the events that name an object.

    Reads the names with one query per kind of object among the events.
    """
    kinds: dict[str, Kind] = current_app.extensions.get(KINDS_KEY, {})
    pointed = [(e.id, e.object_type, e.object_id) for e in events
               if e.object_type and e.object_id is not None]
    wanted: dict[str, set[int]] = {}
    for _event_id, object_type, object_id in pointed:
        if object_type in kinds:
            wanted.setdefault(object_type, set()).add(object_id)
    names: dict[str, dict[int, str]] = {
        kind: dict(db.session.execute(kinds[kind].query(sorted(ids))).tuples().all())
        for kind, ids in wanted.items()}
    return {event_id: _target(object_type, object_id, kinds.get(object_type),
                              names.get(object_type, {}))
            for event_id, object_type, object_id in pointed}


def people(events: Iterable[AuditEvent]) -> dict[int, str]:
    """{user id: display name} for the staff who did the events, in one query.

    The event keeps the email as it was; the name is read as it is now. A deleted
    account is simply missing, and the log falls back to the email it kept.
    """
    from forum.models import User

    ids = sorted({e.user_id for e in events if e.user_id is not None})
    if not ids:
        return {}
    return dict(db.session.execute(
        select(User.id, User.name).where(User.id.in_(ids))).tuples().all())


def _target(object_type: str, object_id: int, kind: Kind | None,
            names: dict[int, str]) -> Target:
    if kind is None:  # a kind nobody registered: as stored
        return Target(f"{object_type} {object_id}")
    which = f"{kind.label} {object_id}"
    if object_id not in names:
        return Target(which, "deleted")
    name = names[object_id] or "(no name)"
    return Target(which, f"in {name}", name) if kind.within else Target(name, which, name)


def register_forum_kinds(app: Flask) -> None:
    """Forum's own kinds: staff, members, consultations, transcripts and their parts."""
    from forum.models import (
        Consultation,
        FocusGroupSession,
        Member,
        Segment,
        Transcript,
        Turn,
        User,
    )

    register_kind(app, "User", "user", by_column(User.id, User.name))
    register_kind(app, "Member", "member", by_column(Member.id, Member.pseudonym))
    register_kind(app, "Consultation", "consultation",
                  by_column(Consultation.id, Consultation.title))
    register_kind(app, "FocusGroupSession", "focus group",
                  by_column(FocusGroupSession.id, FocusGroupSession.title))
    register_kind(app, "Segment", "segment", in_consultation(Segment), within=True)
    # A transcript's file name often names the person interviewed ("interview John
    # Smith.docx"), and it has no title of its own: its consultation names it instead.
    register_kind(app, "Transcript", "transcript", lambda ids: (
        select(Transcript.id, Consultation.title)
        .join(FocusGroupSession, FocusGroupSession.id == Transcript.session_id)
        .join(Consultation, Consultation.id == FocusGroupSession.consultation_id)
        .where(Transcript.id.in_(ids))), within=True)
    register_kind(app, "Turn", "transcript turn", lambda ids: (
        select(Turn.id, Consultation.title)
        .join(Transcript, Transcript.id == Turn.transcript_id)
        .join(FocusGroupSession, FocusGroupSession.id == Transcript.session_id)
        .join(Consultation, Consultation.id == FocusGroupSession.consultation_id)
        .where(Turn.id.in_(ids))), within=True)
