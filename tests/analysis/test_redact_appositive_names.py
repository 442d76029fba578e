"""Redaction of a name said between commas after who the person is ("the new one, Fay,
never bothered"), with no other cue: the ``..._are_names`` cases were missed before; the
``..._left_alone`` ones check things and places said that way stay.
"""
from __future__ import annotations

import pytest

from .conftest import FakeNLP
from .test_redact import found


@pytest.mark.parametrize("text, name", [
    ("The new one, Fay, never bothered with any of us.", "Fay"),
    ("That woman, Bee, was kinder than the rest of them put together.", "Bee"),
    ("the night one, Star, always had time for me", "Star"),
    ("Our old landlady, Pearl, would keep my post for me.", "Pearl"),
    ("I asked the tall bloke, Reed, for a light.", "Reed"),
    ("my new worker, Kez, was alright", "Kez"),
    ("The new one, Fay Reed, never bothered with any of us.", "Fay Reed"),
])
def test_a_name_between_commas_after_who_they_are_is_a_name(text, name, fake_nlp):
    assert ("name", name) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "The main thing, honestly, was the housing.",
    "My home town, Barnsley, has nothing for us.",
    "The new drug, Spice, was everywhere on the wing.",
    "The new one, Sertraline, made me feel sick.",
    "The worst one, Christmas, was on my own in a cell.",
    "The first one, Leeds, was a bit better.",
])
def test_things_and_places_between_commas_are_left_alone(text, fake_nlp):
    # No name: a town between commas is a place, redacted as one by default.
    assert all(label == "place" for label, _ in found(text, fake_nlp))


@pytest.mark.slow
def test_real_model_a_name_between_commas(real_nlp):
    assert found("The new one, Fay, never bothered with any of us.", real_nlp) == [
        ("name", "Fay")]


def test_a_prison_said_as_the_one_is_a_prison():
    text = "The last one, Pentonville, was the worst of the lot."
    assert found(text, FakeNLP()) == [("prison", "Pentonville")]
