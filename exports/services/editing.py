"""Saving drafts safely: revisions against lost updates, version history and restore.

Quotes are added, moved and taken out in ``exports.services.draft_quotes``, through the same
revision claim and version record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from exports.models import Draft, DraftQuote, DraftVersion
from exports.services.drafts import ordered_sections, organisation_profile
from exports.services.quotes import mark_cuts, normalise
from forum.extensions import db
from forum.models import Segment, User
from forum.models.base import utcnow
from forum.services.segments import quotable_segments

# Autosaves by the same person within this long update one history entry, not many.
AUTOSAVE_MERGE = timedelta(minutes=10)
COVER_FIELDS = {"title": "Title", "organisation": "Organisation", "contact": "Contact",
                "about": "About us", "introduction": "Introduction", "summary": "Summary",
                "easy_read_intro": "Easy Read introduction"}
HEADING = "Easy Read heading"  # after a question's label in a conflict warning: "Q5 Easy ..."


class DraftConflict(Exception):
    """Someone (or the same person in another tab) saved after this change's revision."""

    def __init__(self, draft: Draft, differences: list[tuple[str, str]], user: User | None = None):
        self.draft, self.differences = draft, differences
        # The same person saving from another tab or window is not "someone else".
        mine = user is not None and draft.updated_by_id == user.id
        self.title = f"{'You' if mine else 'Someone else'} changed this draft"
        who = "You" if mine else draft.updated_by.name if draft.updated_by else "Someone else"
        super().__init__(f"{who} saved this draft{' in another tab or window' if mine else ''} at "
                         f"{draft.updated_at:%H:%M on %-d %B %Y} (UTC), after you opened it. "
                         "Your changes have not been saved yet.")


@dataclass
class DraftEdit:
    """What an editor form sent: cover fields, section texts and themes, quote texts."""

    fields: dict[str, str] = field(default_factory=dict)
    date: date | None = None
    recommendations: list[str] | None = None  # None: not in the form, leave as saved
    easy_read_done: dict[str, str] = field(default_factory=dict)  # only the themes shown
    section_text: dict[int, str] = field(default_factory=dict)
    section_themes: dict[int, list[int]] = field(default_factory=dict)
    easy_read_headings: dict[int, str] = field(default_factory=dict)  # by section id
    quote_text: dict[int, str] = field(default_factory=dict)


def snapshot(draft: Draft) -> dict[str, Any]:
    """The whole draft as JSON-able data (what a version keeps)."""
    data = {name: getattr(draft, name) for name in COVER_FIELDS}
    data.update(date=draft.date.isoformat() if draft.date else None,
                recommendations=list(draft.recommendations or []),
                easy_read_done=dict(draft.easy_read_done or {}),
                sections=[{"question_id": s.question_id, "text": s.text,
                           "theme_ids": list(s.theme_ids or []),
                           "easy_read_heading": s.easy_read_heading or "",
                           "quotes": [{"segment_id": q.segment_id, "text": q.text}
                                      for q in s.quotes]}
                          for s in ordered_sections(draft)])
    return data


def _saved_state(draft: Draft) -> dict[str, str]:
    """Each part of the draft an editor form shows, as text, keyed by what people call it."""
    state = {label: getattr(draft, name) or "" for name, label in COVER_FIELDS.items()}
    state["Key recommendations"] = "\n".join(draft.recommendations or [])
    for section in ordered_sections(draft):
        state[section.question.label] = section.text or ""
        state[f"{section.question.label} {HEADING}"] = section.easy_read_heading or ""
    return state


def _state_from_snapshot(data: dict[str, Any], labels: dict[int, str]) -> dict[str, str]:
    state = {label: data.get(name) or "" for name, label in COVER_FIELDS.items()}
    state["Key recommendations"] = "\n".join(data.get("recommendations") or [])
    for section in data.get("sections", []):
        if section["question_id"] in labels:
            state[labels[section["question_id"]]] = section.get("text") or ""
            state[f"{labels[section['question_id']]} {HEADING}"] = (
                section.get("easy_read_heading") or "")
    return state


def differences(draft: Draft, base: DraftVersion | None, edit: DraftEdit) -> list[tuple[str, str]]:
    """What others changed since the editor's revision: (what, their saved text) pairs.

    With the version the editor started from, only parts changed since then are listed;
    without it, every part where the saved draft differs from what was sent.
    """
    now = _saved_state(draft)
    if base is not None:
        labels = {s.question_id: s.question.label for s in draft.sections}
        before = _state_from_snapshot(base.snapshot, labels)
        return [(what, text) for what, text in now.items()
                if text.strip() != before.get(what, "").strip()]
    sent = {label: edit.fields[name] for name, label in COVER_FIELDS.items() if name in edit.fields}
    if edit.recommendations is not None:
        sent["Key recommendations"] = "\n".join(edit.recommendations)
    for section in draft.sections:
        if section.id in edit.section_text:
            sent[section.question.label] = edit.section_text[section.id]
        if section.id in edit.easy_read_headings:
            sent[f"{section.question.label} {HEADING}"] = edit.easy_read_headings[section.id]
    return [(what, now[what]) for what, text in sent.items() if text.strip() != now[what].strip()]


def _version_at(draft: Draft, revision: int) -> DraftVersion | None:
    return db.session.scalar(select(DraftVersion).where(
        DraftVersion.draft_id == draft.id, DraftVersion.revision == revision)
        .order_by(DraftVersion.id.desc()).limit(1))


