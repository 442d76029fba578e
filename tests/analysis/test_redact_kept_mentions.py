"""Festivals, regions, languages, clubs, kinds of service, dropped g's, offices' seats and
song titles are kept (``pii/kept_mentions.py``); prisons named like their town said with a
prison number, a prison's part, or in step with a prison are prisons (``pii/prison_towns.py``).

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text", [
    "the screws did a quiz on New Year's Eve and nobody knew any answers",
    "she was a Valentine's baby, born in the February snow",
    "in Gujarati we have no word for it, only shame",
    "my dad speaks Tigrinya and nothing else at home",
    "Bolton beat Wigan on the Saturday and the whole landing went mad",
    "Stockport County are the only thing that kept me going some weeks",
    "I'm in Approved Premises until June, curfew's at ten",
    "the night shelter lot sorted my appeal and so did the Law Centre",
    "the Bishop of Carlisle came to the chapel at Easter",
    "Love Will Find Us Here was on in association, nobody said a word",
    "Grace said before tea at the mission, that's what I remember",
])
def test_words_that_name_no_one_are_kept(text, real_nlp):
    assert found(text, real_nlp) == [], text


def test_a_region_read_as_a_person_after_on_is_kept(real_nlp):
    assert not [f for f in found("Get Carter is a good film, ask anyone on Humberside", real_nlp)
                if f[1] == "Humberside"]


def test_a_word_with_its_g_dropped_is_the_word(real_nlp):
    assert not [f for f in found("we were on the same landin' in Lincoln for two year", real_nlp)
                if f[0] == "name"]


@pytest.mark.parametrize("text, name", [
    ("Ali said it was fine, he's always like that", "Ali"),
    ("Dave beat me to the phone again, typical", "Dave"),
    ("I told Valentine's mum the truth in the end", "Valentine"),
    ("Grace said I could stay for tea", "Grace"),
])
def test_people_still_named_beside_these_words(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, prison", [
    ("my number in Lincoln was A4417KT, I typed it on every form", "Lincoln"),
    ("prison number A 5520 RB from Exeter, they never changed it", "Exeter"),
    ("the officers on Lincoln's seg had it in for me", "Lincoln"),
    ("I was in Exeter for the first one and Onley for the second", "Exeter"),
])
def test_a_town_named_prison_with_its_number_part_or_listed_in_step(text, prison, real_nlp):
    assert ("prison", prison) in found(text, real_nlp)


def test_a_prison_town_still_a_place_when_lived_in(real_nlp):
    text = "my mum lives in Lincoln and my number is on the fridge there"
    assert ("place", "Lincoln") in found(text, real_nlp)
