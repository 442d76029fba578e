"""Free-text survey answers become redacted segments, once each."""
from datetime import UTC, datetime

from analysis.services.answers import build_answer_segments
from forum.access import Role
from forum.extensions import db
from forum.models import Segment, SegmentSource
from forum.services.segments import usable_segments
from surveys.services import FreeTextAnswer, free_text_answers


def answer(answer_id, text, member_id=None):
    return FreeTextAnswer(answer_id=answer_id, response_id=1, member_id=member_id,
                          consultation_question_id=None, text=text,
                          created_at=datetime.now(UTC), source="survey")


def test_answers_are_redacted_split_and_segmented_once(app, demo):
    answers = [answer(9001, "Ring my worker Mr Okafor on 07700 900123. He sorted my housing."),
               answer(9002, "I thought about ending it when they sent me back to the hostel.")]
    assert build_answer_segments(1, answers) >= 2
    texts = [s.text
             for s in db.session.scalars(db.select(Segment).where(Segment.answer_id >= 9001))]
    assert texts and all("07700 900123" not in t and "Okafor" not in t for t in texts)
    held = db.session.scalar(db.select(Segment).where(Segment.answer_id == 9002))
    assert held.held and held not in usable_segments(1)
    # Machine redaction only: nothing is analysed until a person has checked it.
    new = db.session.scalars(db.select(Segment).where(Segment.answer_id >= 9001)).all()
    assert all(s.needs_review for s in new) and not set(new) & set(usable_segments(1))
    assert build_answer_segments(1, answers) == 0


def test_new_answer_segments_are_embedded_straight_away(app, demo):
    from analysis.models import SegmentEmbedding

    build_answer_segments(1,
                          [answer(9003, "The probation office moved and I missed my appointment.")])
    hashes = set(db.session.scalars(db.select(Segment.text_hash).where(Segment.answer_id >= 9003)))
    assert hashes and hashes <= set(db.session.scalars(db.select(SegmentEmbedding.text_hash)))


def test_officer_prepares_the_demo_survey_answers(auth, demo):
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post("/consultations/1/answers/segment")
    assert response.status_code == 302
    page = auth.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "New survey answers are having personal details taken out, ready for analysis." in page
    segments = db.session.scalars(
        db.select(Segment).where(Segment.source_type == SegmentSource.SURVEY)).all()
    assert len({s.answer_id for s in segments}) == len(free_text_answers(1))
    assert all(s.question_id for s in segments)
    assert any(s.member_id for s in segments) and any(s.member_id is None for s in segments)
