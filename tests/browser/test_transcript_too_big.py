"""A transcript over the upload limit is refused in the form, before it is sent: the server's
'The file is too big' page (413) lost the real names typed beside it, and said so after
minutes of uploading."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_a_file_over_the_limit_is_refused_in_the_form_keeping_what_was_typed(
        app, live_server, page, shots, tmp_path):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    big = tmp_path / "long-group.txt"
    big.write_text("Facilitator: Hello.\nDee: " + "words " * 200_000 + "\n")
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/sessions/1/transcripts/new")
    page.get_by_label("Transcript file").set_input_files(str(big))
    names = page.locator("textarea[name=known_names]")
    names.fill("Dee Jones")
    page.get_by_role("button", name="Upload transcript").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("long-group.txt is too big (1.1 MB). Files must be 1 MB or "
                                    "smaller")
    expect(summary).to_be_focused()
    assert page.url.endswith("/sessions/1/transcripts/new")
    assert names.input_value() == "Dee Jones"
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-message").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "upload-too-big.png"), full_page=True)
    # Choosing again and sending twice does not stack errors.
    page.get_by_role("button", name="Upload transcript").click()
    assert page.locator(".govuk-error-message").count() == 1
    assert page.locator(".govuk-error-summary").count() == 1


def test_without_script_the_server_sends_the_form_back_with_what_was_typed(
        app, live_server, browser, shots, tmp_path):
    """With no JavaScript the file was sent, and the server's 'The file is too big' page lost
    the names typed beside it."""
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    big = tmp_path / "long-group.txt"
    big.write_text("Facilitator: Hello.\nDee: " + "words " * 200_000 + "\n")
    context = browser.new_context(viewport={"width": 768, "height": 1024},
                                  java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, "facilitator")
        page.goto(f"{live_server}/sessions/1/transcripts/new")
        page.get_by_label("Transcript file").set_input_files(str(big))
        page.locator("textarea[name=known_names]").fill("Dee Jones")
        page.get_by_role("button", name="Upload transcript").click()
        page.wait_for_load_state()
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "long-group.txt is too big (1.1 MB). Files must be 1 MB or smaller")
        assert page.locator("textarea[name=known_names]").input_value() == "Dee Jones"
        assert page.title().startswith("Error: ")
        page.screenshot(path=str(shots / "upload-too-big-no-script.png"), full_page=True)
    finally:
        context.close()
