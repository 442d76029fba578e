"""A search made only of very common words says why it cannot search, on both databases."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select, text

from analysis.services.query_words import TOO_COMMON, keywords, too_common
from analysis.services.search import Filters, search_segments
from forum.access import Role
from forum.extensions import db
from forum.models import Segment


def _page(auth, consultation, query):
    return auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": query}).get_data(as_text=True)


@pytest.mark.parametrize(("query", "message"), [
    ("the", "That word is too common to search for; add a more specific word"),
    ("and it", "Those words are too common to search for; add a more specific word"),
    # Stop words to PostgreSQL, ordinary words to SQLite's index: it found these before.
    ("out again", "Those words are too common to search for; add a more specific word"),
])
def test_the_page_says_plainly_why_it_cannot_search(auth, analysed, consultation, query,
                                                    message):
    auth.login(Role.POLICY_OFFICER)
    html = _page(auth, consultation, query)
    # In the error summary and under the search box, as every form error is.
    assert "There is a problem" in html and html.count(message) == 2
    assert 'id="q-error"' in html and f'value="{query}"' in html
    assert "segments found" not in html and "Nothing matched" not in html


def test_a_specific_word_beside_common_ones_is_searched(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    html = _page(auth, consultation, "out and about after a breach")
    assert "too common" not in html and "Matched by keyword" in html
    assert keywords("out and about after a breach") == ["breach"]


def test_both_databases_drop_the_same_words(app, analysed, consultation):
    assert keywords("housing after prison") == ["housing", "prison"]
    assert keywords("don't") == [] and too_common("don't")
    assert too_common("") is None and too_common("??") is None
    # Some demo segments say "out": SQLite's index would find them, PostgreSQL's never does.
    assert db.session.scalar(select(Segment.id).where(Segment.text.like("% out %")))
    assert search_segments(consultation.id, "out", Filters()) == []


def test_the_list_is_postgresql_s_own(app, analysed, consultation):
    """On PostgreSQL: it drops every listed word, and no other word of the demo segments."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("checks the list against PostgreSQL's English dictionary")
    said = {w for t in db.session.scalars(select(Segment.text))
            for w in re.findall(r"[a-z0-9]+", t.lower())}
    rows = db.session.execute(text(
        "SELECT w, to_tsvector('english', w) = ''::tsvector FROM unnest(CAST(:words AS text[])) w"),
        {"words": sorted(said | TOO_COMMON)}).all()
    dropped = {w for w, empty in rows if empty}
    assert dropped == TOO_COMMON
