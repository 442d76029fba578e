"""Redaction of things said as people, homes and prisons though the words are ordinary:
"Star told me", "Sutton said", "Royal was my keyworker", lower-case prison towns ("in
feltham for two years", "got moved to wandsworth"), unlisted named Houses and Courts said
as a home ("moved into Elm Court"), lower-case areas ("off mount pleasant"); and words that
are no one ("Rose tinted glasses", "the Arndale", the "at" in "Dave at St Mungo's").

Each case here was missed, or over-redacted, before these rules; tests named ``..._left_alone``
or ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .conftest import FakeNLP
from .test_redact import found


# A capitalised word that speaks or messages is someone, even an English word or a town.
@pytest.mark.parametrize("text, name", [
    ("Star told me I'd get a bed by Friday.", "Star"),
    ("and then Star rang me from the hostel.", "Star"),
    ("Sutton said I was a risk to myself.", "Sutton"),
    ("Blaze never texted back after I got out.", "Blaze"),
])
def test_a_word_that_speaks_is_a_person(text, name, fake_nlp):
    assert ("name", name) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "Probation told me to wait in reception.",
    "Police said nothing about it.",
    "The Judge said no.",
    "Mum said I could come home.",
    "Staff told me to calm down.",
    "Crisis rang me back the next day.",
])
def test_services_roles_and_groups_that_speak_are_left_alone(text, fake_nlp):
    assert [label for label, _ in found(text, fake_nlp)] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("Royal was my keyworker at the first place.", "Royal"),
    ("Star told me I'd get a bed.", "Star"),
])
def test_real_model_an_opening_word_with_a_role_or_speech_is_a_person(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.slow
def test_real_model_an_opening_adverb_with_a_comma_is_still_left_alone(real_nlp):
    assert found("Still, my keyworker said no.", real_nlp) == []


@pytest.mark.parametrize("text, prison", [
    ("I was in feltham for two years.", "feltham"),
    ("Then I got moved to wandsworth.", "wandsworth"),
    ("They ghosted me to leeds prison in the night.", "leeds prison"),
    ("I was in Feltham for two years.", "Feltham"),
    ("I got moved to Wandsworth after a month.", "Wandsworth"),
])
def test_town_named_prisons_in_any_case(text, prison, fake_nlp):
    assert found(text, fake_nlp) == [("prison", prison)]


@pytest.mark.parametrize("text, town", [
    ("I lived in leeds for two years.", "leeds"),
    ("I spent two years reading in my cell, inside reading.", None),
    # In lower case a town that is an everyday word is read as the word.
    ("We went to hull for the weekend.", None),
    ("I lived in Leeds for two years before all this.", "Leeds"),
    ("I got moved to Bristol by the council into temp accommodation.", "Bristol"),
    ("I got moved to Bristol for work.", "Bristol"),
])
def test_towns_said_as_towns_are_places_not_prisons(text, town, fake_nlp):
    assert found(text, fake_nlp) == ([("place", town)] if town else [])


@pytest.mark.parametrize("text, home", [
    ("I live at Anchor House now.", "Anchor House"),
    ("I moved into Elm Court last week.", "Elm Court"),
    ("They put me in Beech Hall when I got out.", "Beech Hall"),
    ("My room at Marlowe Court is tiny.", "Marlowe Court"),
])
def test_a_named_house_or_court_said_as_a_home_is_a_hostel(text, home, fake_nlp):
    assert found(text, fake_nlp) == [("hostel", home)]


def test_a_named_court_said_as_a_venue_is_left_alone(fake_nlp):
    assert found("We used to meet at Marlowe Court on a Tuesday.", fake_nlp) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, place", [
    ("I used to sleep off mount pleasant.", "mount pleasant"),
    ("I was sleeping on brixton hill most nights.", "brixton hill"),
])
def test_real_model_lower_case_areas(text, place, real_nlp):
    assert found(text, real_nlp) == [("place", place)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "I was sleeping in the car park.",
    "We used to hang about in the Arndale.",
    "I used to beg in Piccadilly.",
    "Rose tinted glasses, that's how I saw it back then.",
])
def test_real_model_common_places_and_compounds_are_left_alone(text, real_nlp):
    assert found(text, real_nlp) == []


def test_a_name_word_before_a_colour_participle_is_a_word(fake_nlp):
    assert found("Rose tinted glasses, that's how I saw it.", fake_nlp) == []
    assert found("Rose told me to go.", fake_nlp) == [("name", "Rose")]


def test_a_model_name_ends_before_a_function_word(fake_nlp):
    nlp = FakeNLP(people=["Dave at St Mungo's"])
    assert found("Dave at St Mungo's sorted it.", nlp) == [("name", "Dave")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("tell jonno i said thanks", [("name", "jonno")]),
    ("my keyworker is nice, her name is bev", [("name", "bev")]),
    ("my mate lives on seacroft estate", [("place", "seacroft estate")]),
])
def test_real_model_unlisted_lower_case_names_and_estates(text, expected, real_nlp):
    assert found(text, real_nlp) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "i'll tell ya what happened",
    "i told yer mam",
    "i asked yous lot",
    "i told summat to the judge",
    "i told probation everything",
    "his name was mud after that",
])
def test_real_model_dialect_and_words_after_tell_are_left_alone(text, real_nlp):
    assert found(text, real_nlp) == []
