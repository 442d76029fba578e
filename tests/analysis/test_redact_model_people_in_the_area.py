"""A model PERSON guess that is an English word after "in the" is a district, not someone."""
from __future__ import annotations

import pytest

from analysis.core.pii.lexicon import english_lexicon
from analysis.core.pii.names import find_names


def _names(text, word, real_nlp):
    start = text.index(word)
    return [text[c.start:c.end] for c in find_names(
        text, person_spans=[(start, start + len(word))], is_word=english_lexicon(real_nlp))]


@pytest.mark.parametrize("text, word", [
    ("We lived in the Willows till I was ten.", "Willows"),
    ("My nan still lives round the Brambles with her dog.", "Brambles"),
])
def test_model_person_after_in_the_is_no_one(text, word, real_nlp):
    assert word not in _names(text, word, real_nlp)


@pytest.mark.parametrize("text, word", [
    ("I was in the car with Sunny all night.", "Sunny"),
    ("Then Sterling turned up in the van.", "Sterling"),
])
def test_model_person_elsewhere_is_still_someone(text, word, real_nlp):
    assert word in _names(text, word, real_nlp)
