"""Issue 12 pages in a real browser: the safeguarding review, and linking a member on the tablet."""
from datetime import UTC

import pytest
from playwright.sync_api import expect

from forum.extensions import db
from forum.models import Member, Turn
from tests.browser.helpers import axe_violations, sign_in
from tests.browser.runner_helpers import (  # noqa: F401
    FULL_RUN,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,
)

pytestmark = pytest.mark.browser


def test_issue12_item1_safeguarding_review_page(live_server, page, shots):
    from analysis.services.safeguarding import flag_turn
    from forum.models import FocusGroupSession, Speaker, SpeakerRole, Transcript, TranscriptStatus

    member = next(m for m in db.session.scalars(db.select(Member)) if m.takes_part)
    transcript = Transcript(session=db.session.get(FocusGroupSession, 1), filename="group.txt",
                            status=TranscriptStatus.NEEDS_REVIEW, original_text="x")
    speaker = Speaker(label="Sam", role=SpeakerRole.MEMBER, member=member)
    transcript.speakers.append(speaker)
    transcript.turns.append(Turn(index=4, speaker=speaker, original_text="o",
                                 redacted_text="Some nights I thought about ending it all, "
                                               "honestly."))
    db.session.add(transcript)
    db.session.commit()
    turn = transcript.turns[0]
    flag_turn(turn, "suicide")
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/transcripts/{turn.transcript_id}#turn-{turn.index}")
    page.get_by_role("link", name=f"Review this flag on turn {turn.index}").click()
    expect(page.get_by_role("heading",
                            name=f"Safeguarding flag on turn {turn.index}")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "safeguarding-review-error.png"), full_page=True)
    page.get_by_label("Referred on (safeguarding lead or another service)").check()
    page.get_by_label("Note: what you did, who you told, and when").fill(
        "Told the safeguarding lead at 3pm.")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text(
        "Analysed, but not quoted unless someone chooses to allow it").first).to_be_visible()
    page.goto(f"{live_server}/transcripts/{turn.transcript_id}/turns/{turn.id}/safeguarding")
    expect(page.get_by_role("button", name="Allow quoting")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "safeguarding-review.png"), full_page=True)


def test_issue12_item13_the_tablet_end_screen_has_no_member_list(live_server, touch_page, shots):
    page = touch_page
    member = db.session.scalar(db.select(Member).where(Member.pseudonym == "Kestrel")) or next(
        m for m in db.session.scalars(db.select(Member)) if m.takes_part)
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, FULL_RUN, finish=False)
    page.get_by_role("heading", name="Thank you. That was the last question.").wait_for()
    expect(page.locator("select, option, datalist")).to_have_count(0)
    assert member.pseudonym not in page.content()
    assert axe_violations(page) == []
    page.get_by_label("Link these answers to a forum member").fill(member.pseudonym.upper())
    page.screenshot(path=str(shots / "runner-end.png"), full_page=True)
    page.get_by_role("button", name="Save and finish").tap()
    page.get_by_text("All responses have been sent.").wait_for(timeout=15000)
    from surveys.models import SurveyResponse

    db.session.expire_all()
    latest = db.session.scalar(db.select(SurveyResponse).order_by(SurveyResponse.id.desc()))
    assert latest.member_id == member.id


def test_issue12_item1_a_held_survey_answer_uses_the_same_review(live_server, page, shots):
    from datetime import datetime

    from analysis.services.answers import build_answer_segments
    from surveys.services import FreeTextAnswer

    build_answer_segments(1, [FreeTextAnswer(
        answer_id=9102, response_id=1, member_id=None, consultation_question_id=None,
        text="I thought about ending it when they sent me back there.",
        created_at=datetime.now(UTC), source="survey")])
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/consultations/1/answers/review")
    expect(page.get_by_text("What was done about the concern?").first).to_be_visible()
    assert axe_violations(page) == []
    page.locator("form",
                 has_text="ending it").screenshot(path=str(shots / "answer-safeguarding.png"))


def test_issue12_item12_the_audit_log_shows_details(live_server, page, shots):
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/admin/audit")
    expect(page.get_by_role("columnheader", name="Details")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "audit-log.png"))
