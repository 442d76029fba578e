"""Labels a memo gets for words only a suggestion nobody has reviewed yet takes out, and the
words put back when the suggestion is rejected.

A memo loses the words of a pending suggestion when it is saved (``memos.redacted_words``):
the safer side. Rejected, the suggestion is not a redaction, and the label it left was the
analyst's words lost. Each such label's place and suggestion is kept (``MemoHeldLabel``, never
the words: they are read back from the turn, which holds them until it is purged); on
rejection the words go back in, as the memo had them (lower or upper case kept), while the
memo is unchanged since (its hash) and no redaction kept still takes them out. A memo edited
after keeps its labels: the person saw them and saved them as their own text.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import ColumnElement, delete, select

from analysis.models import MemoHeldLabel, SegmentMemo, Theme
from analysis.services.theme_words import (
    Patterns,
    name_words,
    scrub_pieces,
    word_patterns,
)
from forum.extensions import db
from forum.models import Redaction, RedactionStatus, Turn
from forum.services.segments import text_hash


class Held(NamedTuple):
    """A label put in a memo for words only a pending suggestion takes out."""

    position: int
    redaction_id: int
    word: int
    case: str


def labelled(text: str, taken: Sequence[tuple[str, str]],
             pending: dict[tuple[str, str], int]) -> tuple[str, list[Held]]:
    """The memo with ``[label]`` for the words, and the labels only pending suggestions put in.

    Args:
        text: the memo as typed.
        taken: (the words as said, the label) of every redaction in scope.
        pending: {(words, label): a pending suggestion's id} for those only such suggestions
            take out.

    Returns:
        The memo as kept, and a ``Held`` for each label a rejection would take back out.
    """
    patterns, sources = [], []
    for words, label in taken:
        for word, (pattern, _label) in enumerate(word_patterns([(words, label)])):
            patterns.append((pattern, label))
            sources.append((pending.get((words, label)), word))
    out, held = "", []
    for piece in scrub_pieces(text, patterns):
        if isinstance(piece, str):
            out += piece
            continue
        label, index, said = piece
        redaction_id, word = sources[index]
        if redaction_id is not None:
            held.append(Held(len(out), redaction_id, word, _case(said)))
        out += f"[{label}]"
    return out, held


def keep_held(held: list[Held], text: str, theme: Theme | None = None,
              memo: SegmentMemo | None = None) -> None:
    """Replace what is kept of a memo's pending labels (saved anew: only its new ones count).
    The caller commits."""
    column = MemoHeldLabel.theme_id if theme is not None else MemoHeldLabel.segment_id
    owner = theme.id if theme is not None else memo.segment_id if memo is not None else None
    if owner is None:
        return
    db.session.execute(delete(MemoHeldLabel).where(column == owner))
    digest = text_hash(text)
    for item in held:
        db.session.add(MemoHeldLabel(
            theme_id=theme.id if theme is not None else None,
            segment_id=None if theme is not None else owner, redaction_id=item.redaction_id,
            position=item.position, word=item.word, case=item.case, memo_hash=digest))


def put_back_rejected(redaction_ids: Sequence[int],
                      taken: Sequence[tuple[str, str]]) -> int:
    """Put back in memos the words of suggestions just rejected. The caller commits.

    Args:
        redaction_ids: the suggestions just rejected.
        taken: ``memos.redacted_words`` now: words still redacted stay out.

    Returns:
        How many memos changed.
    """
    if not redaction_ids:
        return 0
    rows = list(db.session.scalars(select(MemoHeldLabel).where(
        MemoHeldLabel.redaction_id.in_(list(redaction_ids)))))
    if not rows:
        return 0
    still = word_patterns(taken)
    changed = 0
    for theme_id in {row.theme_id for row in rows if row.theme_id is not None}:
        theme = db.session.get(Theme, theme_id)
        if theme is not None and (text := _put_back(
                theme.memo or "", MemoHeldLabel.theme_id == theme.id, still)) is not None:
            theme.memo, changed = text, changed + 1
    for segment_id in {row.segment_id for row in rows if row.segment_id is not None}:
        memo = db.session.get(SegmentMemo, segment_id)
        if memo is not None and (text := _put_back(
                memo.text or "", MemoHeldLabel.segment_id == memo.segment_id, still)) is not None:
            memo.text, changed = text, changed + 1
    return changed


def _put_back(text: str, mine: ColumnElement[bool], still: Patterns) -> str | None:
    """One memo's rejected labels replaced by the words, from the last back.

    Args:
        text: the memo as it is.
        mine: the condition on ``MemoHeldLabel`` of this memo's labels.
        still: ``word_patterns`` of the words still redacted.

    Returns:
        The memo with the words back, or None when nothing changed.
    """
    rows = list(db.session.scalars(select(MemoHeldLabel).where(mine)
                                   .order_by(MemoHeldLabel.position.desc())))
    if any(row.memo_hash != text_hash(text) for row in rows):
        for row in rows:  # changed since: its labels are the person's text now
            db.session.delete(row)
        return None
    before, kept = text, []
    for row in rows:
        redaction = db.session.get(Redaction, row.redaction_id)
        if redaction is not None and redaction.status != RedactionStatus.REJECTED:
            kept.append(row)  # still waiting (or accepted): the label stays for now
            continue
        db.session.delete(row)
        words = _words_back(redaction, row) if redaction is not None else None
        label = f"[{redaction.label}]" if redaction is not None else ""
        if words is None or text[row.position:row.position + len(label)] != label:
            continue
        back = text[:row.position] + words + text[row.position + len(label):]
        if _taken_there(back, row.position, row.position + len(words), still):
            continue  # another redaction takes them out, alone or with the words around them
        text = back
        for later in kept:
            later.position += len(words) - len(label)
    for row in kept:
        row.memo_hash = text_hash(text)
    return text if text != before else None


def _taken_there(text: str, start: int, end: int, still: Patterns) -> bool:
    """Whether a redaction kept takes out any of ``text[start:end]`` where it stands: the words
    alone ("Hartley") or with those around them ("Hartley's", "Hartley's brother Tom")."""
    at = 0
    for piece in scrub_pieces(text, still):
        if isinstance(piece, str):
            at += len(piece)
            continue
        said = piece[2]
        if at < end and start < at + len(said):
            return True
        at += len(said)
    return False


def _words_back(redaction: Redaction, row: MemoHeldLabel) -> str | None:
    """The words the label stands for, from the turn, in the memo's case."""
    original = db.session.scalar(select(Turn.original_text).where(Turn.id == redaction.turn_id))
    said = name_words((original or "")[redaction.start:redaction.end])
    if not original or row.word >= len(said):
        return None
    word = said[row.word]
    if "[" in word or "]" in word:  # a label or "[erased member]" (erasure) is no one's words
        return None
    return word.lower() if row.case == "lower" else word.upper() if row.case == "upper" else word


def _case(said: str) -> str:
    if said.islower():
        return "lower"
    return "upper" if said.isupper() and len(said) > 1 else ""

