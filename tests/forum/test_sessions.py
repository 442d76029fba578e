"""Focus-group sessions."""
from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession


def test_facilitator_records_a_session_with_members(auth, demo):
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/sessions/new", data={
        "title": "Women's group", "consultation_id": 1, "held_on": ["2", "11", "2026"],
        "area": "North London", "facilitator_id": 0, "member_ids": [2, 4]})
    assert response.status_code == 302
    session = db.session.scalar(
        db.select(FocusGroupSession).where(FocusGroupSession.title == "Women's group"))
    assert [m.pseudonym for m in session.members] == ["Kestrel", "Member 2"]
    assert session.area == "North London" and session.facilitator_id is None


def test_missing_date_keeps_what_was_typed(auth, demo):
    auth.login(Role.FACILITATOR)
    html = auth.client.post("/sessions/new",
                            data={"title": "Kept title", "consultation_id": 1}).data.decode()
    assert "Enter the date of the session" in html and 'value="Kept title"' in html


def test_session_page_lists_transcripts_for_policy_officers(auth, demo):
    from forum.models import Transcript, TranscriptStatus

    db.session.add(
        Transcript(session_id=1, filename="group-one.vtt", status=TranscriptStatus.APPROVED))
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get("/sessions/1").data.decode()
    assert "group-one.vtt" in html and "Approved" in html
    assert "Edit session" not in html and "Upload a transcript" not in html
