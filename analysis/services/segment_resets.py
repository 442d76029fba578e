"""Segments of turns whose redacted text changed: which stay, which go, and what people had
decided about those that go.

Changed text must never keep the old words, so a segment whose text is not a piece of its
turn's new redacted text is deleted. A segment whose text is still exactly one of the new
pieces holds neither old nor new words: it stays, with everything people decided about it
(theme, pinned quote, question, quotes in drafts, agreement codings, notes).
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

from blinker import Namespace
from flask_babel import ngettext
from sqlalchemy import delete, func, select

from analysis.models import (
    AgreementCode,
    AgreementItem,
    SegmentMemo,
    Theme,
    ThemeSegment,
    UngroupedSegment,
)
from analysis.models.themes import BY_PERSON
from forum.extensions import db
from forum.models import Question, Segment, Transcript, TranscriptStatus, Turn

_signals = Namespace()
# Sent with the ids of segments about to be deleted because their turn's text changed, before
# the delete. Receivers (drafts) must not commit; each returns plain-English lines of what it
# took out, for the person who changed the text, and may tell others in their own place.
segments_withdrawn = _signals.signal("segments-withdrawn")


def match_pieces(existing: Sequence[Segment], pieces: Sequence[str],
                 ) -> tuple[dict[int, Segment], list[Segment]]:
    """Pair each piece of a turn's new redacted text with a segment of exactly that text.

    Args:
        existing: the turn's segments, in order.
        pieces: the new text cut into segments (``split_into_segments``), in order.

    Returns:
        ({piece index: the segment kept for it}, the segments matching no piece).
    """
    free = list(existing)
    kept: dict[int, Segment] = {}
    for index, text in enumerate(pieces):
        same = next((segment for segment in free if segment.text == text), None)
        if same is not None:
            kept[index] = same
            free.remove(same)
    return kept, free


def text_changed_after_approval(transcript: Transcript, turn_ids: Collection[int],
                                taken: Sequence[tuple[str, str]]) -> list[str]:
    """Words were redacted (or put back) in turns of a transcript approved before: it needs
    approving again, and the words leave analysis now, not at approval.

    Analysis, search, quotes and exports read segments whatever the transcript's status, so
    the changed turns' segments that may hold the words go (``withdraw_changed_turns``), and
    so do the words in the names a run gave the themes (``theme_words``), in those past runs
    and the theme history kept (``theme_words_kept``), and in staff memos and the codebook
    (``theme_words_staff``). The caller commits.

    Args:
        transcript: a transcript approved at least once.
        turn_ids: turns whose ``redacted_text`` was just set anew.
        taken: (the words as said, the label they became) for each redaction just made.

    Returns:
        Plain-English lines of what people had decided about what was deleted or renamed.
    """
    if turn_ids and transcript.status == TranscriptStatus.APPROVED:
        transcript.status = TranscriptStatus.NEEDS_REVIEW  # changed text needs approving again
    reset = withdraw_changed_turns(turn_ids) if turn_ids else []
    if taken and transcript.approved_at is not None:
        reset += words_leave_staff_text(transcript.session.consultation_id, taken)
    return reset


def words_leave_staff_text(consultation_id: int, taken: Sequence[tuple[str, str]]) -> list[str]:
    """Redacted words leave what staff and runs wrote from them: the codebook, the themes'
    names (and the history kept of them), staff memos and saved models. The one rule for words
    redacted from a transcript after approval and from a survey answer at its check
    (``answer_review.approve_answer``). The caller commits.

    Args:
        consultation_id: the consultation.
        taken: (the words as said, the label they became) for each redaction just made.

    Returns:
        Plain-English lines of what was renamed or forgotten (empty: nothing held the words).
    """
    from analysis.services.saved_models import forget_models_saying
    from analysis.services.theme_words import scrub_theme_words, word_patterns
    from analysis.services.theme_words_kept import scrub_kept_names
    from analysis.services.theme_words_staff import scrub_codebook, scrub_memos

    patterns = word_patterns(taken)
    if not patterns:
        return []
    # The codebook first: themes and their snapshots take its codes' new names.
    renamed, told = scrub_codebook(consultation_id, patterns)
    reset = scrub_theme_words(consultation_id, taken, renamed)
    scrub_kept_names(consultation_id, patterns, renamed)
    reset += told + scrub_memos(consultation_id, patterns)
    return reset + forget_models_saying(consultation_id, patterns)


def withdraw_changed_turns(turn_ids: Collection[int]) -> list[str]:
    """Delete the segments of turns whose redacted text just changed that are not exactly a
    piece of the new text; approving again builds the rest (``segments.build_segments``).

    Args:
        turn_ids: turns whose ``redacted_text`` was just set anew.

    Returns:
        Plain-English lines of what people had decided about the segments deleted.
    """
    from analysis.core.segmenting import split_into_segments

    gone: list[Segment] = []
    for turn in db.session.scalars(select(Turn).where(Turn.id.in_(turn_ids))):
        mine = db.session.scalars(select(Segment).where(Segment.turn_id == turn.id)
                                  .order_by(Segment.position, Segment.id)).all()
        gone += match_pieces(mine, split_into_segments(turn.redacted_text or ""))[1]
    return withdraw(gone)


def withdraw(segments: Sequence[Segment]) -> list[str]:
    """Delete segments whose text changed, saying what people had decided about them.

    Args:
        segments: segments matching no piece of their turn's new text (``match_pieces``).

    Returns:
        Plain-English lines, one per kind of decision lost; empty when there were none.
    """
    if not segments:
        return []
    from analysis.services.embeddings import forget_unused
    from analysis.services.saved_models import forget_models_holding
    from analysis.services.theme_store import refresh_stats

    ids, hashes = [segment.id for segment in segments], {segment.text_hash for segment in segments}
    lines = [line for _receiver, found in segments_withdrawn.send(ids) for line in found or []]
    lines += decisions_lost(segments)
    lines += forget_models_holding(ids)  # a run's saved model holds the words it read
    db.session.execute(delete(Segment).where(Segment.id.in_(ids)))
    # The old text's vector is of words that may have just been redacted; kept only while
    # another segment holds the same text (a question's or guide's vector is made again).
    forget_unused(hashes)
    for consultation_id in {segment.consultation_id for segment in segments}:
        refresh_stats(consultation_id)  # themes no longer count them
    return lines


def decisions_lost(segments: Sequence[Segment]) -> list[str]:
    """What people decided in analysis about these segments, which goes with them.

    Args:
        segments: segments about to be deleted.

    Returns:
        Plain-English lines (theme placements and pinned quotes, question links, agreement
        codings, notes).
    """
    ids = [segment.id for segment in segments]
    lines = []
    links = db.session.execute(select(ThemeSegment.placed_by, ThemeSegment.quote_by,
                                      ThemeSegment.quote_rank, Theme.label)
                               .join(Theme, Theme.id == ThemeSegment.theme_id)
                               .where(ThemeSegment.segment_id.in_(ids))).all()
    pinned = [link.label for link in links
              if link.quote_by == BY_PERSON and link.quote_rank is not None]
    if pinned:
        lines.append(ngettext(
            "%(num)d quote pinned to a theme came from changed turns and was removed; "
            "check %(themes)s.",
            "%(num)d quotes pinned to themes came from changed turns and were removed; "
            "check %(themes)s.", len(pinned), themes=_names(pinned)))
    placed = [link.label for link in links if link.placed_by == BY_PERSON]
    if placed:
        lines.append(ngettext(
            "%(num)d segment people placed in a theme came from changed turns; its new text is "
            "in no theme until someone places it; check %(themes)s.",
            "%(num)d segments people placed in themes came from changed turns; their new text is "
            "in no theme until someone places it; check %(themes)s.",
            len(placed), themes=_names(placed)))
    ungrouped = db.session.scalar(select(func.count()).select_from(UngroupedSegment)
                                  .where(UngroupedSegment.segment_id.in_(ids))) or 0
    if ungrouped:
        lines.append(ngettext(
            "%(num)d segment people moved to \u2018Not grouped\u2019 came from changed turns; "
            "its new text may be grouped again.",
            "%(num)d segments people moved to \u2018Not grouped\u2019 came from changed turns; "
            "their new text may be grouped again.", ungrouped))
    lines += _questions_lost(segments)
    codings = db.session.scalar(select(func.count()).select_from(AgreementCode)
                                .where(AgreementCode.segment_id.in_(ids))) or 0
    items = db.session.scalar(select(func.count()).select_from(AgreementItem)
                              .where(AgreementItem.segment_id.in_(ids))) or 0
    if items:
        lines.append(ngettext(
            "%(num)d segment from changed turns left agreement samples, with %(codings)d "
            "coding of it.",
            "%(num)d segments from changed turns left agreement samples, with %(codings)d "
            "codings of them.", items, codings=codings))
    notes = db.session.scalar(select(func.count()).select_from(SegmentMemo)
                              .where(SegmentMemo.segment_id.in_(ids), SegmentMemo.text != "")) or 0
    if notes:
        lines.append(ngettext("%(num)d staff note on a segment from changed turns was removed.",
                              "%(num)d staff notes on segments from changed turns were removed.",
                              notes))
    return lines


def _questions_lost(segments: Sequence[Segment]) -> list[str]:
    """Question links people set on the segments themselves: the turn's own tag is not lost,
    its new segments take it again."""
    turns = {turn.id: turn.question_id for turn in db.session.scalars(
        select(Turn).where(Turn.id.in_({s.turn_id for s in segments if s.turn_id})))}
    lost = [s for s in segments if s.no_question
            or (s.question_id is not None and s.question_id != turns.get(s.turn_id or 0))]
    if not lost:
        return []
    numbers = {s.question_id for s in lost if s.question_id is not None}
    labels = sorted(q.label for q in db.session.scalars(
        select(Question).where(Question.id.in_(numbers))))
    none = any(s.no_question for s in lost)
    where = ", ".join(labels + (["\u2018answers none of the questions\u2019"] if none else []))
    return [ngettext(
        "%(num)d question link people confirmed came from changed turns and was reset; "
        "check %(where)s.",
        "%(num)d question links people confirmed came from changed turns and were reset; "
        "check %(where)s.", len(lost), where=where)]


def _names(labels: list[str]) -> str:
    return ", ".join(f"\u2018{label}\u2019" for label in dict.fromkeys(labels))
