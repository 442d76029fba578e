"""Segments that join a theme after the run, in a real browser: how sure, and "Check"."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from analysis.core.questions import CHECK_BELOW
from analysis.models import BY_JOINED, ThemeSegment
from analysis.services.embeddings import queue_embedding
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services.segments import text_hash
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser

NEW = ["After my release the housing officer had no flat and no hostel bed for me.",
       "The council said the flat was gone, so it was the sofa at my sister's again."]


def test_joined_segments_show_how_sure_they_are(live_server, analysed, consultation, page,
                                               shots):
    errors = page_errors(page)
    member = db.session.scalar(select(Member).where(Member.pseudonym == "Kestrel"))
    for position, text in enumerate(NEW, start=1):
        db.session.add(Segment(consultation_id=consultation.id, position=position,
                               source_type=SegmentSource.TRANSCRIPT, source_id=78,
                               member_id=member.id, text=text, text_hash=text_hash(text)))
    db.session.commit()
    queue_embedding(consultation.id)  # jobs run inline: embedding, then joining
    joined = list(db.session.scalars(select(ThemeSegment).where(
        ThemeSegment.placed_by == BY_JOINED)))
    assert joined
    # One unsure join, as a less clear remark would be, so the page's "Check" is seen too.
    joined[-1].confidence = min(joined[-1].confidence or 0.0, 0.61)
    db.session.commit()
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/themes/{joined[0].theme_id}")
    for link in joined:
        if link.theme_id != joined[0].theme_id:
            continue
        row = page.locator(f"#segment-{link.segment_id}")
        expect(row.get_by_text("Joined after the analysis")).to_be_visible()
        expect(row.locator(f'[data-sure="{link.segment_id}"]')).to_have_text(
            f"{round((link.confidence or 0) * 100)}% sure")
        check = row.locator(".govuk-tag", has_text="Check")
        expect(check).to_have_count(1 if (link.confidence or 0) < CHECK_BELOW else 0)
    assert axe_violations(page) == []
    page.locator(f"#segment-{joined[0].segment_id}").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "theme-joined.png"))
    assert errors == []


def test_the_themes_page_says_why_new_segments_wait_after_the_model_went(
        live_server, analysed, consultation, page, shots):
    """Words redacted after the run deleted its saved model: the page says new segments wait."""
    from analysis.models import AnalysisRun
    from analysis.services.segment_resets import withdraw
    from forum.access import Role

    run = db.session.get(AnalysisRun, analysed.id)
    withdraw([db.session.get(Segment, min(int(k) for k in run.result["assignments"]))])
    db.session.commit()
    errors = page_errors(page)
    sign_in(page, live_server, Role.POLICY_OFFICER)
    page.goto(f"{live_server}/consultations/{consultation.id}/themes")
    message = page.locator("[data-run-message]")
    expect(message).to_contain_text("Run the analysis again to group them.")
    expect(page.get_by_role("button", name="Run the analysis again")).to_be_visible()
    assert axe_violations(page) == []
    message.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "themes-model-forgotten.png"))
    assert errors == []