def claim_revision(draft: Draft, base_revision: int) -> None:
    """Move the draft on one revision, only if nobody else already has (one atomic UPDATE)."""
    # An UPDATE returns a CursorResult (Session.execute is typed as the general Result).
    moved = cast(CursorResult[Any], db.session.execute(
        update(Draft).where(Draft.id == draft.id, Draft.revision == base_revision)
        .values(revision=base_revision + 1))).rowcount
    if moved != 1:
        db.session.rollback()
        db.session.refresh(draft)
        raise DraftConflict(draft, [])
    db.session.refresh(draft, ["revision"])


def save_draft(draft: Draft, edit: DraftEdit, base_revision: int, user: User, *,
               autosave: bool = False, keep_about: bool = False) -> Draft:
    """Apply an edit made from ``base_revision`` and record a version.

    Args:
        draft: the draft.
        edit: what the form sent.
        base_revision: the revision the editor was showing.
        user: who is saving.
        autosave: a background save (merged into the author's recent autosave entry).
        keep_about: also make this "About us" the organisation's text for new drafts.

    Raises:
        DraftConflict: when someone saved after ``base_revision``; nothing is changed.
    """
    try:
        claim_revision(draft, base_revision)
    except DraftConflict as conflict:
        base = _version_at(conflict.draft, base_revision)
        raise DraftConflict(conflict.draft, differences(conflict.draft, base, edit),
                            user) from None
    for name in COVER_FIELDS:
        if name in edit.fields:
            setattr(draft, name, (edit.fields[name] or "").strip())
    draft.date = edit.date or draft.date
    if edit.recommendations is not None:
        draft.recommendations = [r.strip() for r in edit.recommendations if r.strip()]
    done = dict(draft.easy_read_done or {})
    done.update({k: v.strip() for k, v in edit.easy_read_done.items()})
    draft.easy_read_done = {k: v for k, v in done.items() if v}
    for section in draft.sections:
        if section.id in edit.section_text:
            section.text = edit.section_text[section.id].strip()
            section.theme_ids = edit.section_themes.get(section.id, [])
        if section.id in edit.easy_read_headings:
            section.easy_read_heading = " ".join(edit.easy_read_headings[section.id].split())
        for quote in section.quotes:
            if quote.id in edit.quote_text and edit.quote_text[quote.id].strip():
                # Typed by hand, the same "..." rule as words chosen by selection.
                quote.text = mark_cuts(normalise(edit.quote_text[quote.id]), quote.segment.text)
    if keep_about:
        profile = organisation_profile()
        profile.about, profile.contact = draft.about, draft.contact
        profile.name = draft.organisation
    record_version(draft, user, "Autosaved" if autosave else "Saved", merge=autosave)
    return draft


def record_version(draft: Draft, user: User | None, note: str, merge: bool = False) -> None:
    """Stamp the draft as saved by ``user`` and keep a version of it (autosaves may merge)."""
    draft.updated_at, draft.updated_by = utcnow(), user
    db.session.flush()
    for section in draft.sections:  # reload quotes in their saved order for the snapshot
        db.session.expire(section, ["quotes"])
    latest = db.session.scalar(select(DraftVersion).where(DraftVersion.draft_id == draft.id)
                               .order_by(DraftVersion.id.desc()).limit(1))
    now = utcnow()
    if merge and latest is not None and latest.note == note \
            and latest.author_id == (user.id if user else None) \
            and now - _aware(latest.created_at) < AUTOSAVE_MERGE:
        latest.snapshot, latest.revision, latest.created_at = snapshot(draft), draft.revision, now
    else:
        db.session.add(DraftVersion(draft=draft, revision=draft.revision, snapshot=snapshot(draft),
                                    note=note, author=user, created_at=now))
    db.session.commit()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def restore_version(draft: Draft, version: DraftVersion, user: User,
                    base_revision: int) -> list[str]:
    """Put an earlier version back (as a new version); quotes that may no longer be used stay out.

    Returns:
        Labels of sections that lost a quote because it can no longer be quoted.

    Raises:
        DraftConflict: when someone saved after ``base_revision``.
    """
    claim_revision(draft, base_revision)
    data = version.snapshot
    for name in COVER_FIELDS:
        setattr(draft, name, data.get(name) or "")
    draft.date = date.fromisoformat(data["date"]) if data.get("date") else draft.date
    draft.recommendations = list(data.get("recommendations") or [])
    draft.easy_read_done = dict(data.get("easy_read_done") or {})
    quotable = {s.id for s in quotable_segments(draft.consultation_id)}
    existing = set(db.session.scalars(select(Segment.id).where(
        Segment.consultation_id == draft.consultation_id)))
    by_question = {s.question_id: s for s in draft.sections}
    dropped = []
    for saved in data.get("sections", []):
        section = by_question.get(saved["question_id"])
        if section is None:
            continue
        section.text, section.theme_ids = saved.get("text", ""), list(saved.get("theme_ids") or [])
        section.easy_read_heading = saved.get("easy_read_heading") or ""
        section.quotes.clear()
        db.session.flush()
        for item in saved.get("quotes", []):
            if item["segment_id"] in quotable and item["segment_id"] in existing:
                section.quotes.append(DraftQuote(segment_id=item["segment_id"], text=item["text"],
                                                 position=len(section.quotes)))
            elif section.question.label not in dropped:
                dropped.append(section.question.label)
    who = version.author.name if version.author else "someone"
    record_version(draft, user,
                   f"Restored the version saved by {who} at {version.created_at:%H:%M, %-d %B}")
    return dropped
