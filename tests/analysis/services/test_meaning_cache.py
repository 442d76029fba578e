"""Search by meaning reads a consultation's (id, text hash) rows once, and again only after its
segments changed, whoever changed them (the ORM, a bulk statement, a cascade)."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select, text, update

from analysis.services import meaning
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.models.segment_versions import segments_version
from forum.services.segments import text_hash

QUERY = "what did members say about breach?"


@pytest.fixture
def reads(monkeypatch):
    """How many times the rows were read from the database."""
    count = []
    real = meaning._read_segment_hashes

    def counted(consultation_id):
        count.append(consultation_id)
        return real(consultation_id)

    monkeypatch.setattr(meaning, "_read_segment_hashes", counted)
    meaning._hashes.clear()
    return count


def search(app, consultation_id):
    from analysis.services.embeddings import EMBEDDER_KEY

    return meaning.meaning_similarities(consultation_id, QUERY, app.extensions[EMBEDDER_KEY])


def version(consultation_id):
    return segments_version(db.session.connection(), consultation_id)


def test_rows_are_read_once_while_nothing_changes(app, analysed, consultation, reads):
    first = search(app, consultation.id)
    assert first and search(app, consultation.id) == first
    assert reads == [consultation.id]


def test_a_deleted_segment_leaves_the_results_at_once(app, analysed, consultation, reads):
    hit = max(found := search(app, consultation.id), key=found.get)
    db.session.execute(delete(Segment).where(Segment.id == hit))
    db.session.commit()
    assert hit not in search(app, consultation.id)
    assert len(reads) == 2


def test_every_kind_of_write_changes_the_version(app, analysed, consultation):
    seen = [version(consultation.id)]

    def changed():
        db.session.commit()
        seen.append(version(consultation.id))
        return seen[-1] != seen[-2]

    segment = db.session.scalar(select(Segment).where(Segment.consultation_id == consultation.id)
                                .order_by(Segment.id).limit(1))
    segment.text = "Edited by a person checking an answer."
    segment.text_hash = text_hash(segment.text)
    assert changed()
    db.session.execute(insert(Segment).values(  # a bulk statement, not the ORM
        consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT, source_id=1,
        position=0, text="A new passage.", text_hash=text_hash("A new passage.")))
    assert changed()
    db.session.execute(update(Segment).where(Segment.id == segment.id).values(held=True))
    assert not changed()  # holding a segment leaves what search keeps as it was
    member_id = db.session.scalar(select(Segment.member_id).where(
        Segment.consultation_id == consultation.id, Segment.member_id.is_not(None)).limit(1))
    db.session.execute(text("DELETE FROM members WHERE id = :m"), {"m": member_id})  # cascade
    assert changed()
    assert db.session.get(Member, member_id) is None
