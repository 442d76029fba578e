"""Town-named prisons said without a prison word: listed after a prison with a year
between, or where someone was "shipped" or "ghosted" to."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("Did a stretch in Pentonville in 2008 then Leeds, and it was Leeds that broke me.",
     "Leeds"),
    ("They ghosted us over to Hull, miles from family.", "Hull"),
    ("They shipped me to Norwich, nowhere near my family.", "Norwich"),
])
def test_town_named_prisons_by_list_or_transfer(text, expected, fake_nlp):
    assert ("prison", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "The council moved me to Leeds to be near my family.",
    "I was in Birmingham in 2015 and then Bristol, chasing work.",
])
def test_moves_of_home_are_not_prisons(text, fake_nlp):
    assert "prison" not in [label for label, _ in found(text, fake_nlp)]


# An everyday word typed in lower case ("reading") is the word in a sentence about prison
# (tests/analysis/test_redact_places_policy.py), but still the prison with a cue at it.
@pytest.mark.parametrize("text, expected", [
    ("did eighteen months in reading before they closed it", "reading"),
    ("got moved to hull halfway through my sentence", "hull"),
])
def test_lower_case_everyday_prison_towns_with_a_cue(text, expected, fake_nlp):
    assert ("prison", expected) in found(text, fake_nlp)


def test_lower_case_everyday_word_in_a_prison_sentence_stays(fake_nlp):
    assert found("I got into reading and drawing while I was inside.", fake_nlp) == []
