"""A draft's quotes: adding a member's words (all or part), moving and taking them out.

Each change moves the draft on a revision and keeps a version, as a save does
(``exports.services.editing``).
"""
from __future__ import annotations

from exports.models import Draft, DraftQuote, DraftSection
from exports.services.editing import claim_revision, record_version
from exports.services.quotes import mark_cuts, normalise, quote_matches
from forum.extensions import db
from forum.models import User
from forum.services.segments import quotable_segments


def change_quotes(draft: Draft, user: User, action: str, quote_id: int) -> str | None:
    """Move a quote up or down, or remove it; returns a message, or None if not found."""
    quote = db.session.get(DraftQuote, quote_id)
    if quote is None or quote.section.draft_id != draft.id:
        return None
    quotes = list(quote.section.quotes)
    index = quotes.index(quote)
    label = quote.section.question.label
    if action == "remove":
        quotes.remove(quote)
        db.session.delete(quote)
        message = f"Quote taken out of {label}."
    else:
        other = index - 1 if action == "up" else index + 1
        if not 0 <= other < len(quotes):
            return f"That quote is already at the {'top' if action == 'up' else 'bottom'}."
        quotes[index], quotes[other] = quotes[other], quotes[index]
        message = f"Quote moved {action} in {label}."
    for position, item in enumerate(quotes):
        item.position = position
    claim_revision(draft, draft.revision)
    record_version(draft, user, message.rstrip("."))
    return message


class QuoteWordsError(ValueError):
    """Words chosen to quote that are not what the member said (nothing was added)."""


def add_quote(section: DraftSection, segment_id: int, user: User, words: str | None = None) -> str:
    """Add a quotable segment's words (all of them, or the part chosen) to a section's quotes.

    Args:
        section: the draft section.
        segment_id: the segment quoted.
        user: who adds it.
        words: only these words of the segment (selected on the page, perhaps joined with
            "..."); None or blank quotes the whole segment.

    Returns:
        A message for the officer (also when the segment cannot be quoted).

    Raises:
        QuoteWordsError: ``words`` are not, piece by piece, in the segment's redacted text.
    """
    quotable = {s.id: s for s in quotable_segments(section.draft.consultation_id)}
    segment = quotable.get(segment_id)
    if segment is None:
        return "That cannot be quoted: the member has not agreed, or the words are held for review."
    if any(q.segment_id == segment_id for q in section.quotes):
        return f"That quote is already in {section.question.label}."
    text = normalise(words or "") or segment.text
    if not quote_matches(text, segment.text):
        raise QuoteWordsError("Those words are not exactly what the member said. Select them again "
                              "from the quote, or leave words out with \"...\".")
    text = mark_cuts(text, segment.text) if normalise(words or "") else text  # "..." at cuts
    section.quotes.append(DraftQuote(segment_id=segment.id, text=text,
                                     position=len(section.quotes)))
    claim_revision(section.draft, section.draft.revision)
    record_version(section.draft, user, f"Quote added to {section.question.label}")
    return f"Quote added to {section.question.label}."
