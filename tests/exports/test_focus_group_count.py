"""The methods paragraph counted focus groups by their dates: two held the same day were
'one focus group (3 March 2026)', while the quotes and sources named both."""
from datetime import date

import pytest

from exports.services.drafts import current_draft, response_document
from exports.services.evidence import Evidence, methods_paragraph
from forum.extensions import db
from forum.models import (
    FocusGroupSession,
    Segment,
    SegmentSource,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.services.segments import text_hash


def _second_group(forum, held_on):
    session = FocusGroupSession(consultation=forum.consultation, title="Women's group",
                                held_on=held_on)
    transcript = Transcript(session=session, filename="women.txt",
                            status=TranscriptStatus.APPROVED)
    member = forum.members["Elm"]
    speaker = Speaker(transcript=transcript, label="Speaker 1", role=SpeakerRole.MEMBER,
                      member=member)
    words = "The women's centre was the only place that listened."
    turn = Turn(transcript=transcript, speaker=speaker, index=0, redacted_text=words)
    db.session.add_all([session, transcript, speaker, turn])
    db.session.flush()
    db.session.add(Segment(consultation_id=forum.consultation.id,
                           source_type=SegmentSource.TRANSCRIPT, source_id=transcript.id,
                           turn=turn, position=0, member=member,
                           question=forum.consultation.questions[0], text=words,
                           text_hash=text_hash(words)))
    db.session.commit()


def test_two_focus_groups_on_one_day_are_two(forum):
    _second_group(forum, date(2026, 3, 3))  # the same day as the first
    methods = response_document(current_draft(forum.consultation.id)).methods
    assert "told us in 2 focus groups (both on 3 March 2026)." in methods


def test_focus_groups_on_different_days_list_each_day(forum):
    _second_group(forum, date(2026, 3, 10))
    methods = response_document(current_draft(forum.consultation.id)).methods
    assert "told us in 2 focus groups (3 March 2026 and 10 March 2026)." in methods


@pytest.mark.parametrize("days, words", [
    ([3], "one focus group (3 March 2026)"),
    ([3, 3, 3], "3 focus groups (all on 3 March 2026)"),
    ([3, 3, 10], "3 focus groups (2 on 3 March 2026 and one on 10 March 2026)"),
    ([3, 4, 10], "3 focus groups (3 March 2026, 4 March 2026 and 10 March 2026)"),
])
def test_the_days_are_said_with_the_count(app, days, words):
    evidence = Evidence(members=[object()] * 4,
                        focus_group_dates=[date(2026, 3, d) for d in days],
                        survey_responses=0, segments=[])
    assert f"told us in {words}." in methods_paragraph(evidence)
