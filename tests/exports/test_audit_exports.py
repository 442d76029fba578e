"""Issue 12 item 12: an export's format is in the log, and removed quotes name their draft."""
from exports.models import Draft
from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent
from forum.services.members import withdraw_consent


def test_issue12_item12_export_format_is_audited_and_shown(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    current_draft(forum.consultation.id)
    response = auth.client.get(f"/consultations/{forum.consultation.id}/draft/download/csv")
    assert response.status_code == 200
    event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "exported"))
    assert event.detail["format"] == "csv"
    auth.logout()
    auth.login(Role.ADMIN)
    assert "format: csv" in auth.client.get("/admin/audit").get_data(as_text=True)


def test_issue12_item12_removed_quotes_name_their_draft(forum, auth, officer):
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    add_quote(q2, forum.segments["Amber"].id, officer)
    withdraw_consent(forum.members["Amber"], None)
    event = db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "draft_quotes_removed"))
    assert event.object_type == type(draft).__name__ == Draft.__name__
    assert event.object_id == draft.id
    auth.login(Role.ADMIN)
    page = auth.client.get("/admin/audit").get_data(as_text=True)
    assert f"draft response {draft.id}" in page
