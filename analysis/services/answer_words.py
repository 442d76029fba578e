"""What redaction took out of survey and CSV answers, as (the words, the label they became).

A transcript's redactions are kept as offsets into its turns (``forum.models.Redaction``);
an answer's are not kept at all: the machine's and the reviewer's redactions are only seen in
the answer's segments, where "[label]" stands in the words of the answer as given. Lining the
segments up with the answer finds them again, so staff memos lose words redacted from answers
by the same rule as words redacted from transcripts (``memos.redacted_words``,
``segment_resets.words_leave_staff_text``). Words only taken out, with no label in their
place, are not redactions (a reviewer may trim filler) and are not looked for elsewhere.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import Select, and_, or_, select

from analysis.services.answers import SOURCES
from forum.extensions import db
from forum.models import Segment, SegmentSource

_LABEL = re.compile(r"\[([^\[\]]{1,30})\]")
_TOKEN = re.compile(r"\[[^\[\]]{1,30}\]|[^\W_]+(?:['\u2019][^\W_]+)*|[^\w\s]", re.UNICODE)


def taken_from_answer(original: str, redacted: str) -> list[tuple[str, str]]:
    """The words of an answer that its redacted text has a label in place of.

    Args:
        original: the answer as the participant gave it.
        redacted: its redacted text (its segments' texts, in order, joined by spaces).

    Returns:
        (the words as given, the label) for each label standing in for words, in order.
    """
    if "[" not in redacted:
        return []
    said = list(_TOKEN.finditer(original))
    kept = _TOKEN.findall(redacted)
    found: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, [m.group().lower() for m in said],
                              [token.lower() for token in kept], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        labels = [label for token in kept[j1:j2] if (label := _label(token))]
        if op != "replace" or not labels:
            continue
        words = original[said[i1].start():said[i2 - 1].end()].strip()
        if words and not _label(words):
            found.append((words, labels[0]))
    return found


def answer_redacted_words(consultation_id: int) -> list[tuple[str, str]]:
    """Args: a consultation id. Returns: (the words as given, the label) for every label in
    the consultation's answer segments, while the answers are still held.

    Only answers with a label-like "[" in a segment are read (their segments and their text),
    not every answer of the consultation: saving a memo reads this each time."""
    from surveys.services import free_text_answers

    kinds = {source: name for name, source in SOURCES.items()}
    labelled = {name: _labelled(consultation_id, source) for name, source in SOURCES.items()}
    texts: dict[tuple[str, int | None], list[str]] = {}
    for source, answer_id, text in db.session.execute(
            select(Segment.source_type, Segment.answer_id, Segment.text).where(
                Segment.consultation_id == consultation_id,
                or_(*(and_(Segment.source_type == SOURCES[name], Segment.answer_id.in_(ids))
                      for name, ids in labelled.items())))
            .order_by(Segment.answer_id, Segment.position)):
        texts.setdefault((kinds[source], answer_id), []).append(text)
    if not texts:
        return []
    found: dict[tuple[str, str], None] = {}
    for answer in free_text_answers(consultation_id, among=labelled):
        parts = texts.get((answer.source, answer.answer_id))
        if parts:
            found.update(dict.fromkeys(taken_from_answer(answer.text, " ".join(parts))))
    return list(found)


def _labelled(consultation_id: int, source: SegmentSource) -> Select[Any]:
    """The ids of the consultation's answers from this source with a "[" in a segment."""
    return select(Segment.answer_id).where(
        Segment.consultation_id == consultation_id, Segment.source_type == source,
        Segment.answer_id.is_not(None), Segment.text.contains("["))


def _label(token: str) -> str | None:
    match = _LABEL.fullmatch(token)
    return match.group(1) if match else None
