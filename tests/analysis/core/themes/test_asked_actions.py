"""What a question asks to be done, named as nouns: the -ing form the dictionary lists."""
from __future__ import annotations

import pytest

from analysis.core.themes.asked_actions import gerund

NOUNS = {"funding", "sharing", "commissioning", "tying", "planning", "basement"}


@pytest.mark.parametrize("lemma,noun", [
    ("fund", "funding"), ("share", "sharing"), ("commission", "commissioning"),
    ("tie", "tying"), ("plan", "planning"),
    # No -ing noun listed: no name guessed from a suffix ("base" is no "basement").
    ("base", None), ("improve", None),
])
def test_a_verb_is_named_by_its_listed_ing_noun(lemma, noun):
    assert gerund(lemma, NOUNS) == noun
