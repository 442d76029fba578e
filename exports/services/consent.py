"""When a member withdraws (or stops allowing quotes, or is erased), their quotes leave drafts."""
from __future__ import annotations

from sqlalchemy import select

from exports.models import DraftNotice, DraftQuote, DraftSection
from forum.extensions import db
from forum.models import Member, Segment
from forum.services import audit


def remove_member_quotes(member: Member, erased: bool = False, by=None) -> dict[int, list[str]]:
    """Take a member's quotes out of every draft and tell each draft's officers.

    Nothing happens while the member's current consent still allows quoting (and they
    are not being erased). The caller commits.

    Args:
        member: the member whose consent changed.
        erased: the member is about to be erased.
        by: the user who recorded the change.

    Returns:
        {draft id: labels of the sections that lost a quote}.
    """
    if not erased and member.may_quote:
        return {}
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
    reason = "a member's details were erased" if erased else "a member withdrew their consent to be quoted"
    for draft_id, labels in changed.items():
        db.session.add(DraftNotice(
            draft_id=draft_id, sections=labels,
            message=f"Quotes were taken out of {', '.join(labels)} because {reason}."))
        # The pseudonym is left out of the log on purpose: erased members keep no trace.
        audit.record("draft_quotes_removed", by, commit=False, draft_id=draft_id,
                     sections=labels, quotes=counts[draft_id])
    db.session.flush()
    return changed


def on_consent_changed(member: Member, erased: bool = False, by=None, **_extra) -> None:
    """Receiver for ``forum.signals.consent_changed``."""
    remove_member_quotes(member, erased=erased, by=by)
