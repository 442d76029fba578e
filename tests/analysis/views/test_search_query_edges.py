"""What an officer types is read as plain words, whatever its quotes, stars, apostrophes or
colons; a prefix finds every word starting so, whatever the stemmer makes of the words."""
from __future__ import annotations

from analysis.services.search import Filters, keywords, search_segments
from forum.access import Role
from tests.analysis.views.test_search import _add


def _ids(consultation, query):
    return {h.segment.id for h in search_segments(consultation.id, query, Filters())}


def test_a_lone_star_inside_quotes_is_no_prefix():
    # The star stands alone: it marks no word, so "missed" is searched as a word.
    assert keywords('"missed *"') == ["missed"]
    assert keywords('"missed appointment *"') == ["missed appointment"]


def test_a_prefix_inside_a_phrase_is_kept(app, analysed, consultation):
    assert keywords('"hous* first"') == ["hous* first"]
    first = _add(consultation.id, "Housing first got me a flat and kept me out.")
    other = _add(consultation.id, "First they took the house, then the kids.")
    found = _ids(consultation, '"hous* first"')
    assert first.id in found and other.id not in found


def test_a_curly_apostrophe_is_an_apostrophe(app, analysed, consultation):
    # Phones and word processors type ’: "don’t" was cut into "don" and "t", both too
    # common, so nothing was searched; "probation’s" lost its word.
    assert keywords("probation’s rules") == keywords("probation's rules") == [
        "probation's", "rules"]
    assert keywords("“won’t engage”") == ["won't engage"]
    curly = _add(consultation.id, "The probation’s rules changed every month.")
    straight = _add(consultation.id, "Probation's rules changed again.")
    assert {curly.id, straight.id} <= _ids(consultation, "probation’s")
    assert {curly.id, straight.id} <= _ids(consultation, "probation's")


def test_a_dotted_capital_i_folds_to_i(app, analysed, consultation):
    # Python lower-cases "İ" to "i" and a combining dot, which cut "İstanbul" into "i"
    # (too common) and "stanbul".
    assert keywords("İstanbul") == ["istanbul"]
    city = _add(consultation.id, "My cousin was sent back to İstanbul after the sentence.")
    assert city.id in _ids(consultation, "İstanbul")
    assert city.id in _ids(consultation, "istanbul")


def test_a_reply_subject_is_searched_as_words(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    evicted = _add(consultation.id, "Evicted the week I got out, nowhere to go.")
    url = f"/consultations/{consultation.id}/search"
    html = auth.client.get(url, query_string={"q": "Re: evicted tenants"}).get_data(as_text=True)
    assert "govuk-error-summary" not in html and "Evicted the week I got out" in html
    assert keywords("Re: evicted tenants") == ["evicted", "tenants"]
    assert keywords("housing: evicted") == ["housing", "evicted"]  # a colon filters nothing
    assert evicted.id in _ids(consultation, "tenants: evicted")
    # A codebook pattern pasted here is still refused plainly.
    html = auth.client.get(url, query_string={"q": "re:evict(ed|ion)"}).get_data(as_text=True)
    assert "govuk-error-summary" in html and "codebook" in html


def test_a_prefix_finds_every_word_starting_so_whatever_its_stem(app, analysed, consultation):
    # The stemmer indexes "eviction" and "evicting" as "evict": "evicti*" found neither.
    eviction = _add(consultation.id, "The eviction notice came the day after release.")
    evicting = _add(consultation.id, "They kept evicting us from the hostel.")
    evicted = _add(consultation.id, "I was evicted in the spring.")
    found = _ids(consultation, "evicti*")
    assert {eviction.id, evicting.id} <= found and evicted.id not in found
    assert {eviction.id, evicting.id, evicted.id} <= _ids(consultation, "evict*")
    # Also at the end of a phrase.
    assert eviction.id in _ids(consultation, '"the evicti*"')
