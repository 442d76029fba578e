"""The segments version (forum.models.segment_versions) changes when what search by meaning keeps
of a consultation's segments changes, only then, and goes with its consultation."""
from __future__ import annotations

from sqlalchemy import delete, insert, select, text, update

from forum.extensions import db
from forum.models import Consultation, Segment, SegmentSource, SegmentVersion
from forum.models.segment_versions import segments_version
from forum.services.segments import text_hash


def _consultation(title: str = "Housing") -> int:
    consultation = Consultation(title=title, consulting_body="Council")
    db.session.add(consultation)
    db.session.commit()
    return consultation.id


def _add_segments(consultation_id: int, *texts: str) -> None:
    db.session.execute(insert(Segment), [
        {"consultation_id": consultation_id, "source_type": SegmentSource.DOCUMENT,
         "source_id": 1, "position": n, "text": words, "text_hash": text_hash(words)}
        for n, words in enumerate(texts)])
    db.session.commit()


def _version(consultation_id: int) -> int:
    return segments_version(db.session.connection(), consultation_id)


def _after(consultation_id: int, statement) -> int:
    before = _version(consultation_id)
    db.session.execute(statement)
    db.session.commit()
    return _version(consultation_id) - before


def test_holding_segments_leaves_the_version_and_a_text_edit_changes_it(app):
    consultation_id = _consultation()
    _add_segments(consultation_id, "The hostel was cold.", "My worker listened.")
    ours = Segment.consultation_id == consultation_id
    assert _after(consultation_id, update(Segment).where(ours).values(held=True)) == 0
    assert _after(consultation_id, update(Segment).where(ours).values(quote_cleared=True)) == 0
    same = update(Segment).where(ours).values(text_hash=Segment.text_hash)  # set, not changed
    assert _after(consultation_id, same) == 0
    edited = "The hostel was cold in winter."
    first = db.session.scalar(select(Segment.id).where(ours).order_by(Segment.id).limit(1))
    assert _after(consultation_id, update(Segment).where(Segment.id == first).values(
        text=edited, text_hash=text_hash(edited))) > 0


def test_moving_a_segment_changes_both_consultations_versions(app):
    one, two = _consultation("One"), _consultation("Two")
    _add_segments(one, "Moved.")
    before = (_version(one), _version(two))
    db.session.execute(update(Segment).where(Segment.consultation_id == one)
                       .values(consultation_id=two))
    db.session.commit()
    assert _version(one) > before[0] and _version(two) > before[1]


def test_a_deleted_consultation_takes_its_version_with_it(app):
    kept, gone = _consultation("Kept"), _consultation("Gone")
    _add_segments(kept, "Still here.")
    _add_segments(gone, "Deleted with its consultation.", "Me too.")
    assert _version(gone) > 0
    db.session.execute(delete(Consultation).where(Consultation.id == gone))  # cascades
    db.session.commit()
    assert db.session.scalars(select(SegmentVersion.consultation_id)).all() == [kept]


def test_a_consultation_deleted_through_the_orm_takes_its_version_with_it(app):
    gone = _consultation("Gone")
    _add_segments(gone, "Deleted with its consultation.")
    db.session.delete(db.session.get(Consultation, gone))
    db.session.commit()
    assert db.session.scalar(text("SELECT count(*) FROM segment_versions")) == 0
