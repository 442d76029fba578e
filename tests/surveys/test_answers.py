"""free_text_answers: what analysis reads, from tablets and CSV imports, never as segments."""
from datetime import datetime

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Member, Segment
from forum.services.members import save_member
from surveys.services import FreeTextAnswer, free_text_answers
from surveys.services.devices import Tablet
from surveys.services.imports import choose_columns, upload
from surveys.services.payload import VersionSpecs
from surveys.services.sync import receive_response
from tests.surveys.conftest import make_payload


def test_free_text_answers_from_both_sources(consultation, version, questions, tablet):
    device, _ = tablet
    member = save_member(Member(), "Kestrel")
    body = make_payload(version, questions, member_id=member.id)
    receive_response(Tablet(device.id, device.token_hash), body, VersionSpecs())
    record = upload(consultation, "other-tool.csv",
                    b"id,Q1 text,Q4 text\nkestrel,Needed a bus pass,\nR2,,Somewhere to live\n",
                    None)
    q1, _q2, q4 = consultation.questions
    choose_columns(record, "id", {"Q1 text": q1.id, "Q4 text": q4.id})
    answers = free_text_answers(consultation.id)
    assert all(isinstance(a, FreeTextAnswer) and isinstance(a.created_at, datetime)
               for a in answers)
    survey_answer, *csv_answers = answers
    assert survey_answer.source == "survey"
    assert survey_answer.text == "My key worker listened to me."
    assert survey_answer.member_id == member.id
    assert survey_answer.consultation_question_id == consultation.questions[1].id
    assert [(a.source, a.text, a.member_id, a.consultation_question_id, a.response_id)
            for a in csv_answers] == [
        ("csv_import", "Needed a bus pass", member.id, q1.id, record.id),
        ("csv_import", "Somewhere to live", None, q4.id, record.id)]
    # Choice and number answers are not free text; nothing became a segment here.
    assert len(answers) == 3
    assert db.session.scalar(select(func.count(Segment.id))) == 0


def test_other_consultations_and_unfinished_imports_are_left_out(consultation, version, questions,
                                                                 tablet):
    from forum.models import Consultation
    from forum.services.consultations import save_consultation
    from forum.services.questions import parse_questions

    other = save_consultation(Consultation(title="Other", consulting_body="X"),
                              parse_questions("Q1. Hm?"))
    upload(consultation, "waiting.csv", b"id,text\n1,hello\n", None)  # columns never chosen
    assert free_text_answers(consultation.id) == [] and free_text_answers(other.id) == []


def test_among_reads_only_the_answers_chosen(consultation, version, questions, tablet):
    from sqlalchemy import literal

    from surveys.models import CsvImportAnswer, SurveyAnswer
    from surveys.services.answers import SOURCE_CSV_IMPORT, SOURCE_SURVEY

    device, _ = tablet
    body = make_payload(version, questions)
    receive_response(Tablet(device.id, device.token_hash), body, VersionSpecs())
    record = upload(consultation, "other-tool.csv",
                    b"id,Q1 text\nR1,Needed a bus pass\nR2,Somewhere to live\n", None)
    choose_columns(record, "id", {"Q1 text": consultation.questions[0].id})
    every = free_text_answers(consultation.id)
    bus = next(a for a in every if a.text == "Needed a bus pass")
    chosen = free_text_answers(consultation.id, among={
        SOURCE_SURVEY: select(SurveyAnswer.id).where(literal(False)),
        SOURCE_CSV_IMPORT: select(CsvImportAnswer.id).where(CsvImportAnswer.id == bus.answer_id)})
    assert len(every) == 3 and chosen == [bus]
