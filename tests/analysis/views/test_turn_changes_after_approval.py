"""Changes to an approved transcript's turns: tagging, safeguarding flags and redactions
keep what people decided about its segments."""
from sqlalchemy import select

from forum.extensions import db
from forum.models import RedactionStatus, Segment
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def test_a_safeguarding_flag_and_its_review_keep_the_question_an_officer_confirmed(auth,
                                                                                  uploaded):
    # The flag copied the turn's question (none: the facilitator never tagged it) over the
    # question an officer had confirmed for the segment on "Which question each segment
    # answers", so the officer's decision was lost without a word.
    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    turn = transcript.turns[5]
    question = transcript.session.consultation.questions[0]
    segments = db.session.scalars(select(Segment).where(Segment.turn_id == turn.id)).all()
    assert segments and turn.question_id is None
    for segment in segments:
        segment.question_id = question.id  # what confirming on the mapping page stores
    db.session.commit()
    auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/risk",
                     data={"action": "flag", "reason": "Mentions a named child"})
    auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/risk", data={
        "action": "review", "outcome": "not_a_risk", "note": "Checked"})
    db.session.expire_all()
    assert {db.session.get(Segment, s.id).question_id for s in segments} == {question.id}
    assert db.session.get(Segment, segments[0].id).held is False


def test_tagging_an_approved_turn_gives_its_segments_the_question(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    turn = transcript.turns[5]
    question = transcript.session.consultation.questions[0]
    auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "turn": [str(turn.index)], "span": "ticked", "question_id": str(question.id)})
    db.session.expire_all()
    segments = db.session.scalars(select(Segment).where(Segment.turn_id == turn.id)).all()
    assert segments and {s.question_id for s in segments} == {question.id}


def test_adding_words_a_person_unticked_takes_the_proposal_back_not_a_second_copy(auth,
                                                                                   uploaded):
    # walk16: unticking "Warrington as [place]" and then adding "Warrington" as [name] left
    # two entries for the same words on the review page, one unticked and one ticked.
    transcript, _dave, _marcia = uploaded
    turn = transcript.turns[1]
    phone = next(r for r in turn.redactions if r.label == "phone")
    shown = [r.id for t in transcript.turns for r in t.redactions]
    auth.client.post(f"/transcripts/{transcript.id}/review",
                     data={"seen": shown, "keep": [i for i in shown if i != phone.id]})
    words = turn.original_text[phone.start:phone.end]
    auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": words, "label": "ID number"})
    db.session.expire_all()
    same = [r for r in db.session.get(type(turn), turn.id).redactions
            if (r.start, r.end) == (phone.start, phone.end)]
    assert [(r.label, r.status) for r in same] == [("ID number", RedactionStatus.ACCEPTED)]


def test_a_proposal_a_person_unticked_and_took_back_is_recorded_as_their_choice(auth,
                                                                             uploaded):
    # Taking back an unticked proposal relabelled it but left added_by_person=False, so the
    # record said the checks had found it when a person had chosen it.
    transcript, _dave, _marcia = uploaded
    turn = transcript.turns[1]
    phone = next(r for r in turn.redactions if r.label == "phone")
    assert phone.added_by_person is False
    shown = [r.id for t in transcript.turns for r in t.redactions]
    auth.client.post(f"/transcripts/{transcript.id}/review",
                     data={"seen": shown, "keep": [i for i in shown if i != phone.id]})
    auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": turn.original_text[phone.start:phone.end],
        "label": "ID number"})
    db.session.expire_all()
    taken_back = db.session.get(type(phone), phone.id)
    assert taken_back.status == RedactionStatus.ACCEPTED
    assert taken_back.added_by_person is True
