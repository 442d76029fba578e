"""Question mapping: an officer says a segment answers none of the questions."""
from __future__ import annotations

from sqlalchemy import select

from analysis.services.question_links import segment_questions
from analysis.services.question_map import mapping_counts, question_of, segments_for_question
from forum.access import Role
from forum.extensions import db
from forum.models import Question, Segment


def _first_segment(consultation):
    return db.session.scalars(select(Segment).where(Segment.consultation_id == consultation.id)
                              .order_by(Segment.id)).first()


def _confirm(auth, consultation, segment, choice, back="none"):
    return auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                            data={"segment_id": segment.id, "question_id": choice, "back": back})


def test_answers_no_question_is_saved_shown_counted_and_kept_out_of_every_question(
        auth, analysed, consultation):
    questions = list(db.session.scalars(select(Question).where(
        Question.consultation_id == consultation.id)))
    segment = _first_segment(consultation)
    was = question_of(consultation.id)[segment.id].question_id
    assert was is not None  # the mapping had given it a question
    auth.login(Role.POLICY_OFFICER)
    response = _confirm(auth, consultation, segment, "none", back=was)
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Segment, segment.id)
    assert (saved.question_id, saved.no_question) == (None, True)
    # The remap job ran inline and kept the person's word over the machine's.
    link = question_of(consultation.id)[segment.id]
    assert (link.question_id, link.source, link.confidence) == (None, "person", 1.0)
    assert mapping_counts(consultation.id)[None]["person"] == 1
    assert all(segment.id not in {r.segment.id for r in segments_for_question(consultation.id,
                                                                              q.id)}
               for q in questions)
    assert segment_questions([saved]) == {segment.id: None}
    # Shown on the "no question" page as a person's choice, the choice selected.
    page = auth.client.get(f"/consultations/{consultation.id}/question-mapping/none")
    html = page.get_data(as_text=True)
    mine = html[html.index(f'id="segment-{segment.id}"'):]
    mine = mine[:mine.index("</li>")]
    assert "Confirmed: answers no question" in mine
    assert '<option value="none" selected>' in mine
    # Counted as an example on the index page's "No question" row.
    index = auth.client.get(f"/consultations/{consultation.id}/question-mapping")
    row = index.get_data(as_text=True).split("No question</a>")[1].split("</tr>")[0]
    cells = [c.split("<")[0] for c in row.split('numeric">')[1:]]
    assert cells[1] == "1"


def test_giving_it_a_question_later_undoes_no_question(auth, analysed, consultation):
    question = db.session.scalars(select(Question).where(
        Question.consultation_id == consultation.id)).first()
    segment = _first_segment(consultation)
    auth.login(Role.POLICY_OFFICER)
    _confirm(auth, consultation, segment, "none")
    _confirm(auth, consultation, segment, str(question.id))
    db.session.expire_all()
    saved = db.session.get(Segment, segment.id)
    assert (saved.question_id, saved.no_question) == (question.id, False)
    assert question_of(consultation.id)[segment.id].source == "person"
