"""Question mapping pages: confidence and "check", confirming teaches, roles, escaping."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import SegmentQuestionMap
from analysis.services.question_map import (
    CHECK_BELOW,
    mapping_counts,
    question_of,
    refresh_mapping,
    segments_for_question,
)
from forum.access import Role
from forum.extensions import db
from forum.models import Question, Segment
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def questions(consultation):
    return list(db.session.scalars(select(Question).where(
        Question.consultation_id == consultation.id).order_by(Question.position)))


def test_a_run_maps_every_segment_with_confidence(analysed, consultation):
    mapped = list(db.session.scalars(select(SegmentQuestionMap)))
    assert mapped and all(0 < m.confidence <= 1 and m.source == "model" for m in mapped)
    first = questions(consultation)[0]
    rows = segments_for_question(consultation.id, first.id)
    assert [r.confidence for r in rows] == sorted((r.confidence for r in rows), reverse=True)
    assert all(r.check == (r.confidence < CHECK_BELOW) for r in rows)


def test_confirming_makes_an_example_and_the_rest_learn_from_it(auth, analysed, consultation):
    target = questions(consultation)[-1]
    segment = db.session.scalars(select(Segment).where(Segment.consultation_id == consultation.id)
                                 .order_by(Segment.id)).first()
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                                data={"segment_id": segment.id, "question_id": target.id,
                                      "back": target.id})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Segment, segment.id).question_id == target.id
    links = question_of(consultation.id)
    assert links[segment.id].source == "person"
    # The remap job ran inline: the other mappings were learned from the example.
    assert {q.source for q in links.values()} - {"none"} == {"person", "learned"}
    assert mapping_counts(consultation.id)[target.id]["person"] == 1
    html = auth.client.get(
        f"/consultations/{consultation.id}/question-mapping").get_data(as_text=True)
    assert "Your examples" in html
    page = auth.client.get(f"/consultations/{consultation.id}/question-mapping/{target.id}")
    assert "You have confirmed 1 example for this question" in page.get_data(as_text=True)


def test_question_page_shows_confidence_and_check(auth, analysed, consultation):
    auth.login(Role.ADMIN)
    shown = 0
    for question in questions(consultation):
        url = f"/consultations/{consultation.id}/question-mapping/{question.id}"
        html = auth.client.get(url).get_data(as_text=True)
        rows = segments_for_question(consultation.id, question.id)
        for row in rows:
            assert f"{round(row.confidence * 100)}% sure" in html
        if any(r.check for r in rows):
            assert "govuk-tag--yellow\">Check" in html
        shown += len(rows)
    assert shown
    # The index page states the same line the rows are marked by (one constant).
    index = auth.client.get(f"/consultations/{consultation.id}/question-mapping")
    assert f"under {round(CHECK_BELOW * 100)}% it says" in index.get_data(as_text=True)


def test_only_officers_and_admins_may_map_or_confirm(auth, analysed, consultation):
    for role in (Role.FACILITATOR, Role.PEER_RESEARCHER):
        auth.logout()
        auth.login(role)
        assert auth.client.get(
            f"/consultations/{consultation.id}/question-mapping").status_code == 403
        assert auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                                data={"segment_id": 1, "question_id": 1}).status_code == 403


def test_a_question_of_another_consultation_is_refused(auth, analysed, consultation):
    segment = db.session.scalars(select(Segment)).first()
    auth.login(Role.POLICY_OFFICER)
    auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                     data={"segment_id": segment.id, "question_id": 99999})
    assert db.session.get(Segment, segment.id).question_id is None


def test_segment_text_is_escaped(auth, analysed, consultation):
    segment = db.session.scalars(
        select(Segment).where(Segment.consultation_id == consultation.id)).first()
    segment.text = "<script>alert(1)</script> housing on release"
    db.session.commit()
    refresh_mapping(consultation.id)
    db.session.commit()
    question = question_of(consultation.id)[segment.id].question_id
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(
        f"/consultations/{consultation.id}/question-mapping/{question}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_transcript_turns_carry_the_facilitators_question_and_their_order(auth, uploaded):
    from analysis.services.question_map import _passages
    from forum.services.segments import usable_segments

    transcript, dave, marcia = uploaded
    assert auth.client.post(f"/transcripts/{transcript.id}/review",
                            data={"approve": "1"}).status_code == 302
    segments = usable_segments(transcript.session.consultation_id)
    passages = _passages(segments)
    assert {p.asked for p in passages} == {"Welcome everyone. What happened when you got out?"}
    assert {p.sequence for p in passages} == {f"transcript:{transcript.id}"}
    ordered = sorted(passages, key=lambda p: p.position)
    assert "Friday" in ordered[0].text and "Housing first" in ordered[-1].text


def test_document_passages_carry_the_heading_they_sit_under(consultation):
    from analysis.services.question_map import _passages
    from forum.models import SegmentSource
    from forum.services.segments import text_hash

    texts = [
        "Housing on release\nPeople leave prison with nowhere to go and councils do not plan "
        "ahead.",
        "Temporary rooms far from family make it harder to keep to licence conditions.",
        "Recall\nA single missed appointment can lead to recall, which breaks housing again."]
    rows = [Segment(consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT,
                    source_id=7, position=i, text=t, text_hash=text_hash(t))
                    for i, t in enumerate(texts)]
    db.session.add_all(rows)
    db.session.commit()
    passages = _passages(rows)
    assert [p.heading for p in passages] == ["Housing on release", "Housing on release", "Recall"]
    assert {p.sequence for p in passages} == {"document:7"}


def test_a_page_of_segments_reads_the_same_questions_as_the_whole_consultation(analysed,
                                                                              consultation):
    from analysis.services.question_links import segment_questions

    everything = question_of(consultation.id)
    segments = list(db.session.scalars(select(Segment).where(
        Segment.consultation_id == consultation.id).order_by(Segment.id)))[:5]
    few = question_of(consultation.id, [s.id for s in segments])
    assert few == {s.id: everything[s.id] for s in segments if s.id in everything}
    assert segment_questions(segments) == {s.id: everything[s.id].question_id
                                           if s.id in everything else s.question_id
                                           for s in segments}


def test_confirming_from_the_ones_to_check_stays_on_the_ones_to_check(auth, analysed,
                                                                      consultation):
    # Working down "Show only the ones to check", each Confirm led back to every segment of the
    # question, and the officer had to choose "Show only the ones to check" again.
    auth.login(Role.POLICY_OFFICER)
    question = questions(consultation)[0]
    url = f"/consultations/{consultation.id}/question-mapping/{question.id}"
    page = auth.client.get(f"{url}?check=1").get_data(as_text=True)
    assert '<input type="hidden" name="check" value="1">' in page
    segment = segments_for_question(consultation.id, question.id)[0].segment
    response = auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                                data={"segment_id": segment.id, "question_id": question.id,
                                      "back": question.id, "check": "1"})
    assert response.headers["Location"] == f"{url}?check=1#segment-{segment.id}"
    everything = auth.client.get(url).get_data(as_text=True)
    assert 'name="check"' not in everything


def test_the_audit_log_names_the_confirmed_question_by_its_number(auth, analysed, consultation):
    # The log said "question id: 6", the database's id: for a consultation with no Q6 that
    # is Q7, so the admin read the wrong question.
    from forum.models import AuditEvent
    from forum.services import audit

    target = questions(consultation)[-1]
    segment = db.session.scalars(select(Segment).where(Segment.consultation_id == consultation.id)
                                 .order_by(Segment.id)).first()
    auth.login(Role.POLICY_OFFICER)
    for question_id in (target.id, "none"):
        auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                         data={"segment_id": segment.id, "question_id": question_id,
                               "back": target.id})
    events = list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "question_confirmed").order_by(AuditEvent.id)))
    assert [audit.describe(e) for e in events] == [f"question: {target.label}",
                                                   "question: none of them"]
