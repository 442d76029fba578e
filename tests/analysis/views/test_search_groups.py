"""A common word said by more segments than a page holds still leaves room for what is close
in meaning: the page shows the two apart, each under its own heading. The segments here are
documents' passages, searched alone (Source: Document), so they take members' two groups."""
from __future__ import annotations

from analysis.services.search import KEYWORD_PLACES, LIMIT, Filters, search_results
from forum.access import Role
from tests.analysis.views.test_search import _add

DOCUMENTS = Filters(source="document")


def _many_saying(consultation_id, word, count):
    return [_add(consultation_id, f"The {word} came up again, in meeting {n}.").id
            for n in range(count)]


def test_a_common_word_leaves_places_for_what_is_close_in_meaning(app, analysed, consultation):
    _many_saying(consultation.id, "curfew", LIMIT + 10)
    near = _add(consultation.id, "They tagged me and I had to be home by seven every night.")
    results = search_results(consultation.id, "curfew", DOCUMENTS, {near.id: 0.6})
    hits = results.hits
    assert len(hits) == LIMIT
    assert [h.segment.id for h in results.near] == [near.id]
    assert results.near[0].reasons == ["meaning"] and results.more_said
    assert all("keyword" in h.reasons for h in results.said)
    # Keyword hits still come first, and fill the page when nothing else is close.
    assert hits[-1].segment.id == near.id
    alone = search_results(consultation.id, "curfew", DOCUMENTS)
    assert len(alone.said) == LIMIT and alone.near == [] and alone.more_said


def test_keyword_hits_take_at_most_their_places_while_meaning_hits_wait(app, analysed,
                                                                        consultation):
    _many_saying(consultation.id, "curfew", LIMIT + 10)
    near = {_add(consultation.id, f"Home by seven every night, week {n}.").id: 0.5 + n / 100
            for n in range(LIMIT)}
    results = search_results(consultation.id, "curfew", DOCUMENTS, near)
    assert len(results.said) == KEYWORD_PLACES and len(results.near) == LIMIT - KEYWORD_PLACES
    closest = sorted(near, key=lambda sid: -near[sid])
    assert [h.segment.id for h in results.near] == closest[:LIMIT - KEYWORD_PLACES]


def test_the_page_shows_the_two_groups_under_their_own_headings(auth, analysed, consultation,
                                                                 monkeypatch):
    _many_saying(consultation.id, "curfew", LIMIT + 10)
    near = _add(consultation.id, "They tagged me and I had to be home by seven every night.")
    monkeypatch.setattr("analysis.views.search.ask_meaning",
                        lambda consultation_id, query: ({near.id: 0.6}, None))
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "curfew", "source": "document"}).get_data(
                               as_text=True)
    said_at = html.index(f"What members said in your words ({LIMIT - 1} shown)")
    near_at = html.index("What members said close in meaning (1)")
    assert said_at < html.index("in meeting") < near_at < html.index(near.text)
    assert "More passages from members say your words" in html
