"""The audit log records views, consent changes and account changes, and cannot be edited."""
import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent, Member
from forum.models.audit import AuditLogIsAppendOnly
from forum.services import audit
from forum.services.members import save_member


def actions():
    return [e.action for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id))]


def test_viewing_and_changing_consent_are_recorded(auth, users):
    member = save_member(Member(lived_experience=[]), "")
    auth.login(Role.FACILITATOR)
    auth.client.get(f"/members/{member.id}")
    auth.client.post(f"/members/{member.id}/consent", data={"take_part": "y"})
    auth.client.post(f"/members/{member.id}/withdraw", data={})
    assert actions() == ["login", "member_viewed", "consent_recorded", "consent_withdrawn"]
    event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "consent_withdrawn"))
    assert event.user_email == users[Role.FACILITATOR].email
    assert (event.object_type, event.object_id) == ("Member", member.id)


def test_failed_sign_ins_and_account_changes_are_recorded(auth, users):
    auth.login(Role.ADMIN, password="wrong-password-1")
    auth.login(Role.ADMIN)
    auth.client.post(f"/admin/users/{users[Role.FACILITATOR].id}", data={"role": "policy_officer"})
    auth.client.post(f"/admin/users/{users[Role.FACILITATOR].id}/active", data={"confirm": "yes"})
    assert actions() == ["login_failed", "login", "role_changed", "user_disabled"]


def test_admin_reads_and_exports_the_log(auth):
    auth.login(Role.ADMIN)
    assert b"Signed in" in auth.client.get("/admin/audit").data
    response = auth.client.get("/admin/audit.csv")
    assert response.mimetype == "text/csv"
    assert "Signed in" in response.data.decode()
    assert actions()[-1] == "audit_exported"


def test_csv_cells_cannot_become_spreadsheet_formulas(app, users):
    audit.record("=HYPERLINK(\"http://x\")")
    assert "'=HYPERLINK" in audit.events_csv()


def test_events_cannot_be_changed_or_deleted(app):
    event = audit.record("login_failed")
    event.action = "login"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.delete(db.session.get(AuditEvent, event.id))
        db.session.commit()
    db.session.rollback()


def test_no_route_edits_the_log(app):
    audit_rules = [r for r in app.url_map.iter_rules() if "audit" in r.rule]
    assert audit_rules and all(r.methods <= {"GET", "HEAD", "OPTIONS"} for r in audit_rules)


def test_the_log_page_reads_stored_codes_and_pairs_in_words():
    event = AuditEvent(action="speakers_mapped", detail={
        "changes": {"15": ["facilitator", None], "16": ["member", 4]},
        "outcome": "spoke_to_member", "format": "pdf"})
    assert audit.describe(event) == ("changes: 15 facilitator, 16 member 4; "
                                     "outcome: spoke to member; format: pdf")



def test_the_log_page_says_yes_no_and_none_not_python_values():
    # The page read "practice: False", "names given: True" and "changes:" with nothing after.
    event = AuditEvent(action="sample_drawn", detail={
        "practice": False, "names_given": True, "changes": {}, "merged": []})
    assert audit.describe(event) == "practice: no; names given: yes; changes: none; merged: none"


def test_an_id_stored_beside_its_name_is_left_to_the_csv():
    # "question id: 6" on the page was the database's id: for Q7 it named another question.
    event = AuditEvent(action="question_confirmed", detail={"question_id": 6, "question": "Q7"})
    assert audit.describe(event) == "question: Q7"


def test_the_log_page_names_a_role_as_the_users_page_does():
    # Walk 23: inviting a forum facilitator logged "role: facilitator", and a policy officer
    # "role: policy officer", where the Users page says "Forum facilitator".
    invited = AuditEvent(action="user_invited", detail={"role": "facilitator"})
    changed = AuditEvent(action="role_changed", detail={"role": "policy_officer"})
    assert audit.describe(invited) == "role: Forum facilitator"
    assert audit.describe(changed) == "role: Policy officer"


def _csv_rows() -> list[dict[str, str]]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(audit.events_csv(batch=2))))


def test_the_csv_names_who_and_what_beside_their_ids(app, users):
    # The CSV gave only "user 3 ... Consultation 1": an admin had to look each id up.
    from forum.models import Consultation

    officer = users[Role.POLICY_OFFICER]
    consultation = Consultation(title="Probation reform", consulting_body="Ministry of Justice")
    member = save_member(Member(lived_experience=[]), "")
    db.session.add(consultation)
    db.session.commit()
    audit.record("consultation_changed", officer, consultation, questions=8)
    audit.record("member_viewed", officer, member)
    audit.record("login_failed", None, None, email="nobody@example.org")
    rows = _csv_rows()  # batches of two: names are read for each batch
    assert [r["action"] for r in rows][-3:] == ["Changed a consultation", "Viewed a member",
                                                "Failed sign-in"]
    changed, viewed, failed = rows[-3:]
    assert (changed["user id"], changed["user name"], changed["user email"]) == (
        str(officer.id), officer.name, officer.email)
    assert (changed["object"], changed["object id"], changed["object name"]) == (
        "Consultation", str(consultation.id), "Probation reform")
    assert viewed["object name"] == member.pseudonym
    assert (failed["user id"], failed["user name"], failed["object name"]) == ("", "", "")


def test_names_in_the_csv_cannot_become_spreadsheet_formulas(app, users):
    from forum.models import Consultation

    officer = users[Role.POLICY_OFFICER]
    officer.name = "=HYPERLINK(\"http://x\",\"Tom\")"
    consultation = Consultation(title="+SUM(A1:A9)", consulting_body="@body")
    db.session.add(consultation)
    db.session.commit()
    audit.record("consultation_changed", officer, consultation)
    row = _csv_rows()[-1]
    assert row["user name"] == "'=HYPERLINK(\"http://x\",\"Tom\")"
    assert row["object name"] == "'+SUM(A1:A9)"


def test_one_formula_rule_for_every_download():
    """The audit log, coded segments and the coding matrix share forum's one helper."""
    from analysis.services import coding
    from exports import data
    from forum.services.spreadsheet_cells import spreadsheet_safe

    assert data.spreadsheet_safe is spreadsheet_safe is coding.spreadsheet_safe
    assert audit.spreadsheet_safe is spreadsheet_safe
    assert [spreadsheet_safe(v) for v in ("-1 for housing", "@x", "\t=1", "ok", 3)] == [
        "'-1 for housing", "'@x", "'\t=1", "ok", 3]


def test_the_csv_detail_is_json_a_spreadsheet_or_script_can_read(app, users):
    # It was Python's own spelling ("{'checked': True}"), which no other tool reads.
    import json

    audit.record("theme_checked", users[Role.POLICY_OFFICER], None, checked=True, old="A “B”")
    assert json.loads(_csv_rows()[-1]["detail"]) == {"checked": True, "old": "A “B”"}
