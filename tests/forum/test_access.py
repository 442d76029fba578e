"""The role x endpoint matrix: every route, every role, checked against one table."""
import pytest

from forum.access import PUBLIC, Role, allowed_roles_for

A, P, F, R = Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR, Role.PEER_RESEARCHER
STAFF = {A, P, F, R}

# Pages that end the session: they send you to sign in, and the check signs in again after.
SIGN_OUTS = {"auth.logout", "auth.sign_out_everywhere"}

# Who may use each endpoint. A new view must be added here or the suite fails.
EXPECTED = {
    "static": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.accept_invite": PUBLIC,
    "home.health": PUBLIC,
    "auth.change_password": STAFF,
    "auth.sign_out_everywhere": STAFF,
    "auth.reauthenticate": STAFF,
    "two_factor.code": STAFF,
    "two_factor.setup": STAFF,
    "two_factor.manage": STAFF,
    "two_factor.recovery_codes": STAFF,
    "admin.reset_two_factor": {A},
    "home.index": STAFF,
    "admin.users": {A},
    "admin.invite": {A},
    "admin.user": {A},
    "admin.toggle_active": {A},
    "admin.audit_log": {A},
    "admin.audit_csv": {A},
    "members.index": {A, P, F},
    "members.show": {A, P, F},
    "members.new": {A, F},
    "members.edit": {A, F},
    "members.consent": {A, F},
    "members.withdraw": {A, F},
    "members.subject_access": {A, F},
    "members.erase": {A, F},
    "consultations.index": STAFF,
    "consultations.show": STAFF,
    "consultations.new": {A, P},
    "consultations.edit": {A, P},
    "consultations.add_question": {A, P},
    "consultations.edit_question": {A, P},
    "consultations.remove_question_page": {A, P},
    "sessions.index": {A, P, F},
    "sessions.show": {A, P, F},
    "sessions.new": {A, F},
    "sessions.edit": {A, F},
    "sessions.delete": {A, F},
    "transcripts.upload": {A, F},
    "transcripts.show": {A, P, F},
    "transcripts.speakers": {A, F},
    "answer_review.review": {A, F},
    "answer_review.decide": {A, F},
    "transcripts.review": {A, F},
    "transcripts.add_redaction": {A, F},
    "transcripts.risk": {A, F},
    "transcripts.safeguarding": {A, F},
    "transcripts.tag_questions": {A, F},
    "transcripts.purge": {A, F},
    "transcripts.delete": {A, F},
    "transcripts.retry": {A, F},
    "transcripts.segment_answers": {A, P, F},
    # Themes and search (issue 5): facilitators and policy officers, and admins.
    "themes.index": {A, P, F},
    "themes.status": {A, P, F},
    "themes.run": {A, P, F},
    "themes.not_grouped": {A, P, F},
    "themes.show": {A, P, F},
    "themes.rename": {A, P, F},
    "themes.checked": {A, P, F},
    "themes.quotes": {A, P, F},
    "themes.move": {A, P, F},
    "themes.confirm_segment": {A, P, F},
    "themes.merge": {A, P, F},
    "themes.split": {A, P, F},
    "themes.split_status": {A, P, F},
    "themes.search": {A, P, F},
    "themes.history_page": {A, P, F},
    "themes.undo": {A, P, F},
    "themes.theme_memo": {A, P, F},
    "themes.segment_memo": {A, P, F},
    "surveys.index": STAFF,
    "surveys.show": STAFF,
    # Surveys (issue 3): builder, results and CSV import for A, P, F; tablets for all staff.
    "surveys.new": {A, P, F},
    "surveys.edit": {A, P, F},
    "surveys.add_question": {A, P, F},
    "surveys.edit_question": {A, P, F},
    "surveys.move_question": {A, P, F},
    "surveys.delete_question": {A, P, F},
    "surveys.publish": {A, P, F},
    "surveys.make_speech": {A, P, F},
    "surveys.preview": {A, P, F},
    "surveys.preview_question": {A, P, F},
    "surveys.results": {A, P, F},
    "surveys.new_import": {A, P, F},
    "surveys.show_import": {A, P, F},
    "surveys.devices": STAFF,
    "surveys.rename": STAFF,  # whoever sees the tablets list may rename one
    "surveys.revoke": {A},
    "surveys.refusals": {A, F},  # what tablets could not send, and why (no answers)
    "surveys_assets.static": PUBLIC,
    "runner.home": STAFF,
    "runner.start": STAFF,
    "runner.question": STAFF,
    "runner.end": STAFF,
    "runner.stop": STAFF,
    "runner.stopped": STAFF,
    "runner.done": STAFF,
    "runner.offline_manifest": STAFF,
    "runner.media": STAFF,
    "runner.speech": STAFF,
    "runner.register": STAFF,
    "runner.service_worker": PUBLIC,
    "surveys_api.receive": PUBLIC,
    "surveys_api.device": PUBLIC,  # a tablet asks with its own token, as it sends answers
    # Drafting responses (issue 6): policy officers and admins.
    "drafts.edit": {A, P},
    "drafts.autosave": {A, P},
    "drafts.versions": {A, P},
    "drafts.restore": {A, P},
    "drafts.dismiss_notice": {A, P},
    "drafts.quotes": {A, P},
    "drafts.add": {A, P},
    "drafts.download": {A, P},
    "drafts_assets.static": PUBLIC,
    "analysis_assets.static": PUBLIC,
    # Documents, codebook and coding matrix (issue 5): facilitators and policy officers.
    "codebook.index": {A, P, F},
    "codebook.new": {A, P, F},
    "codebook.edit": {A, P, F},
    "codebook.move": {A, P, F},
    "codebook.delete": {A, P, F},
    "documents.index": {A, P, F},
    "documents.show": {A, P, F},
    "documents.delete": {A, P, F},
    "documents.retry": {A, P, F},
    "coding.matrix": {A, P, F},
    "coding.cell": {A, P, F},
    "coding.decide": {A, P, F},
    "coding.matrix_csv": {A, P, F},
    "coding.passages_csv": {A, P, F},
    "questions.index": {A, P},
    "questions.show": {A, P},
    "questions.confirm": {A, P},
    "agreement.index": {A, P},
    "agreement.draw": {A, P},
    "agreement.code": {A, P},
    "agreement.result": {A, P},
    "agreement.fix": {A, P},
    "agreement.delete": {A, P},
    "agreement.practice": {A, P},
}

