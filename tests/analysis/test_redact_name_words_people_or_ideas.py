"""Name-words opening a sentence (Hope, Faith, Joy, Grace): a person when someone is said
later with "who'd"/"who'll"; an idea when the sentence says it "isn't" or "wasn't" a thing."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("Faith was the only one in group who'd stick up for me.", "Faith"),
    ("Hope was the one person who'll always pick up at 3am.", "Hope"),
])
def test_name_word_said_as_someone_who_would(text, expected, fake_nlp):
    assert ("name", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "Hope wasn't a thing I had much of in there.",
    "Faith isn't a word my family ever used.",
])
def test_name_word_said_as_what_it_is_not(text, fake_nlp):
    assert found(text, fake_nlp) == []


@pytest.mark.parametrize("text", [
    # "all I had", "something I hadn't felt": what someone has or feels is the idea.
    "Hope is all I had left in there.",
    "Joy was something I hadn't felt in years.",
    "Patience is all you need on the waiting list.",
])
def test_name_word_said_as_what_someone_has_or_feels(text, fake_nlp):
    assert found(text, fake_nlp) == []


@pytest.mark.parametrize("text, expected", [
    ("Hope was everything to me, she was my little girl.", "Hope"),
    ("Joy was all I had, she never left my side.", "Joy"),
])
def test_name_word_said_as_everything_to_someone_stays(text, expected, fake_nlp):
    assert ("name", expected) in found(text, fake_nlp)
