"""Nicknames that are English words: said to be what someone was called, or listed
straight after a first name; lower-case names rung or texted."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("Sunny, that's what the lads on the landing called him, never saw him smile.", "Sunny"),
    ("Ghost, that was what everyone used to call me in there.", "Ghost"),
    ("Me and Kieran and Spider used to sleep in the multi-storey.", "Spider"),
    ("I shared a tent with Marie, Sparrow and a dog called Bess.", "Sparrow"),
])
def test_word_nicknames(text, expected, fake_nlp):
    assert ("name", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "Honestly, that's what I thought they'd say.",
    "Sorry, that's what they call it now.",
    "I went with Kieran and Leeds probation sorted the rest.",
    "Kieran and I never spoke again.",
])
def test_words_that_are_not_nicknames(text, fake_nlp):
    names = [t for label, t in found(text, fake_nlp) if label == "name"]
    assert names in ([], ["Kieran"])


@pytest.mark.parametrize("text, expected", [
    ("so i phoned hope at the day centre and she got me a bed", "hope"),
    ("texted faith twice but her phone was off", "faith"),
])
def test_lower_case_name_rung_or_texted(text, expected, real_nlp):
    assert ("name", expected) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "rang home and nobody picked up",
    "i rang round every hostel in the book",
])
def test_lower_case_words_rung_are_not_names(text, real_nlp):
    assert "name" not in [label for label, _ in found(text, real_nlp)]


@pytest.mark.parametrize("text, expected", [
    ("Chubby looked after me my whole first year.", "Chubby"),
    ("Ginger stuck by me when nobody else would.", "Ginger"),
])
def test_adjective_opening_a_sentence_and_caring_is_a_nickname(text, expected, real_nlp):
    assert ("name", expected) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Always helped me out, that place.",
    "Cold kept me awake most nights.",
    "Music got me through it.",
])
def test_adverbs_and_things_opening_a_sentence_are_not_nicknames(text, real_nlp):
    assert "name" not in [label for label, _ in found(text, real_nlp)]
