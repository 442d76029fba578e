"""A document's preamble ("About this plan", "Introduction") is no confident answer to Q1."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import SegmentQuestionMap
from analysis.services.question_map import CHECK_BELOW, refresh_mapping
from forum.extensions import db
from forum.models import Segment, SegmentSource


def test_the_demo_plans_about_sections_say_check(app, demo):
    # Eastbrook's "About this plan" was mapped to Q1 at 89%, with no "Check".
    from analysis.views.document_demo import load_demo_documents

    assert load_demo_documents()["documents"] == 3
    consultation_id = db.session.scalar(select(Segment.consultation_id).where(
        Segment.source_type == SegmentSource.DOCUMENT).limit(1))
    refresh_mapping(consultation_id)
    db.session.commit()
    intros = list(db.session.scalars(select(Segment).where(
        Segment.source_type == SegmentSource.DOCUMENT,
        Segment.text.contains("About this plan") | Segment.text.contains("\nIntroduction"))))
    assert len(intros) == 2
    for segment in intros:
        mapped = db.session.scalar(select(SegmentQuestionMap).where(
            SegmentQuestionMap.segment_id == segment.id))
        assert mapped is None or mapped.question_id is None or (
            mapped.confidence < CHECK_BELOW), (segment.text[:60], mapped.confidence)
