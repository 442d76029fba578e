"""Runner pages on the server: published versions only, offline list, service worker, set-up."""
import json
from pathlib import Path

from sqlalchemy import select

import surveys
import surveys.views.runner as runner_views
from forum.access import Role
from forum.extensions import db
from forum.models import Member
from forum.services.members import record_consent, save_member, withdraw_consent
from surveys.models import SurveyDevice
from surveys.services.devices import active_device_id
from surveys.services.surveys import draft_version
from tests.conftest import csrf_token
from tests.surveys.conftest import make_payload


def test_each_participant_page_has_its_own_layout(auth, version, questions):
    auth.login(Role.PEER_RESEARCHER)
    for path in ["start", "q/1", "q/2", "q/6", "end", "stop", "stopped", "done", ""]:
        response = auth.client.get(f"/run/{version.id}/{path}")
        assert response.status_code == 200, path
        page = response.data.decode()
        assert "/static/build/runner.css" in page and "build/app.css" not in page, path
        assert "govuk-service-navigation" not in page, path
        # Only the researcher's page ("") offers to sign out; participant pages never do.
        assert ("Sign out</button>" in page) == (path == ""), path
        assert "<script>" not in page.replace("<script nonce=", ""), "inline script without a nonce"
    page = auth.client.get(f"/run/{version.id}/q/2").data.decode()
    assert "Question 2 of 6" in page and f'href="/run/{version.id}/stop"' in page
    assert auth.client.get(f"/run/{version.id}/q/7").status_code == 404


def test_take_part_is_a_link_that_works_before_the_script_is_ready(auth, version, questions):
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/start").data.decode()
    # It was a <button type="button">: a tap before the script loaded (or with none) did nothing.
    assert (f'<a href="/run/{version.id}/q/1?start=1" role="button" draggable="false" '
            'class="govuk-button govuk-button--start" data-take-part>Yes, I want to take part</a>'
            ) in page


def test_the_start_page_says_where_stopping_is_not_that_it_is_at_the_top(auth, version,
                                                                         questions):
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/start").data.decode()
    # The start page has no stop link of its own: each question page does.
    assert "data-stop-link" not in page
    assert "Each question has ‘I want to stop’ at the top." in page


def test_unpublished_versions_cannot_be_run(auth, survey):
    draft = draft_version(survey)
    db.session.commit()
    auth.login(Role.PEER_RESEARCHER)
    assert auth.client.get(f"/run/{draft.id}/start").status_code == 404


def test_the_offline_list_covers_every_page_picture_and_script(auth, version, questions):
    auth.login(Role.PEER_RESEARCHER)
    urls = auth.client.get(f"/run/{version.id}/offline.json").json["urls"]
    for position in range(1, 7):
        assert f"/run/{version.id}/q/{position}" in urls
    for page in ("start", "end", "stop", "stopped", "done"):
        assert f"/run/{version.id}/{page}" in urls
    assert {"/static/build/runner.css", "/static/surveys/store.js",
            "/static/surveys/store-outbox.js", "/static/surveys/store-refused.js",
            "/static/surveys/runner/main.js"} <= set(urls)
    # Every module the runner imports is kept, or it would not start offline.
    modules = Path(surveys.__file__).parent / "static" / "runner"
    assert {f"/static/surveys/runner/{m.name}" for m in modules.glob("*.js")} <= set(urls)
    for url in urls:
        assert auth.client.get(url).status_code == 200, url


def test_the_service_worker_is_served_for_the_runner_scope(client):
    response = client.get("/run/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Service-Worker-Allowed"] == "/run/"


def test_the_tablet_cache_is_named_for_this_releases_runner_files(app, auth, version,
                                                                  questions, tmp_path):
    """One name for every release had tablets refresh new scripts one at a time, as pages
    asked for them: the worker and the offline list now name the cache after the files."""
    auth.login(Role.PEER_RESEARCHER)
    script = auth.client.get("/run/sw.js").data.decode()
    stamp = runner_views.assets_stamp(app.static_folder)
    assert f'var CACHE = "fv-runner-{stamp}";' in script and "@ASSETS@" not in script
    manifest = auth.client.get(f"/run/{version.id}/offline.json").json
    assert manifest["cache"] == f"fv-runner-{stamp}"
    # Another release: its stylesheet changed, so the name does.
    for name in runner_views.APP_ASSETS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((Path(app.static_folder) / name).read_bytes())
    fresh = runner_views.assets_stamp.__wrapped__  # not the copy kept for this process
    assert fresh(str(tmp_path)) == stamp
    (tmp_path / "build" / "runner.css").write_text("body{color:red}")
    assert fresh(str(tmp_path)) != stamp


