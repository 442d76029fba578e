"""A search made only of very common words: searched by meaning with a note saying the keyword
part was skipped, or, with keyword search alone, the field says why; on both databases."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select, text

from analysis.services.query_words import KEYWORDS_SKIPPED, TOO_COMMON, keywords, too_common
from analysis.services.search import Filters, search_segments
from forum.access import Role
from forum.extensions import db
from forum.models import Segment


def _page(auth, consultation, query):
    return auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": query}).get_data(as_text=True)


def embedded_passage(app, consultation, words):
    """A document passage, embedded (by the fake embedder) as the analysis would have."""
    from analysis.core.themes import SegmentInput, embed_segments
    from analysis.services.embeddings import EMBEDDER_KEY, DbEmbeddingCache
    from forum.models import SegmentSource
    from forum.services.segments import text_hash

    row = Segment(consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT,
                  source_id=1, position=0, text=words, text_hash=text_hash(words))
    db.session.add(row)
    db.session.flush()
    embed_segments([SegmentInput(id=row.id, text=words, text_hash=row.text_hash)],
                   app.extensions[EMBEDDER_KEY], DbEmbeddingCache())
    db.session.commit()
    return row


def _silent_worker(monkeypatch):
    from forum import calls

    def silent(*args, **kwargs):
        raise calls.WorkerUnavailable("no answer")

    monkeypatch.setattr("analysis.services.meaning.call_worker", silent)


def test_only_common_words_are_still_searched_by_meaning(app, auth, analysed, consultation):
    from analysis.services.embeddings import EMBEDDER_KEY

    lonely = embedded_passage(app, consultation,
                              "Being on my own after release was the hardest part.")
    auth.login(Role.POLICY_OFFICER)
    html = _page(auth, consultation, "being on my own")
    note = KEYWORDS_SKIPPED.format("Those words are")
    # A note beside the results, not a form error.
    assert html.count(note) == 1 and "govuk-inset-text" in html
    assert "There is a problem" not in html and 'id="q-error"' not in html
    assert "being on my own" in app.extensions[EMBEDDER_KEY].calls  # the worker embedded it
    assert re.search(r'id="found">\d+ things? (a member|members) said', html)
    assert lonely.text in html and "Matched by meaning" in html
    assert "Matched by keyword" not in html


@pytest.mark.parametrize(("query", "message"), [
    ("the", "That word is too common to search for; add a more specific word"),
    ("and it", "Those words are too common to search for; add a more specific word"),
    # Stop words to PostgreSQL, ordinary words to SQLite's index: it found these before.
    ("out again", "Those words are too common to search for; add a more specific word"),
])
def test_keyword_search_alone_says_plainly_why_it_cannot_search(auth, analysed, consultation,
                                                                 monkeypatch, query, message):
    _silent_worker(monkeypatch)  # search by meaning not answering: keywords are all there is
    auth.login(Role.POLICY_OFFICER)
    html = _page(auth, consultation, query)
    # In the error summary and under the search box, as every form error is.
    assert "There is a problem" in html and html.count(message) == 2
    assert 'id="q-error"' in html and f'value="{query}"' in html
    assert 'id="found"' not in html and "Try other words, or fewer filters." not in html
    assert "matches by meaning" not in html and "keyword matches only" not in html


@pytest.mark.parametrize("query", ["5", "B"])
def test_a_single_digit_or_letter_is_searched(app, auth, analysed, consultation, monkeypatch,
                                              query):
    """"5 years", "B wing": both databases index single digits and letters, so they are found."""
    said = embedded_passage(app, consultation, "I did 5 years on B wing before they moved me.")
    assert keywords(query) == [query.lower()] and too_common(query) is None
    _silent_worker(monkeypatch)  # found by keyword alone
    auth.login(Role.POLICY_OFFICER)
    html = _page(auth, consultation, query)
    assert "too common" not in html and "There is a problem" not in html
    assert said.text in html and "Matched by keyword" in html


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
