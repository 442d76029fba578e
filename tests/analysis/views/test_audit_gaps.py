"""Issue 12 item 12: every change to what members said, and every export format, is audited."""
import json

from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _events(action):
    return list(db.session.scalars(db.select(AuditEvent).where(AuditEvent.action == action)))


def test_issue12_item12_transcript_changes_are_audited(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    [upload] = _events("transcript_uploaded")
    assert upload.object_id == transcript.id and upload.detail["format"] == "txt"
    assert upload.user_email
    [mapped] = _events("speakers_mapped")
    assert mapped.object_id == transcript.id and mapped.detail["changes"]
    assert "Dave" not in json.dumps(mapped.detail) and "Marcia" not in json.dumps(mapped.detail)
    auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": 5, "words": "forty-six quid", "label": "name", "everywhere": "y"})
    [added] = _events("redaction_added")
    assert added.detail["places"] == 1 and "forty-six" not in json.dumps(added.detail)
    question = transcript.session.consultation.questions[0]
    auth.client.post(f"/transcripts/{transcript.id}/questions",
                     data={"first": 1, "last": 3, "question_id": question.id})
    [tagged] = _events("questions_tagged")
    assert tagged.detail["question"] == question.label and tagged.detail["turns"] == 3
    turn = transcript.turns[3]
    auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding", data={
        "action": "review", "outcome": "not_a_risk", "note": "Checked with them"})
    assert _events("safeguarding_reviewed")


def test_issue12_item12_consultation_create_and_edit_are_audited(auth, users):
    auth.login(Role.POLICY_OFFICER)
    form = {"title": "Sentencing review", "consulting_body": "MoJ", "status": "open",
            "questions": "Q1. What works?\nQ2. What does not?"}
    response = auth.client.post("/consultations/new", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[-600:]
    [created] = _events("consultation_created")
    assert created.detail == {"questions": 2} and created.object_type == "Consultation"
    form["questions"] += "\nQ3. Anything else?"
    auth.client.post(f"/consultations/{created.object_id}/edit", data=form)
    [changed] = _events("consultation_changed")
    assert changed.object_id == created.object_id and changed.detail == {"questions": 3}
    auth.logout()
    auth.login(Role.ADMIN)
    page = auth.client.get("/admin/audit").get_data(as_text=True)
    assert "Added a consultation" in page and "Changed a consultation" in page
    assert "questions: 3" in page
