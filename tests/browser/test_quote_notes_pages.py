"""Quote notes in a real browser: the placeholder warning and the evidence-rich tag (issue 11)."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.helpers import axe_violations, demo_evidence, open_question, sign_in

pytestmark = pytest.mark.browser
WARNING = "This quote has [name] in place of personal details"
WORDS = "When I got out [name] at the council said there was nothing until Monday."


def _placeholder_quote_in_q2(users):
    """A quotable segment with a placeholder, chosen for Q2 of the demo draft."""
    from exports.services.draft_quotes import add_quote
    from exports.services.drafts import current_draft
    from forum.access import Role
    from forum.extensions import db
    from forum.models import Member, Segment, SegmentSource
    from forum.services.segments import text_hash

    demo_evidence()
    member = db.session.scalars(select(Member).where(Member.pseudonym == "Member 1")).one()
    segment = Segment(consultation_id=1, source_type=SegmentSource.SURVEY, source_id=1, position=9,
                      member=member, text=WORDS, text_hash=text_hash(WORDS))
    db.session.add(segment)
    db.session.commit()
    q2 = next(s for s in current_draft(1).sections if s.question.number == "2")
    add_quote(q2, segment.id, users[Role.POLICY_OFFICER])
    return segment


def test_a_placeholder_quote_is_shown_with_a_way_to_pick_another(live_server, page, shots, users):
    segment = _placeholder_quote_in_q2(users)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/1/draft")
    open_question(page, "Q2")
    quote = page.locator("#section-Q2 li.fv-quote").filter(has_text=WARNING)
    expect(quote).to_have_count(1)
    expect(quote.get_by_text("Evidence-rich")).to_be_visible()
    assert axe_violations(page) == []
    quote.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "draft-quote-placeholder.png"))

    quote.get_by_role("button", name="Pick another quote for quote").click()
    expect(page.get_by_role("heading", name="Add quotes to Q2")).to_be_visible()
    page.get_by_label("Words to look for").fill("council")
    page.get_by_role("button", name="Show quotes").click()
    chosen = page.locator(f"#pick-{segment.id}")
    expect(chosen).to_contain_text(WARNING)
    expect(chosen).to_contain_text("Evidence-rich")
    assert axe_violations(page) == []
    chosen.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "quote-picker-placeholder.png"))
