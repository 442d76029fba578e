"""Recounting themes (after a safeguarding flag, in that request) reads the usable segments as
plain rows without their text: the same segments, members, sources and groups as before."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import event, select

from analysis.services.inputs import counting_inputs, segment_inputs
from analysis.services.theme_store import refresh_stats
from forum.extensions import db
from forum.models import Member, Segment
from forum.services.segments import usable_segments


def test_counting_inputs_are_the_usable_segments_without_text(app, analysed, consultation):
    segments = list(db.session.scalars(select(Segment).where(
        Segment.consultation_id == consultation.id).order_by(Segment.id)))
    segments[0].held = True
    segments[1].needs_review = True
    member = db.session.get(Member, next(s.member_id for s in segments[2:] if s.member_id))
    member.consent.withdrawn = True  # no longer takes part
    db.session.commit()
    expected = [replace(s, text="", text_hash="")
                for s in segment_inputs(usable_segments(consultation.id))]
    assert counting_inputs(consultation.id) == expected
    assert len(expected) < len(segments) and any(s.group for s in expected)


def test_recounting_themes_loads_no_segment_objects(app, analysed, consultation):
    loaded, consultation_id = [], consultation.id

    def on_load(target, _context):
        loaded.append(target)

    db.session.expunge_all()
    event.listen(Segment, "load", on_load)
    try:
        refresh_stats(consultation_id)
    finally:
        event.remove(Segment, "load", on_load)
    db.session.rollback()
    assert loaded == []
