"""Search with Source = Document, a search of only common words (by meaning, with a note), and
the split preview's progress page, in a real browser."""
import pytest
from playwright.sync_api import expect

from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_document_passages_are_found_in_any_word_form(live_server, analysed, consultation, page,
                                                      shots):
    from forum.extensions import db
    from forum.models import Segment, SegmentSource
    from forum.services.segments import text_hash

    words = ("The plan says fewer people will be recalled to custody for breaching licence "
             "conditions.")
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT,
                           source_id=1, position=0, text=words, text_hash=text_hash(words)))
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/consultations/{consultation.id}/search")
    page.get_by_label("What are you looking for?").fill("breached")
    page.get_by_label("Source").select_option(label="Document")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 document passage found")).to_be_visible()
    expect(page.locator(".fv-evidence__text")).to_have_text(words)
    expect(page.locator(".fv-evidence__meta").last).to_have_text("Matched by keyword")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "search-documents.png"), full_page=True)


def test_a_search_of_only_common_words_is_searched_by_meaning(app, live_server, analysed,
                                                              consultation, page, shots):
    from analysis.services.query_words import KEYWORDS_SKIPPED
    from tests.analysis.views.test_search_common_words import embedded_passage

    words = "Being on my own after release was the hardest part."
    embedded_passage(app, consultation, words)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/{consultation.id}/search")
    page.get_by_label("What are you looking for?").fill("being on my own")
    page.get_by_role("button", name="Search").click()
    # A note above the results, not an error: the keyword part alone was skipped.
    expect(page.locator(".govuk-inset-text")).to_have_text(
        KEYWORDS_SKIPPED.format("Those words are"))
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator(".fv-evidence__text").filter(has_text=words)).to_be_visible()
    expect(page.get_by_label("What are you looking for?")).to_have_value("being on my own")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "search-common-words.png"), full_page=True)


def test_a_common_word_shows_what_says_it_and_what_is_close_in_meaning_apart(
        live_server, analysed, consultation, page, shots, monkeypatch):
    from analysis.services.search import LIMIT
    from forum.extensions import db
    from forum.models import Segment, SegmentSource
    from forum.services.segments import text_hash

    rows = [f"The curfew came up again, in meeting {n}." for n in range(LIMIT + 10)]
    rows.append("They tagged me and I had to be home by seven every night.")
    added = [Segment(consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT,
                     source_id=1, position=n, text=words, text_hash=text_hash(words))
             for n, words in enumerate(rows)]
    db.session.add_all(added)
    db.session.commit()
    monkeypatch.setattr("analysis.views.search.ask_meaning",
                        lambda consultation_id, query: ({added[-1].id: 0.6}, None))
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/{consultation.id}/search")
    page.get_by_label("What are you looking for?").fill("curfew")
    # Documents searched alone take the two groups; beside members' words they come last.
    page.get_by_label("Source").select_option("document")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name=f"What members said in your words ({LIMIT - 1} shown)")
           ).to_be_visible()
    near = page.get_by_role("heading", name="What members said close in meaning (1)")
    near.scroll_into_view_if_needed()
    expect(page.locator(".fv-evidence__text").last).to_have_text(rows[-1])
    expect(page.locator(".fv-evidence__meta").last).to_have_text("Matched by meaning")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "search-groups.png"), full_page=False)


def test_split_shows_progress_then_the_preview(live_server, analysed, page, shots, monkeypatch):
    from sqlalchemy import select

    from analysis.models import Theme
    from forum import jobs
    from forum.extensions import db

    queued = []
    monkeypatch.setattr(jobs, "_queue", queued.append)  # the worker is busy: the job waits
    theme = max(db.session.scalars(select(Theme)), key=lambda t: len(t.links))
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/themes/{theme.id}/split")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Preparing to split")
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "split-waiting.png"), full_page=True)
    jobs.run_job(queued[0])  # the worker gets to it; the page notices by itself
    expect(page.get_by_role("heading", level=1)).to_contain_text("themes?", timeout=15000)
    expect(page.get_by_text("Nothing has changed yet")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "split-preview.png"), full_page=True)


def test_a_quoted_phrase_and_a_prefix_are_searched_as_the_hint_says(live_server, analysed,
                                                                   consultation, page, shots):
    from forum.extensions import db
    from forum.models import Segment, SegmentSource
    from forum.services.segments import text_hash

    words = "Our whole household was split up when they breached his licence conditions."
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT,
                           source_id=1, position=0, text=words, text_hash=text_hash(words)))
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/consultations/{consultation.id}/search")
    page.get_by_text("How to search").click()
    expect(page.locator(".govuk-details__text")).to_contain_text(
        "hous* finds house, housing and household")
    page.get_by_label("What are you looking for?").fill('"breached his licence" househ*')
    page.get_by_label("Source").select_option(label="Document")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 document passage found")).to_be_visible()
    expect(page.locator(".fv-evidence__text")).to_have_text(words)
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "search-phrase-and-prefix.png"), full_page=True)
