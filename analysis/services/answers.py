"""Free-text survey and CSV answers become redacted segments (surveys never see analysis)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import select

from forum.extensions import db
from forum.models import Segment, SegmentSource
from forum.services.segments import text_hash

if TYPE_CHECKING:
    from spacy.language import Language

    from surveys.services.answers import FreeTextAnswer

SOURCES = {"survey": SegmentSource.SURVEY, "csv_import": SegmentSource.CSV_IMPORT}
# An answer longer than this many segments is cut: it is an essay, not an answer.
PARTS = 100


def build_answer_segments(consultation_id: int, answers: Iterable[FreeTextAnswer],
                          nlp: Language | None = None) -> int:
    """Redact and split every answer not yet segmented.

    Every proposed redaction is applied; each segment then waits for a person to check
    it (``analysis.services.answer_review``), and answers that suggest risk are also held.

    Args:
        consultation_id: the consultation.
        answers: ``surveys.services.free_text_answers(consultation_id)`` rows.
        nlp: a loaded spaCy pipeline (None loads the default once).

    Returns:
        The number of segments created.
    """
    from analysis.core.nlp import load_nlp
    from analysis.core.redact import apply_redactions, find_personal_data
    from analysis.core.safeguarding import find_risks
    from analysis.core.segmenting import split_into_segments

    done = {(s.source_type, s.answer_id) for s in db.session.scalars(
        select(Segment).where(Segment.consultation_id == consultation_id,
                              Segment.source_type.in_(list(SOURCES.values()))))}
    nlp = nlp or load_nlp()
    created = 0
    for answer in answers:
        source = SOURCES[answer.source]
        if (source, answer.answer_id) in done:
            continue
        redacted = apply_redactions(answer.text, find_personal_data(answer.text, nlp=nlp))
        held = bool(find_risks(answer.text))
        for part, text in enumerate(split_into_segments(redacted)[:PARTS]):
            db.session.add(Segment(
                consultation_id=consultation_id, source_type=source, source_id=answer.response_id,
                answer_id=answer.answer_id, position=part, member_id=answer.member_id,
                question_id=answer.consultation_question_id, text=text, text_hash=text_hash(text),
                held=held, risk_flagged=held, needs_review=True))
            created += 1
    db.session.commit()
    if created:
        from analysis.services.embeddings import queue_embedding

        queue_embedding(consultation_id)
    return created
