"""When a member withdraws (or stops allowing quotes, or is erased), their quotes leave drafts."""
from __future__ import annotations

import copy
import json
from typing import Any

from sqlalchemy import select

from exports.models import Draft, DraftNotice, DraftQuote, DraftSection, DraftVersion
from forum.extensions import db
from forum.models import Member, Segment, User
from forum.services import audit
from forum.services.erasure import ERASED_TEXT

# Shorter texts ("Yes", "Housing") could be anyone's words, so are not taken out of officers' text.
PASTED_MIN_CHARS = 20


def remove_member_quotes(member: Member, erased: bool = False,
                         by: User | None = None) -> int:
    """Take a member's quotes out of every draft and tell each draft's officers.

    Nothing happens while the member's current consent still allows quoting (and they
    are not being erased). The caller commits.

    Args:
        member: the member whose consent changed.
        erased: the member is about to be erased.
        by: the user who recorded the change.

    Returns:
        How many quotes were taken out, over all drafts.
    """
    if not erased and member.may_quote:
        return 0
    quotes = list(db.session.scalars(
        select(DraftQuote).join(Segment, Segment.id == DraftQuote.segment_id)
        .where(Segment.member_id == member.id)))
    changed: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    for quote in quotes:
        section: DraftSection = quote.section
        counts[section.draft_id] = counts.get(section.draft_id, 0) + 1
        labels = changed.setdefault(section.draft_id, [])
        if section.question.label not in labels:
            labels.append(section.question.label)
        section.quotes.remove(quote)
        db.session.delete(quote)
    reason = ("a member's details were erased" if erased
              else "a member withdrew their consent to be quoted")
    for draft_id, labels in changed.items():
        db.session.add(DraftNotice(
            draft_id=draft_id, sections=labels,
            message=f"Quotes were taken out of {', '.join(labels)} because {reason}."))
        # The pseudonym is left out of the log on purpose: erased members keep no trace.
        audit.record("draft_quotes_removed", by, db.session.get(Draft, draft_id), commit=False,
                     draft_id=draft_id, sections=labels, quotes=counts[draft_id])
    db.session.flush()
    return len(quotes)


def scrub_versions(member: Member) -> int:
    """Take an erased member's quotes and words out of every saved draft version.

    Args:
        member: the member being erased (their segments still present).

    Returns:
        How many versions changed.
    """
    rows = db.session.execute(
        select(Segment.id, Segment.text).where(Segment.member_id == member.id)).all()
    return scrub_quotes_from_versions({r.id for r in rows},
                                      [r.text for r in rows if len(r.text) > PASTED_MIN_CHARS])


def scrub_quotes_from_versions(ids: set[int], texts: list[str]) -> int:
    """Take quotes of these segments, and their words pasted into officers' text, out of every
    saved draft version (restoring one must not bring them back).

    Args:
        ids: the segments whose quotes go.
        texts: their words, long enough to be theirs alone (``PASTED_MIN_CHARS``).

    Returns:
        How many versions changed.
    """
    changed = 0
    for version in db.session.scalars(select(DraftVersion)):
        data = copy.deepcopy(version.snapshot or {})
        before = json.dumps(data, sort_keys=True)
        for section in data.get("sections", []):
            section["quotes"] = [q for q in section.get("quotes", [])
                                 if q.get("segment_id") not in ids]
            for text in texts:  # words pasted into the officer's own text
                section["text"] = (section.get("text") or "").replace(text, ERASED_TEXT)
        if json.dumps(data, sort_keys=True) != before:
            version.snapshot = data  # a new object, so the JSON column is written
            changed += 1
    return changed


def member_quotes(member: Member) -> dict[str, Any]:
    """Subject access hook: the member's words quoted in draft responses, as they are printed."""
    quotes = db.session.scalars(
        select(DraftQuote).join(Segment, Segment.id == DraftQuote.segment_id)
                                .where(Segment.member_id == member.id).order_by(DraftQuote.id))
    return {"draft_quotes.json": [{"draft": q.section.draft.title or "Untitled draft",
                                   "question": q.section.question.label, "quote": q.text}
                                   for q in quotes]}


def on_consent_changed(member: Member, erased: bool = False, by: User | None = None,
                       **_extra: Any) -> int:
    """Receiver for ``forum.signals.consent_changed``.

    Returns:
        How many of the member's quotes were taken out of drafts (told to the facilitator).
    """
    removed = remove_member_quotes(member, erased=erased, by=by)
    if erased:
        scrub_versions(member)
    return removed
