"""When a transcript's text changes under a quote, the quote leaves drafts and officers are
told where to look."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import ngettext
from sqlalchemy import select

from exports.models import DraftNotice, DraftQuote
from exports.services.consent import scrub_quotes_from_versions
from forum.extensions import db


def remove_changed_quotes(segment_ids: list[int], **_extra: Any) -> list[str]:
    """Receiver of ``analysis.services.segment_resets.segments_withdrawn``: take quotes of
    segments whose text changed out of drafts, with a notice on each draft.

    The quote's words are the old text (maybe words since redacted), so none is kept, in
    the draft or in its saved versions. The caller commits.

    Args:
        segment_ids: segments about to be deleted because their turn's text changed.

    Returns:
        One plain-English line for the person who changed the text (empty: no quote).
    """
    quotes = db.session.scalars(select(DraftQuote).where(DraftQuote.segment_id.in_(segment_ids))
                                .order_by(DraftQuote.id)).all()
    by_draft: dict[int, list[DraftQuote]] = {}
    for quote in quotes:
        by_draft.setdefault(quote.section.draft_id, []).append(quote)
    for draft_id, removed in by_draft.items():
        db.session.add(DraftNotice(draft_id=draft_id, sections=_labels(removed), message=str(
            ngettext("%(num)d quote came from part of a focus-group transcript that was "
                     "changed after approval (words taken out or put back), so it was "
                     "removed; check %(where)s.",
                     "%(num)d quotes came from parts of a focus-group transcript that were "
                     "changed after approval (words taken out or put back), so they were "
                     "removed; check %(where)s.", len(removed),
                     where=", ".join(_labels(removed))))))
    told = [_line(quotes)] if quotes else []
    for quote in quotes:
        quote.section.quotes.remove(quote)
        db.session.delete(quote)
    # Saved versions keep the old words too, and restoring one put a quote back whenever its
    # segment's number was in use again (SQLite gives a new segment a deleted one's number).
    scrub_quotes_from_versions(set(segment_ids), [])
    db.session.flush()
    return told


def _labels(quotes: Sequence[DraftQuote]) -> list[str]:
    return list(dict.fromkeys(quote.section.question.label for quote in quotes))


def _line(quotes: Sequence[DraftQuote]) -> str:
    return str(ngettext(
        "%(num)d quote picked for the response came from changed turns and was removed; "
        "check %(where)s.",
        "%(num)d quotes picked for the response came from changed turns and were removed; "
        "check %(where)s.", len(quotes), where=", ".join(_labels(quotes))))
