"""The search page reads the codebook's search-term syntax: word* prefixes, "quoted phrases"."""
from __future__ import annotations

from analysis.services.search import Filters, keywords, search_segments
from forum.access import Role
from tests.analysis.views.test_search import _add


def test_a_query_keeps_prefixes_and_quoted_phrases():
    assert keywords('what about hous* and "missed appointment"?') == ["hous*",
                                                                      "missed appointment"]
    # Inside quotes every word counts, as in a codebook term; a phrase of stop words alone
    # could never be found by PostgreSQL, so it goes as other too-common words do.
    assert keywords('"a place to live" "to be"') == ["a place to live"]
    assert keywords('"rent arr*"') == keywords("“rent arr*”") == ["rent arr*"]
    assert keywords('breach" *') == ["breach"]  # a lone quote or star is no syntax


def _ids(consultation, query):
    return {h.segment.id for h in search_segments(consultation.id, query, Filters())}


def test_a_word_ending_in_a_star_finds_every_word_starting_so(app, analysed, consultation):
    # "household" is not a form of "hous": only the prefix finds it.
    household = _add(consultation.id, "Our whole household was split up by the sentence.")
    housing = _add(consultation.id, "Housing officers never called back.")
    assert {household.id, housing.id} <= _ids(consultation, "hous*")
    assert household.id not in _ids(consultation, "hous")


def test_a_quoted_phrase_finds_its_words_together(app, analysed, consultation):
    together = _add(consultation.id, "Recalled for one missed appointment at the office.")
    apart = _add(consultation.id, "I missed the bus, so the appointment went too.")
    found = _ids(consultation, '"missed appointment"')
    assert together.id in found and apart.id not in found
    assert {together.id, apart.id} <= _ids(consultation, "missed appointment")
    # Forms of the words count, as with single words: the engine stems both sides.
    assert together.id in _ids(consultation, '"missing appointments"')
    # A prefix at the end of a phrase.
    assert together.id in _ids(consultation, '"missed app*"')


def test_the_hint_explains_the_syntax_and_a_pattern_is_refused_plainly(auth, analysed,
                                                                       consultation):
    auth.login(Role.POLICY_OFFICER)
    url = f"/consultations/{consultation.id}/search"
    page = auth.client.get(url).get_data(as_text=True)
    assert "hous*" in page and "\"missed appointment\"" in page  # under "How to search"
    html = auth.client.get(url, query_string={"q": "re:evict(ed|ion)"}).get_data(as_text=True)
    assert "govuk-error-summary" in html and "codebook" in html


def test_a_word_with_an_accent_is_searched_whole(app, analysed, consultation):
    # "café" was searched as "caf" and "naïve" as "na" and "ve": the accented letter cut the
    # word, so the café was never found, and "na" found every NA (Narcotics Anonymous) meeting.
    assert keywords("café") == ["café"]
    assert keywords('naïve "café sur*"') == ["naïve", "café sur*"]
    cafe = _add(consultation.id, "The café on the wing was the one calm place.")
    meetings = _add(consultation.id, "NA meetings kept me going after release.")
    assert cafe.id in _ids(consultation, "café")
    assert meetings.id not in _ids(consultation, "naïve")