URL_VALUES = {"user_id": 2, "member_id": 1, "consultation_id": 1, "session_id": 1,
              "survey_id": 1, "token": "not-a-real-token", "filename": "build/app.css",
              "transcript_id": 1, "turn_id": 1,
              "version_id": 1, "position": 1, "question_id": 1, "media_id": 1, "device_id": 1,
              "import_id": 1, "notice_id": 1, "theme_id": 1, "segment_id": 1,
              "export_format": "csv", "entry_id": 1, "document_id": 1, "edit_id": 1,
              "source": "document:1", "question": "1", "sample_id": 1, "key": "0" * 64}


def _requests(app):
    for rule in app.url_map.iter_rules():
        values = {arg: URL_VALUES[arg] for arg in rule.arguments}
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        yield rule.endpoint, method, rule.build(values)[1]


def test_every_endpoint_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - EXPECTED.keys() == set(), "add new endpoints to EXPECTED"
    assert EXPECTED.keys() - endpoints == set(), "EXPECTED names endpoints that no longer exist"


def test_every_view_declares_its_roles_as_expected(app):
    for endpoint, expected in EXPECTED.items():
        declared = allowed_roles_for(app, endpoint)
        assert declared is not None, f"{endpoint} does not declare its roles"
        assert declared == (PUBLIC if expected == PUBLIC else frozenset(expected)), endpoint


def test_an_undeclared_view_is_refused(app, auth):
    app.add_url_rule("/undeclared", "undeclared", lambda: "secret")
    auth.login(Role.ADMIN)
    response = auth.client.get("/undeclared")
    assert response.status_code == 403
    assert b"secret" not in response.data


def test_a_view_named_static_is_not_public_unless_it_serves_static_files(app, client):
    # Endpoints ending ".static" were public by their name alone: a blueprint's view called
    # static (a page of "static" text, a "static" report) was open to anybody, undeclared.
    from flask import Blueprint

    sneaky = Blueprint("sneaky", __name__)
    sneaky.add_url_rule("/sneaky", "static", lambda: "secret")
    app.register_blueprint(sneaky)
    assert allowed_roles_for(app, "sneaky.static") is None
    response = client.get("/sneaky")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert b"secret" not in response.data


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: r.value if r else "anonymous")
def test_role_matrix(app, demo, users, auth, role):
    client = auth.client
    if role is not None:
        assert auth.login(role).status_code == 302
    wrong = []
    for endpoint, method, url in _requests(app):
        response = client.open(url, method=method)
        status, location = response.status_code, response.headers.get("Location", "")
        expected = EXPECTED[endpoint]
        if status >= 500:
            wrong.append(f"{method} {url}: server error {status}")
        elif expected == PUBLIC:
            if status == 403:
                wrong.append(f"{method} {url}: public page refused")
        elif role is None:
            if not (status == 302 and "/login" in location):
                wrong.append(f"{method} {url}: anonymous got {status}, not sent to sign in")
        elif role in expected:
            if status == 403 or ("/login" in location and endpoint not in SIGN_OUTS):
                wrong.append(f"{method} {url}: {role.value} refused ({status})")
        elif status != 403:
            wrong.append(f"{method} {url}: {role.value} got {status}, expected 403")
        if role is not None and endpoint in SIGN_OUTS:
            auth.login(role)
    assert wrong == []


def test_forbidden_page_is_plain_english(auth):
    auth.login(Role.PEER_RESEARCHER)
    response = auth.client.get("/admin/users")
    assert response.status_code == 403
    assert b"You cannot see this page" in response.data
    assert b"ask an admin to change your role" in response.data


def test_anonymous_is_sent_to_login_and_back(client, users):
    response = client.get("/members/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/members/")
    response = client.post("/login?next=/members/", data={
        "email": users[Role.FACILITATOR].email, "password": "Lantern-Pebble-Crane-88"})
    assert response.headers["Location"] == "/members/"


def test_login_ignores_an_offsite_next(client, users):
    response = client.post("/login?next=//evil.example/x", data={
        "email": users[Role.FACILITATOR].email, "password": "Lantern-Pebble-Crane-88"})
    assert response.headers["Location"] == "/"
