"""The facilitator's review of a transcript's redactions: ticked or left unticked on the review
page (``review_redactions``), and words the checks missed added by hand (``add_redaction``).
Either way the turn's redacted text is made again (``transcripts.redacted_text``), and words
taken out of an approved transcript leave its segments and staff text at once
(``segment_resets``).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from analysis.services.transcripts import redacted_text
from forum.extensions import db
from forum.models import Redaction, RedactionStatus, Transcript, Turn
from forum.services.text_direction import BIDI_CONTROLS


def review_redactions(transcript: Transcript, rejected_ids: set[int],
                      approving: bool = False) -> list[str]:
    """Record the facilitator's decisions: listed redactions rejected, the rest accepted.

    Args:
        transcript: the transcript reviewed.
        rejected_ids: redactions shown and left unticked.
        approving: approval follows at once (it brings the segments in step itself).

    Returns:
        Plain-English lines of people's decisions lost with segments whose text changed.
    """
    changed, taken, newly_rejected = [], [], []
    for turn in transcript.turns:
        for redaction in turn.redactions:
            if (redaction.status == RedactionStatus.REJECTED and redaction.id not in rejected_ids
                    and transcript.approved_at is not None):  # once approved as said
                taken.append(((turn.original_text or "")[redaction.start:redaction.end],
                              redaction.label))
            if redaction.status != RedactionStatus.REJECTED and redaction.id in rejected_ids:
                newly_rejected.append(redaction.id)
            redaction.status = (RedactionStatus.REJECTED if redaction.id in rejected_ids
                                else RedactionStatus.ACCEPTED)
        text = redacted_text(turn)
        if text != turn.redacted_text:
            changed.append(turn.id)
        turn.redacted_text = text
    reset: list[str] = []
    if transcript.approved_at is not None and (taken or changed and not approving):
        # Saved without approving, a word ticked on an approved transcript stayed in its
        # segments (and the transcript 'Approved'). Approving brings the segments in step.
        from analysis.services.segment_resets import text_changed_after_approval

        reset = text_changed_after_approval(transcript, [] if approving else changed, taken)
    if newly_rejected:  # memos saved while they waited lost their words: back they go
        from analysis.services.memos import put_back_rejected

        db.session.flush()
        put_back_rejected(newly_rejected, transcript.session.consultation_id)
    db.session.commit()
    return reset


class ReviewError(ValueError):
    """A review action that cannot be done, in plain English."""


class Redacted(NamedTuple):
    """What adding a redaction did."""

    places: int  # how many places were redacted
    reset: list[str]  # plain-English lines of people's decisions lost with changed segments


_BIDI_GAP = BIDI_CONTROLS.pattern + "*"  # the one list of controls, any number of them


def add_redaction(transcript: Transcript, turn: Turn, words: str, label: str,
                  everywhere: bool) -> Redacted:
    """Redact more text a person selected, in one turn or everywhere it appears.

    Returns:
        How many places were redacted, and what people had decided about the segments
        whose text changed (they are deleted at once).

    Raises:
        ReviewError: when the words are not found or the originals were purged.
    """
    words = words.strip()
    if not words:
        raise ReviewError("Type the words to redact, exactly as they appear")
    if transcript.purged_at:
        raise ReviewError("The original text has been purged, so nothing more can be redacted")
    # Whole words only: "Walsal" typed for "Walsall" left "[place]l", and "Ed" everywhere
    # would take the middle out of "needed".
    # Bidi controls the file holds among the words (never shown, never typed) are passed over.
    pattern = re.compile((r"(?<!\w)" if re.match(r"\w", words[0]) else "")
                         + _BIDI_GAP.join(re.escape(ch) for ch in words)
                         + (r"(?!\w)" if re.match(r"\w", words[-1]) else ""), re.IGNORECASE)
    targets = transcript.turns if everywhere else [turn]
    added, changed = 0, []
    for target in targets:
        for match in pattern.finditer(target.original_text or ""):
            changed.append(target.id)
            # The same words proposed and unticked: that entry is taken back with this label,
            # or the review page listed them twice, once unticked and once ticked.
            same = next((r for r in target.redactions
                         if (r.start, r.end) == (match.start(), match.end())), None)
            if same is None:
                target.redactions.append(Redaction(start=match.start(), end=match.end(),
                                                   label=label, added_by_person=True,
                                                   status=RedactionStatus.ACCEPTED))
            else:
                # Unticked, it is back only because a person added it: the record says so.
                if same.status == RedactionStatus.REJECTED:
                    same.added_by_person = True
                same.label, same.status = label, RedactionStatus.ACCEPTED
            added += 1
        target.redacted_text = redacted_text(target)
    if not added:
        where = 'the transcript' if everywhere else 'that turn'
        inside = re.compile(r"\w*" + re.escape(words) + r"\w*", re.IGNORECASE)
        whole = next((m.group(0) for t in targets if (m := inside.search(t.original_text or ""))),
                     None)
        if whole:
            raise ReviewError(f"\u2018{words}\u2019 is only part of a word in {where} "
                              f"(\u2018{whole}\u2019). Type or select the whole word")
        first = "Type" if everywhere else "Check the turn number, and type"
        raise ReviewError(f"\u2018{words}\u2019 is not in {where}. {first} the words exactly as "
                          "they appear in its original text, or select them there")
    # Analysis, search, quotes and exports read segments whatever the transcript's status:
    # the words just taken out leave them now.
    from analysis.services.segment_resets import text_changed_after_approval

    reset = text_changed_after_approval(transcript, set(changed), [(words, label)])
    db.session.commit()
    return Redacted(added, reset)
