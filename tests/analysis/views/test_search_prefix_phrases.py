"""A phrase mixing a word and a prefix ("keep evicti*") finds the word in any form beside the
words the prefix starts: the stemmed index holds "evicting" as "evict", which "evicti*" does
not start, and the index of words as written holds "keeps", not "keep", so neither found
"keeps evicting". The prefix's words, as written in the consultation, are now put into the
phrase and looked up stemmed. "kept" is no form of "keep" to either engine's stemmer (it
changes the word itself): the help says so."""
from __future__ import annotations

from analysis.services.search import Filters, search_segments
from forum.access import Role
from tests.analysis.views.test_search import _add


def _ids(consultation, query):
    return {h.segment.id for h in search_segments(consultation.id, query, Filters())}


def test_a_word_and_a_prefix_in_quotes_find_the_words_in_any_form(app, analysed, consultation):
    keeps = _add(consultation.id, "The hostel keeps evicting people for small things.")
    keeping = _add(consultation.id, "Keeping evictions down is the council's job.")
    apart = _add(consultation.id, "They keep the rooms cold and the evictions come in May.")
    found = _ids(consultation, '"keep evicti*"')
    assert {keeps.id, keeping.id} <= found and apart.id not in found
    # As before: the prefix last, and a prefix first.
    assert keeps.id in _ids(consultation, '"keeps evicti*"')
    assert keeping.id in _ids(consultation, '"keep* evictions"')


def test_the_help_says_a_word_changed_inside_is_another_word(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search").get_data(as_text=True)
    assert "keep does not find kept" in html
