"""Editing a consultation: the form shows what is saved, sections, one question at a time."""
import re

from forum.access import Role
from forum.extensions import db
from forum.models import Consultation, ConsultationSection, Segment, SegmentSource
from forum.services.consultation_questions import question_groups

PASTED = ("Chapter 2: Reducing reoffending\nQ1. What works?\nQ5. Five?\n"
          "Chapter 3: Employment\nQ7. Seven?")
GOOD = {"title": "Reducing reoffending", "consulting_body": "Ministry of Justice",
        "status": "drafting", "questions": PASTED}


def _create(auth) -> Consultation:
    auth.login(Role.POLICY_OFFICER)
    assert auth.client.post("/consultations/new", data=GOOD).status_code == 302
    return db.session.scalar(db.select(Consultation))


def _form_fields(html: str) -> dict:
    checked = re.search(r'<input[^>]*name="status"[^>]*value="(\w+)"[^>]*checked', html)
    textarea = re.search(r'<textarea[^>]*name="questions"[^>]*>(.*?)</textarea>', html, re.S)
    return {"status": checked and checked.group(1),
            "questions": textarea and textarea.group(1).replace("&#39;", "'").strip()}


def test_edit_shows_questions_as_text_and_status_chosen_and_saves_unchanged(auth):
    consultation = _create(auth)
    html = auth.client.get(f"/consultations/{consultation.id}/edit").data.decode()
    fields = _form_fields(html)
    assert "&lt;Question" not in html and "<Question" not in html
    assert fields["status"] == "drafting"
    assert fields["questions"] == ("Chapter 2: Reducing reoffending\nQ1. What works?\nQ5. Five?\n\n"
                                   "Chapter 3: Employment\nQ7. Seven?")
    ids = [q.id for q in consultation.questions]
    response = auth.client.post(f"/consultations/{consultation.id}/edit", data={
        "title": "Reducing reoffending", "consulting_body": "Ministry of Justice", **fields})
    assert response.status_code == 302
    db.session.expire_all()
    assert [q.id for q in db.session.get(Consultation, consultation.id).questions] == ids


def test_sections_are_stored_and_grouped_for_drafts_and_exports(auth):
    consultation = _create(auth)
    groups = question_groups(consultation)
    assert [(g.heading, [q.label for q in g.questions]) for g in groups] == [
        ("Chapter 2: Reducing reoffending", ["Q1", "Q5"]), ("Chapter 3: Employment", ["Q7"])]
    assert [s.heading for s in db.session.scalars(db.select(ConsultationSection))] == [
        "Chapter 2: Reducing reoffending", "Chapter 3: Employment"]
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    assert html.index("Chapter 3: Employment") < html.index("Seven?")


def test_preview_shows_sections_and_saves_nothing(auth):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.post("/consultations/new", data={**GOOD, "preview": "Preview"}).data.decode()
    assert "Check the sections and questions" in html and "We found 3 questions." in html
    assert re.search(r"<h3[^>]*>Chapter 3: Employment</h3>", html)
    assert db.session.scalar(db.select(db.func.count(Consultation.id))) == 0


def test_preview_of_an_edit_warns_what_removing_a_question_unlinks(auth):
    consultation = _create(auth)
    q5 = consultation.questions[1]
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY,
                           question_id=q5.id, text="Work first.", text_hash="h"))
    db.session.commit()
    html = auth.client.post(f"/consultations/{consultation.id}/edit", data={
        **GOOD, "questions": "Q1. What works?\nQ7. Seven?", "preview": "Preview"}).data.decode()
    assert "Saving removes Q5 (1 segment)" in html


def test_one_question_reworded_renumbered_and_moved_keeps_its_links(auth):
    consultation = _create(auth)
    q5 = consultation.questions[1]
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY,
                           question_id=q5.id, text="Work first.", text_hash="h"))
    db.session.commit()
    employment = consultation.sections[1]
    response = auth.client.post(f"/consultations/{consultation.id}/questions/{q5.id}/edit", data={
        "number": "6", "text": "Six,   reworded?", "section_id": employment.id})
    assert response.status_code == 302
    db.session.expire_all()
    question = db.session.get(type(q5), q5.id)
    assert (question.number, question.text, question.section.heading) == (
        "6", "Six, reworded?", "Chapter 3: Employment")
    assert db.session.scalar(db.select(Segment.question_id)) == q5.id


def test_one_question_added_into_its_section_and_a_taken_number_refused(auth):
    consultation = _create(auth)
    chapter_2 = consultation.sections[0]
    taken = auth.client.post(f"/consultations/{consultation.id}/questions/new", data={
        "number": "Q7", "text": "Again?", "section_id": chapter_2.id}).data.decode()
    assert "Q7 is already a question in this consultation" in taken
    auth.client.post(f"/consultations/{consultation.id}/questions/new", data={
        "number": "5a", "text": "Five and a bit?", "section_id": chapter_2.id})
    db.session.expire_all()
    consultation = db.session.get(Consultation, consultation.id)
    assert [q.label for q in consultation.questions] == ["Q1", "Q5", "Q5a", "Q7"]


def test_one_question_removed_after_a_warning(auth):
    consultation = _create(auth)
    q5 = consultation.questions[1]
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY,
                           question_id=q5.id, text="Work first.", text_hash="h"))
    db.session.commit()
    page = auth.client.get(
        f"/consultations/{consultation.id}/questions/{q5.id}/remove").data.decode()
    assert "Linked to Q5: 1 segment." in page
    auth.client.post(f"/consultations/{consultation.id}/questions/{q5.id}/remove")
    db.session.expire_all()
    assert [q.label for q in db.session.get(Consultation, consultation.id).questions] == ["Q1",
                                                                                          "Q7"]
    assert db.session.scalar(db.select(Segment.question_id)) is None  # the segment is kept


def test_a_question_of_another_consultation_is_not_found(auth):
    consultation = _create(auth)
    other = auth.client.post("/consultations/new", data={**GOOD, "title": "Other"})
    assert other.status_code == 302
    q1 = consultation.questions[0]
    assert auth.client.get(f"/consultations/2/questions/{q1.id}/edit").status_code == 404


def test_peer_researchers_cannot_change_questions(auth):
    consultation = _create(auth)
    auth.logout()
    auth.login(Role.PEER_RESEARCHER)
    q1 = consultation.questions[0]
    response = auth.client.post(f"/consultations/{consultation.id}/questions/{q1.id}/remove")
    assert response.status_code == 403


def test_a_question_or_title_of_only_spaces_is_refused(auth):
    # A question of spaces was saved ("Q5 saved."), and the consultation's edit page then
    # refused every save with "Question 5 (line 6) has a number but no question".
    consultation = _create(auth)
    blank = auth.client.post(f"/consultations/{consultation.id}/questions/new", data={
        "number": "9", "text": "  \n  ", "section_id": 0})
    assert blank.status_code == 200 and "Enter the question" in blank.data.decode()
    db.session.expire_all()
    assert [q.label for q in db.session.get(Consultation, consultation.id).questions] == [
        "Q1", "Q5", "Q7"]
    edited = auth.client.post(f"/consultations/{consultation.id}/edit",
                              data=dict(GOOD, title="   ", consulting_body="  "))
    page = edited.data.decode()
    assert "Enter the consultation\u2019s title" in page and "Enter who is consulting" in page
    assert db.session.get(Consultation, consultation.id).title == "Reducing reoffending"
