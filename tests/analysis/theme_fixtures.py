"""Theme fixtures (imported by conftests): the demo consultation with invented forum segments."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from analysis.models.themes import AnalysisRun
from forum.extensions import db
from forum.models import Consultation, Member, Segment, SegmentSource
from forum.services.segments import text_hash
from tests.analysis.core.themes.forum_fixture import TOPICS
from tests.snapshots import cached_step, known_step


def add_segments(consultation_id: int) -> list[Segment]:
    """The forum fixture's segments, spoken by the demo members who take part."""
    members = [m for m in db.session.scalars(select(Member).order_by(Member.id)) if m.takes_part]
    rows = []
    for said in TOPICS.values():
        for member, source, text in said:
            kind, _, number = source.partition(":")
            rows.append(Segment(
                consultation_id=consultation_id,
                source_type=SegmentSource.TRANSCRIPT if kind == "transcript"
                else SegmentSource.SURVEY,
                source_id=int(number or 1), position=len(rows),
                member_id=members[member % len(members)].id, text=text, text_hash=text_hash(text)))
    db.session.add_all(rows)
    db.session.commit()
    return rows


@pytest.fixture
def consultation(demo):
    return db.session.scalar(select(Consultation).order_by(Consultation.id).limit(1))


@pytest.fixture
def forum_rows(app, consultation):
    return known_step(app, "forum_rows", lambda: add_segments(consultation.id))


@pytest.fixture
def analysed(app, consultation, forum_rows):
    """The consultation after one analysis run (jobs run inline with the fakes).

    Built once per process and put back for later tests (tests/snapshots.py).
    """
    from analysis.services.themes import start_run

    def run() -> int:
        return db.session.merge(start_run(consultation.id, None)).id

    run_id = cached_step(app, "analysed", run)
    return db.session.get(AnalysisRun, run_id)
