"""Facilitator flows on transcripts: turns from 1, speakers remembered, tagging by picking
turns or a question's block, refusing turns that do not exist."""
import re

from analysis.core.question_cues import question_asked
from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession, SpeakerRole, Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401 (fixtures)
    TRANSCRIPT,
    map_speakers,
    session_with_members,
    upload,
    uploaded,
)

ASKING = """Facilitator: Question 1 is about housing. Housing?
Dave: A room of my own on day one.
Marcia: Same for me.
Facilitator: Now question 2. What support helped you most?
Dave: My key worker.
"""


def _latest():
    return db.session.scalar(db.select(Transcript).order_by(Transcript.id.desc()))


def _upload_to_another_session(auth, transcript, title, members, text):
    """A later session of the same consultation with ``members``; returns its transcript."""
    other = FocusGroupSession(consultation=transcript.session.consultation, title=title,
                              held_on=transcript.session.held_on, members=members)
    db.session.add(other)
    db.session.commit()
    upload(auth, other, text, filename="later.txt")
    return _latest()


PART_TWO = TRANSCRIPT + "Dave: And another thing about the hostel.\n"


def test_turns_are_numbered_from_one(uploaded):
    transcript, _dave, _marcia = uploaded
    assert [t.index for t in transcript.turns] == [1, 2, 3, 4, 5, 6]


def test_a_second_transcript_of_the_session_suggests_the_earlier_speakers(auth, uploaded):
    transcript, dave, marcia = uploaded
    # Part two of the session: the same speakers, more said (a copy of part one is refused).
    upload(auth, transcript.session, PART_TWO.encode(), filename="part-two.txt")
    second = _latest()
    html = auth.client.get(f"/transcripts/{second.id}/speakers").data.decode()
    dave_speaker = next(s for s in second.speakers if s.label == "Dave")
    select = re.search(rf'<select[^>]*name="speaker-{dave_speaker.id}".*?</select>', html,
                       re.S).group(0)
    assert re.search(rf'<option value="member-{dave.id}"\s+selected', select)
    assert "Suggested as in the earlier transcript \u2018group.txt\u2019" in html
    assert "speakers are filled in from earlier transcripts" in html


def test_a_named_label_in_another_session_is_suggested_but_not_speaker_2(auth, uploaded):
    transcript, dave, _marcia = uploaded
    later = _upload_to_another_session(auth, transcript, "Later group", [dave],
                                       b"Dave: Still no flat.\nSpeaker 2: Me neither.\n")
    html = auth.client.get(f"/transcripts/{later.id}/speakers").data.decode()
    assert "Suggested as \u2018Dave\u2019 in \u2018Group\u2019" in html
    assert html.count("Suggested") == 1  # "Speaker 2" is someone new each time


def test_ticked_turns_are_tagged_from_first_to_last(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    q1 = transcript.session.consultation.questions[0]
    response = auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "turn": ["2", "4"], "span": "range", "question_id": str(q1.id)}, follow_redirects=True)
    assert "3 turns tagged as answering Q1." in response.data.decode()
    db.session.expire_all()
    assert [t.index for t in transcript.turns if t.question_id == q1.id] == [2, 3, 4]
    auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "turn": ["6"], "span": "ticked", "question_id": str(q1.id)})
    db.session.expire_all()
    assert [t.index for t in transcript.turns if t.question_id == q1.id] == [2, 3, 4, 6]


def test_turns_that_do_not_exist_are_an_error_not_a_success(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    q1 = transcript.session.consultation.questions[0]
    auth.client.get(f"/transcripts/{transcript.id}")  # shows "Speakers saved." from the fixture
    html = auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "first": "9", "last": "12", "question_id": str(q1.id)}, follow_redirects=True).data.decode()
    assert "There is no turn 9 in this transcript. Its turns are numbered 1 to 6" in html
    assert "govuk-notification-banner--success" not in html and "tagged as answering" not in html
    nothing = auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "question_id": str(q1.id)}, follow_redirects=True).data.decode()
    assert "Tick the turns to tag" in nothing


def test_a_facilitators_question_is_offered_as_the_start_of_its_block(auth, session_with_members):
    session, dave, marcia = session_with_members
    auth.login(Role.FACILITATOR)
    upload(auth, session, ASKING.encode(), filename="asking.txt")
    transcript = _latest()
    map_speakers(auth, transcript, dave, marcia)
    q1, q2 = session.consultation.questions
    html = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert "Tag turns 1 to 3 as Q1" in html and "Tag turns 4 to 5 as Q2" in html
    auth.client.post(f"/transcripts/{transcript.id}/questions", data={"block": f"4:5:{q2.id}"})
    db.session.expire_all()
    assert [t.question_id for t in transcript.turns] == [None, None, None, q2.id, q2.id]


def test_question_asked_by_number_or_by_its_words():
    questions = [("3", "What does a community sentence mean to the people who serve one?"),
                 ("5", "What would help people on probation get into work?")]
    assert question_asked("OK, Q5 now.", questions) == "5"
    assert question_asked("So what would help you get into work, on probation?", questions) == "5"
    assert question_asked("Thanks, everyone.", questions) is None
    assert question_asked("Question 9 please", questions) is None


def test_speakers_and_roles_unchanged_by_suggestions_until_saved(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    # Part two of the session: the same speakers, more said (a copy of part one is refused).
    upload(auth, transcript.session, PART_TWO.encode(), filename="part-two.txt")
    second = _latest()
    auth.client.get(f"/transcripts/{second.id}/speakers")
    db.session.expire_all()
    dave = next(s for s in second.speakers if s.label == "Dave")
    assert dave.role == SpeakerRole.UNMATCHED


def test_a_tagging_mistake_keeps_the_ticked_turns_and_choices(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    html = auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "turn": ["2", "4"], "span": "ticked", "question_id": ""},
        follow_redirects=True).data.decode()
    assert "Choose the question the turns answer" in html
    # The page came back with nothing ticked: the facilitator had to find the turns again.
    for number in ("2", "4"):
        assert f'value="{number}" form="tag-form" checked>' in html
    assert 'value="3" form="tag-form">' in html
    assert 'value="ticked" checked>' in html and 'value="range">' in html
    q1 = transcript.session.consultation.questions[0]
    html = auth.client.post(f"/transcripts/{transcript.id}/questions", data={
        "question_id": str(q1.id)}, follow_redirects=True).data.decode()
    assert f'<option value="{q1.id}" selected>' in html


def test_a_suggested_member_not_at_the_session_is_pointed_out(auth, uploaded):
    transcript, dave, marcia = uploaded
    # Another session Dave did not attend: a different "Dave" may be speaking.
    later = _upload_to_another_session(auth, transcript, "Women's group", [marcia],
                                       b"Dave: Still no flat.\nMarcia: Me neither.\n")
    html = auth.client.get(f"/transcripts/{later.id}/speakers").data.decode()
    # The suggestion picked him with nothing to say he was not there.
    assert f"{dave.pseudonym} is not recorded as at this focus group" in html
    assert f"{marcia.pseudonym} is not recorded as at this focus group" not in html
