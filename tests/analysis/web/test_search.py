"""Search by meaning and by keyword, with filters."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import Theme
from analysis.services.search import Filters, keywords, search_segments
from forum.access import Role
from forum.extensions import db


def test_question_words_are_dropped_from_keywords():
    assert keywords("What did members say about breach?") == ["breach"]
    assert keywords("housing after prison") == ["housing", "after", "prison"]


def test_breach_question_finds_breach_segments_by_keyword_and_meaning(app, analysed, consultation):
    from analysis.services.embeddings import EMBEDDER_KEY

    hits = search_segments(consultation.id, "what did members say about breach?", Filters(),
                           app.extensions[EMBEDDER_KEY])
    texts = [h.segment.text.lower() for h in hits]
    assert hits and "breach" in texts[0]
    assert any("keyword" in h.reasons for h in hits)
    # The fake embedder puts "recalled" and "licence" near "breach": found by meaning alone.
    assert any(h.reasons == ["meaning"] for h in hits)
    assert all(("breach" in t) or h.similarity >= 0.3 for t, h in zip(texts, hits))


def test_filters_narrow_by_source_theme_and_group(app, analysed, consultation):
    housing = db.session.scalar(select(Theme).where(Theme.code == "Housing and homelessness"))
    in_theme = search_segments(consultation.id, "housing", Filters(theme=str(housing.id)))
    assert in_theme and all(h.theme.id == housing.id for h in in_theme)
    surveys = search_segments(consultation.id, "housing", Filters(source="survey"))
    assert surveys and all(h.segment.source_type.value == "survey" for h in surveys)
    women = search_segments(consultation.id, "housing", Filters(group="Gender=Woman"))
    assert women and all(h.segment.member.gender == "Woman" for h in women)
    ungrouped = search_segments(consultation.id, "", Filters(theme="none"))
    assert all(h.theme is None for h in ungrouped)


def test_search_page_shows_text_member_source_and_theme(auth, analysed, consultation):
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "what did members say about breach?"}).get_data(as_text=True)
    assert "segments found" in html and "Matched by keyword" in html
    assert "Focus group" in html or "Survey" in html
    assert "/themes/" in html
    empty = auth.client.get(f"/consultations/{consultation.id}/search").get_data(as_text=True)
    assert "segments found" not in empty and "What are you looking for?" in empty