def test_setting_up_a_tablet_needs_a_signed_in_user_and_the_csrf_token(app, auth):
    auth.login(Role.PEER_RESEARCHER)
    app.config["WTF_CSRF_ENABLED"] = True
    # no CSRF token
    assert auth.client.post("/run/devices", json={"name": "Hostel 2"}).status_code == 400
    token = csrf_token(auth.client.get("/account/password").data.decode())
    response = auth.client.post("/run/devices", data=json.dumps({"name": "Hostel 2"}),
                                content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 201
    device = db.session.scalar(select(SurveyDevice))
    assert response.json["name"] == "Hostel 2" and device.created_by.role == Role.PEER_RESEARCHER
    assert active_device_id(response.json["token"]) == device.id
    assert response.json["token"] not in device.token_hash
    # Last: the test's one app context keeps the CSRF token a page made (flask_wtf caches
    # it in g), and the refusal page for someone signed out makes one for that visitor.
    anonymous = app.test_client()
    assert anonymous.post("/run/devices", json={"name": "X"}).status_code in (302, 400)


def test_issue12_item13_the_end_screen_never_lists_members(auth, users, version, client, questions,
                                                           tablet):
    facilitator = users[Role.FACILITATOR]
    agreed, refused, withdrawn, unknown = (save_member(Member(), name)
        for name in ("Agreed", "Refused", "Withdrawn", "Never asked"))
    record_consent(agreed, facilitator, take_part=True, may_quote=False,
                   may_quote_with_demographics=False, audio_recording=False)
    record_consent(refused, facilitator, take_part=False, may_quote=False,
                   may_quote_with_demographics=False, audio_recording=False)
    record_consent(withdrawn, facilitator, take_part=True, may_quote=True,
                   may_quote_with_demographics=False, audio_recording=False)
    withdraw_consent(withdrawn, facilitator)
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/end").data.decode()
    for name in ("Agreed", "Refused", "Withdrawn", "Never asked"):
        assert name not in page
    assert "<option" not in page and 'name="member_ref"' in page
    auth.logout()
    # The typed name is matched when the response arrives; only members who agreed are linked.
    from surveys.models import SurveyResponse
    from tests.surveys.test_sync_api import send, stored  # noqa: F401

    _device, token = tablet
    linked = {}
    for typed in ("  agreed ", "Refused", "Withdrawn", "Nobody by that name"):
        body = make_payload(version, questions)
        body["member_ref"] = typed
        assert send(client, token, body).status_code == 201
        linked[typed] = db.session.scalar(
            db.select(SurveyResponse.member_id).where(SurveyResponse.uuid == body["uuid"]))
    assert linked == {"  agreed ": agreed.id, "Refused": None, "Withdrawn": None,
                      "Nobody by that name": None}

def test_a_participant_form_sent_without_script_is_posted_and_nothing_is_kept(app, auth, version,
                                                                              questions):
    # With script off, "Next" sent the answer in the address (GET /run/1/q/1?answer=yes): into
    # the server's log and the browser's history, and nothing saved.
    from surveys.models import SurveyResponse

    auth.login(Role.PEER_RESEARCHER)
    app.config["WTF_CSRF_ENABLED"] = True  # no token on these forms: nothing is changed
    for path in ["q/1", "q/5", "end", "stop"]:
        page = auth.client.get(f"/run/{version.id}/{path}").data.decode()
        assert '<form method="post"' in page, path
        response = auth.client.post(f"/run/{version.id}/{path}", data={
            "answer": "My own words", "member_ref": "Member 1", "keep": "1"})
        page = response.data.decode()
        assert response.status_code == 400, path
        assert "Nothing was saved" in page and "JavaScript is turned off" in page, path
        assert "My own words" not in page and "Member 1" not in page, path
    assert db.session.scalar(select(db.func.count(SurveyResponse.id))) == 0


def test_the_shared_tablet_setting_is_named_in_plain_words(auth, version, questions):
    # "Kiosk mode" meant nothing to a peer researcher; the setting says what it does.
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/").get_data(as_text=True)
    assert "Kiosk" not in page
    assert ('<label class="govuk-label govuk-checkboxes__label" for="kiosk">'
            'Clear the screen between people<') in page


def test_a_changed_runner_page_template_changes_the_stamp(tmp_path):
    """A deploy that rewords a participant page reaches tablets from their start page."""
    from surveys.views.runner import templates_stamp

    (tmp_path / "question.html").write_text("<p>You can choose more than one.</p>")
    first = templates_stamp(tmp_path)
    assert templates_stamp(tmp_path) == first
    (tmp_path / "question.html").write_text("<p class='big'>You can choose more than one.</p>")
    assert templates_stamp(tmp_path) != first


def test_the_start_page_promises_only_what_linking_to_a_member_keeps(auth, version, questions):
    # The end page lets the researcher link the answers to a member's forum name, so staff
    # can know whose they are: "Nobody will know which answers are yours" was not true.
    # Nothing printed or shared names them, which is what the page now promises.
    from surveys.services.speech import page_speech

    auth.login(Role.PEER_RESEARCHER)
    start = auth.client.get(f"/run/{version.id}/start").data.decode()
    end = auth.client.get(f"/run/{version.id}/end").data.decode()
    assert "Link these answers to a forum member" in end
    assert "Nobody will know" not in start
    promise = "We will not tell anyone which answers are yours."
    assert promise in start
    assert promise in page_speech(version, "Forum Voice")["start"]  # what Play says, too
