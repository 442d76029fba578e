"""Facilitators check machine-redacted survey answers before analysis or quoting uses them."""
from datetime import UTC, datetime

import pytest
from markupsafe import escape

from analysis.services.answers import build_answer_segments
from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent, Segment
from forum.services.segments import quotable_segments, usable_segments
from surveys.services import FreeTextAnswer, free_text_answers


def _answer(answer_id, text, member_id=None):
    return FreeTextAnswer(answer_id=answer_id, response_id=1, member_id=member_id,
                          consultation_question_id=None, text=text,
                          created_at=datetime.now(UTC), source="survey")


@pytest.fixture
def waiting(app, demo):
    """The demo's survey answers redacted by machine, and one answer suggesting risk (held)."""
    build_answer_segments(1, free_text_answers(1))
    build_answer_segments(1,
        [_answer(9102, "I thought about ending it when they sent me back there.")])
    ordinary = db.session.scalar(db.select(Segment).where(
        Segment.needs_review.is_(True), Segment.held.is_(False)).order_by(Segment.id))
    risky = db.session.scalar(db.select(Segment).where(Segment.answer_id == 9102))
    return ordinary, risky


def _decide(auth, segment, **form):
    return auth.client.post(f"/consultations/1/answers/{segment.id}/review",
                            data=form)


def test_the_page_shows_the_original_beside_the_redacted_text(auth, waiting):
    ordinary, _ = waiting
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/consultations/1/answers/review").data.decode()
    original = next(a.text for a in free_text_answers(1) if a.answer_id == ordinary.answer_id)
    assert str(escape(original)) in html                  # as written, for facilitators
    assert str(escape(ordinary.text)) in html
    assert "may be at risk" in html
    page = auth.client.get("/consultations/1").data.decode()
    assert "/consultations/1/answers/review" in page and "before they are analysed" in page


def test_a_checked_answer_with_a_missed_detail_taken_out_becomes_usable(auth, waiting):
    ordinary, _ = waiting
    auth.login(Role.FACILITATOR)
    edited = ordinary.text + " [place]"
    response = _decide(auth, ordinary, action="use", text=edited)
    assert response.status_code == 302
    db.session.refresh(ordinary)
    assert ordinary.text == edited and not ordinary.needs_review and ordinary.reviewed_by_id
    assert ordinary in usable_segments(1)
    event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "answer_checked"))
    assert event.object_id == ordinary.id and event.detail["edited"] is True


def test_an_empty_text_is_refused_and_what_was_typed_kept(auth, waiting):
    ordinary, _ = waiting
    auth.login(Role.FACILITATOR)
    response = _decide(auth, ordinary, action="use", text="   ")
    assert response.status_code == 400
    assert "Enter the answer" in response.data.decode()
    db.session.refresh(ordinary)
    assert ordinary.needs_review and ordinary not in usable_segments(1)


def test_a_held_answer_stays_held_unless_the_hold_is_released(auth, waiting):
    _, risky = waiting
    auth.login(Role.FACILITATOR)
    _decide(auth, risky, action="use", text=risky.text)
    db.session.refresh(risky)
    assert not risky.needs_review and risky.held and risky not in usable_segments(1)


def test_releasing_the_hold_after_checking_makes_it_usable(auth, waiting):
    _, risky = waiting
    auth.login(Role.FACILITATOR)
    _decide(auth, risky, action="use", text=risky.text, outcome="referred", note="Told the lead")
    db.session.refresh(risky)
    assert not risky.held and risky in usable_segments(1)


def test_leaving_out_keeps_it_from_analysis_and_quotes(auth, waiting):
    ordinary, _ = waiting
    auth.login(Role.FACILITATOR)
    _decide(auth, ordinary, action="leave_out")
    db.session.refresh(ordinary)
    assert ordinary.held and not ordinary.needs_review
    assert ordinary not in usable_segments(1) and ordinary not in quotable_segments(1)


def test_hostile_text_is_shown_escaped(auth, app, demo):
    build_answer_segments(1, [_answer(9103, "<script>alert(1)</script> they never listened")])
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/consultations/1/answers/review").data.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_each_answer_names_its_survey_question_and_consultation_question(auth, waiting):
    from surveys.services import answer_places

    ordinary, _ = waiting
    place = answer_places(1)[("survey", ordinary.answer_id)]
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/consultations/1/answers/review").data.decode()
    heading = f"survey question {place.position}, answering consultation {ordinary.question.label}"
    assert heading in html
    assert f"question {place.position}: {escape(place.question_text)}" in html


def test_a_risk_answer_shows_the_tablet_and_the_time_to_follow_it_up(auth, waiting):
    from surveys.services import answer_places

    ordinary, _ = waiting
    ordinary.held = True
    db.session.commit()
    place = answer_places(1)[("survey", ordinary.answer_id)]
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/consultations/1/answers/review").data.decode()
    when = place.answered_at.strftime("%H:%M on %-d %B %Y")
    assert place.device_name == "Hostel tablet 1"
    assert f"on the tablet &lsquo;Hostel tablet 1&rsquo; at {when}" in html


def test_words_the_participant_did_not_write_are_refused_and_the_typing_kept(auth, waiting):
    ordinary, _ = waiting
    auth.login(Role.FACILITATOR)
    before = ordinary.text
    typed = before + " My mate Gary <b>said</b> so."
    response = _decide(auth, ordinary, action="use", text=typed)
    html = response.data.decode()
    # It was saved as the member's words, to be analysed and quoted as theirs.
    assert response.status_code == 400
    assert "Only take words out" in html and "\u2018gary\u2019" in html
    assert str(escape(typed)) in html
    db.session.refresh(ordinary)
    assert ordinary.text == before and ordinary.needs_review


def test_labels_and_words_put_back_from_the_original_are_allowed(auth, waiting):
    ordinary, _ = waiting
    auth.login(Role.FACILITATOR)
    original = next(a.text for a in free_text_answers(1) if a.answer_id == ordinary.answer_id)
    edited = f"[the hostel] {original}"
    assert _decide(auth, ordinary, action="use", text=edited).status_code == 302
    db.session.refresh(ordinary)
    assert ordinary.text == edited
