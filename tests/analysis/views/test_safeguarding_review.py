"""Issue 12 item 1: one safeguarding rule for transcripts and survey answers.

A review records who, when, what was done and a note, and is audited; reviewed words
are analysed, quoted only after a separate deliberate choice, never picked by machine.
"""
from analysis.services.answers import build_answer_segments
from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent, SafeguardingReview, Segment
from forum.services.segments import (
    auto_quotable_segments,
    may_auto_pin,
    quotable_segments,
    safeguarding_warning,
    usable_segments,
)
from tests.analysis.views.test_answer_review import _answer
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _flagged(auth, transcript):
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    return transcript.turns[3]  # "I thought about ending it"


def _words(consultation_id, rows):
    return [s for s in rows(consultation_id) if "ending it" in s.text]


def test_issue12_item1_one_click_does_not_release_a_flag(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    turn = _flagged(auth, transcript)
    response = auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/risk",
                                data={"action": "review"})
    assert response.status_code == 400
    assert "Choose what was done" in response.get_data(as_text=True)
    missing_note = auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding",
                                    data={"action": "review", "outcome": "not_a_risk",
                                          "note": "  "})
    assert "Write a note" in missing_note.get_data(as_text=True)
    db.session.expire_all()
    assert turn.held and not _words(transcript.session.consultation_id, usable_segments)
    assert db.session.scalar(db.select(db.func.count(SafeguardingReview.id))) == 0


def test_issue12_item1_review_records_who_when_what_and_is_audited(auth, uploaded, users):
    transcript, _dave, _marcia = uploaded
    turn = _flagged(auth, transcript)
    page = auth.client.get(
        f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding").get_data(as_text=True)
    assert "Spoke to the member" in page and "Not a risk" in page and "Referred on" in page
    response = auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding", data={
        "action": "review", "outcome": "referred",
        "note": "Passed to the safeguarding lead at 3pm"})
    assert response.status_code == 302
    review = db.session.scalar(db.select(SafeguardingReview))
    assert review.turn_id == turn.id and review.outcome == "referred"
    assert review.reviewed_by_id == users[Role.FACILITATOR].id and review.reviewed_at
    assert review.note == "Passed to the safeguarding lead at 3pm"
    event = db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "safeguarding_reviewed"))
    assert event.object_id == turn.id and event.detail == {"outcome": "referred"}
    consultation_id = transcript.session.consultation_id
    assert _words(consultation_id, usable_segments), "a reviewed turn is analysed"
    assert not _words(consultation_id, quotable_segments), "but not quotable without a choice"
    page = auth.client.get(
        f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding").get_data(as_text=True)
    assert "Passed to the safeguarding lead" in page


def test_issue12_item1_quoting_is_a_separate_deliberate_choice_never_auto_pinned(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    turn = _flagged(auth, transcript)
    url = f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding"
    early = auth.client.post(url, data={"action": "allow_quoting", "deliberate": "yes"})
    assert "Review the safeguarding flag before" in early.get_data(as_text=True)
    auth.client.post(url,
        data={"action": "review", "outcome": "spoke_to_member", "note": "Talked; happy"})
    unticked = auth.client.post(url, data={"action": "allow_quoting"})
    assert unticked.status_code == 400 and "Tick the box" in unticked.get_data(as_text=True)
    consultation_id = transcript.session.consultation_id
    assert not _words(consultation_id, quotable_segments)
    assert auth.client.post(url,
        data={"action": "allow_quoting", "deliberate": "yes"}).status_code == 302
    quotable = _words(consultation_id, quotable_segments)
    assert quotable and not any(may_auto_pin(s) for s in quotable)
    assert all(safeguarding_warning(s) for s in quotable)
    assert db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "safeguarding_quote_allowed"))
    picks = {s.id for s in auto_quotable_segments(consultation_id)}
    assert not {s.id for s in quotable} & picks, "the model's own quote picks include flagged words"


def test_issue12_item1_survey_answers_follow_the_same_rule(auth, app, demo):
    build_answer_segments(1,
        [_answer(9102, "I thought about ending it when they sent me back there.", 1)])
    risky = db.session.scalar(db.select(Segment).where(Segment.answer_id == 9102))
    assert risky.held and risky.risk_flagged
    auth.login(Role.FACILITATOR)
    url = f"/consultations/1/answers/{risky.id}/review"
    no_outcome = auth.client.post(url,
                                  data={"action": "use", "text": risky.text, "note": "Rang them"})
    assert no_outcome.status_code == 400
    assert "Choose what was done" in no_outcome.get_data(as_text=True)
    db.session.expire_all()
    assert risky.needs_review and risky.held
    auth.client.post(url, data={"action": "use", "text": risky.text, "outcome": "spoke_to_member",
                                "note": "Rang them the same day"})
    db.session.expire_all()
    review = db.session.scalar(
        db.select(SafeguardingReview).where(SafeguardingReview.segment_id == risky.id))
    assert review and review.outcome == "spoke_to_member"
    assert risky in usable_segments(1) and risky not in quotable_segments(1)
    assert db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "safeguarding_reviewed"))
