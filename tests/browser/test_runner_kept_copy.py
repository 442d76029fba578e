"""The tablet's own page and the copy of the survey kept on it: a file that cannot be fetched
is tried again later, not on every start page; the page shows the name staff gave the tablet
since, and asks for a name in words as big as the hint under them."""
import functools
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.extensions import db
from surveys.models import SurveyDevice, SurveyMedia
from surveys.services.devices import rename_device
from surveys.services.media import media_path
from tests.browser.runner_helpers import (
    FULL_RUN,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,  # noqa: F401 (a fixture, requested by name)
    wait_for_heading,
)

pytestmark = pytest.mark.browser


def open_start(page, base):
    """The start page, once its background check of the kept copy has ended; returns how."""
    page.goto(f"{base}/run/1/start")
    page.locator("main[data-kept]").wait_for(state="attached", timeout=30000)
    return page.locator("main").get_attribute("data-kept")


def test_a_file_that_always_fails_is_tried_again_later_not_on_every_start_page(
        app, live_server, touch_page, monkeypatch):
    """The demo's picture went missing on the server after the tablet kept the survey, and the
    rules changed: every start page, between every two participants, fetched the whole survey
    again (and failed again on the picture)."""
    import surveys.views.runner as runner_view

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    picture = db.session.scalar(select(SurveyMedia))
    media_path(app.config["DATA_DIR"], picture).unlink()
    asked = []
    served = app.view_functions["runner.media"]

    @functools.wraps(served)  # with its access rule
    def counted(**args):  # the server's own count: the service worker's fetches pass no route
        asked.append(args["media_id"])
        return served(**args)

    monkeypatch.setitem(app.view_functions, "runner.media", counted)
    monkeypatch.setattr(runner_view, "TEXT_MAX", 500)

    assert open_start(page, live_server) == "kept"
    assert len(asked) == 1
    failed = page.evaluate("window.FVStore.getMeta('keep-failed-1')")
    assert failed["tries"] == 1 and failed["missing"] == [f"/run/media/{picture.id}"]
    # The next participant's start page waits, and the picture kept before is still shown.
    assert open_start(page, live_server) == "waiting"
    assert len(asked) == 1
    tap_through(page, FULL_RUN[:1], finish=False)
    wait_for_heading(page, FULL_RUN[1][0])
    image = page.get_by_role("img", name="A house at night, with the moon in the sky")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    # Once its wait is over it tries again, and waits longer after another failure.
    page.evaluate("window.FVStore.getMeta('keep-failed-1').then(f => window.FVStore.setMeta("
                  "'keep-failed-1', Object.assign(f, {retryAt: '2000-01-01T00:00:00Z'})))")
    assert open_start(page, live_server) == "kept"
    assert len(asked) == 2
    assert page.evaluate("window.FVStore.getMeta('keep-failed-1')")["tries"] == 2

    # The researcher page says what it could not fetch, and that the kept copy is used.
    page.goto(f"{live_server}/run/1/")
    page.get_by_text(re.compile(r"^The survey saved on this tablet will be used, but 1 picture "
                                r"or recording could not be fetched\.")).wait_for()


def test_a_renamed_tablet_shows_its_new_name_on_its_own_page(live_server, touch_page):
    """Renamed on the Tablets page, it still said 'set up as ‘Test tablet’' until set up again."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    device = db.session.scalar(select(SurveyDevice).filter_by(name="Test tablet"))
    rename_device(device, "Van tablet")
    page.reload()
    page.get_by_text("This tablet is set up as ‘Van tablet’ and can send responses.").wait_for()
    assert page.evaluate("window.FVStore.getMeta('device')")["name"] == "Van tablet"


def test_the_name_box_label_is_no_smaller_than_its_hint(live_server, touch_page):
    """'Name this tablet' was set at 19px under a 24px hint: the question looked like a note."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/")
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    label = page.locator("label[for=device-name]").evaluate(size)
    hint = page.locator("#device-name-hint").evaluate(size)
    assert label >= hint, (label, hint)


