"""A job that read a segment's text before its words were redacted does not store its vector.

Words redacted after approval delete the segment and its stored vector (``forget_unused``).
A background job embedding that text read it before, and stored the vector after: the old
words' vector stayed, held by no segment. Here the redaction happens while the job embeds.
"""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import SegmentEmbedding
from analysis.services.embed_batches import _embed
from analysis.services.embeddings import embed_new_segments
from analysis.services.segment_resets import withdraw
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services.segments import text_hash
from tests.analysis.fakes import FakeEmbedder

SAID = "I lived at Larkspur House before my release and the housing officer knew it."
KEPT = "The hostel staff helped me find a flat after my release."


class RedactedMeanwhile(FakeEmbedder):
    """Embeds as the fake does; on its first call, the segment is withdrawn and committed,
    as a person redacting its words in another request would."""

    def __init__(self, segment_id: int) -> None:
        super().__init__()
        self.segment_id: int | None = segment_id

    def encode(self, texts):
        if self.segment_id is not None:
            withdraw([db.session.get(Segment, self.segment_id)])
            db.session.commit()
            self.segment_id = None
        return super().encode(texts)


def _segments(consultation):
    member = db.session.scalar(select(Member).where(Member.pseudonym == "Kestrel"))
    rows = [Segment(consultation_id=consultation.id, source_type=SegmentSource.TRANSCRIPT,
                    source_id=91, position=i, member_id=member.id, text=text,
                    text_hash=text_hash(text)) for i, text in enumerate((SAID, KEPT))]
    db.session.add_all(rows)
    db.session.commit()
    return rows[0].id


def _stored() -> set[str]:
    db.session.expire_all()
    return set(db.session.scalars(select(SegmentEmbedding.text_hash)))


def test_the_embedding_job_does_not_store_a_vector_of_words_redacted_meanwhile(consultation):
    withdrawn = _segments(consultation)
    embed_new_segments(consultation.id, RedactedMeanwhile(withdrawn))
    assert db.session.get(Segment, withdrawn) is None
    assert text_hash(SAID) not in _stored()
    assert text_hash(KEPT) in _stored()  # a text still said keeps its vector


def test_an_embedding_batch_does_not_store_a_vector_of_words_redacted_meanwhile(consultation):
    withdrawn = _segments(consultation)
    _embed(consultation.id, [text_hash(SAID), text_hash(KEPT)], RedactedMeanwhile(withdrawn))
    assert text_hash(SAID) not in _stored()
    assert text_hash(KEPT) in _stored()