def _count_media(app, monkeypatch, hold=None):
    """Count the server's answers for pictures; with ``hold`` (two events), the first request
    waits until hold[1] is set, after setting hold[0]. Returns: the list of media ids asked."""
    asked = []
    served = app.view_functions["runner.media"]

    @functools.wraps(served)  # with its access rule
    def counted(**args):
        asked.append(args["media_id"])
        if hold and len(asked) == 1:
            hold[0].set()
            hold[1].wait(60)
        return served(**args)

    monkeypatch.setitem(app.view_functions, "runner.media", counted)
    return asked


def test_a_first_set_up_with_a_file_missing_keeps_the_rest_and_tries_again_later(
        app, live_server, touch_page, monkeypatch):
    """The picture was missing from the start: the survey was never marked as kept, so the
    start page never tried again, and the researcher page spoke of 'pages, pictures or
    sounds' without saying which kind."""
    page = touch_page
    picture = db.session.scalar(select(SurveyMedia))
    media_path(app.config["DATA_DIR"], picture).unlink()
    asked = _count_media(app, monkeypatch)
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/")
    page.get_by_label("Name this tablet").fill("Test tablet")
    page.get_by_role("button", name="Set up this tablet").click()
    page.get_by_text(re.compile(r"^The survey saved on this tablet will be used, but 1 picture "
                                r"or recording could not be fetched\. Everything else is saved\."
                                )).wait_for(timeout=30000)
    assert page.evaluate("window.FVStore.getMeta('cached-1')")
    assert page.evaluate("window.FVStore.getMeta('keep-failed-1')")["tries"] == 1
    assert len(asked) == 1
    # The start page waits, then tries again with the same back-off.
    assert open_start(page, live_server) == "waiting"
    assert len(asked) == 1
    page.evaluate("window.FVStore.getMeta('keep-failed-1').then(f => window.FVStore.setMeta("
                  "'keep-failed-1', Object.assign(f, {retryAt: '2000-01-01T00:00:00Z'})))")
    assert open_start(page, live_server) == "kept"
    assert len(asked) == 2
    failed = page.evaluate("window.FVStore.getMeta('keep-failed-1')")
    assert failed["tries"] == 2 and failed["missing"] == [f"/run/media/{picture.id}"]


def test_a_start_page_left_before_its_fetch_ends_still_counts_as_a_try(
        app, live_server, touch_page, monkeypatch):
    """The try was recorded only once every file had answered: a participant who tapped on
    before then left nothing recorded, and the next start page fetched everything again."""
    import threading

    import surveys.views.runner as runner_view

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    reached, release = threading.Event(), threading.Event()
    asked = _count_media(app, monkeypatch, hold=(reached, release))
    monkeypatch.setattr(runner_view, "TEXT_MAX", 500)  # the rules changed: keep it again
    try:
        page.goto(f"{live_server}/run/1/start")
        assert reached.wait(60)
        page.goto("about:blank")  # the page is left while the picture is still coming
    finally:
        release.set()
    assert open_start(page, live_server) == "waiting"
    assert page.evaluate("window.FVStore.getMeta('keep-failed-1')")["tries"] == 1
    assert len(asked) == 1


def test_rules_changed_while_waiting_after_a_failure_are_kept_at_once(
        app, live_server, touch_page, monkeypatch):
    """While a failed keep waited (5 minutes doubling to 6 hours), the start page did not even
    ask for the rules: a new written-answer limit was not picked up, and the server refused
    every response written to the old one."""
    import surveys.views.runner as runner_view

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    picture = db.session.scalar(select(SurveyMedia))
    media_path(app.config["DATA_DIR"], picture).unlink()
    asked = _count_media(app, monkeypatch)
    monkeypatch.setattr(runner_view, "TEXT_MAX", 500)
    assert open_start(page, live_server) == "kept"
    assert len(asked) == 1
    before = page.evaluate("window.FVStore.getMeta('rules-1')")
    # Same rules, still within the wait: nothing fetched again.
    assert open_start(page, live_server) == "waiting"
    assert len(asked) == 1
    # The limit changes within the wait: the new rules are kept now, not hours later.
    monkeypatch.setattr(runner_view, "TEXT_MAX", 400)
    assert open_start(page, live_server) == "kept"
    assert len(asked) == 2
    assert page.evaluate("window.FVStore.getMeta('rules-1')") != before
    # And the back-off holds again for the new rules.
    assert open_start(page, live_server) == "waiting"
    assert len(asked) == 2
