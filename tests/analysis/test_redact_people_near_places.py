"""Redaction: people and homes beside landmarks, courts and abstract words are still found.

Each sentence here was redacted, then leaked after landmarks, courts and name-words used
as words were kept; the sentences the earlier change meant to keep are in
test_redact_whereabouts.py.
"""
from __future__ import annotations

import pytest

from .conftest import FakeNLP
from .test_redact import found


@pytest.mark.parametrize("text, known, expected", [
    # Names that were landmarks (rivers, a station) and a name the facilitator gave.
    ("Clyde said he'd sort me a room.", ["Clyde"], [("name", "Clyde")]),
    ("Me and my mate Severn slept rough.", [], [("name", "Severn")]),
    ("My worker Euston got me the bedsit.", [], [("name", "Euston")]),
    ("Tyne was my keyworker.", [], [("name", "Tyne")]),
    # Still landmarks, yet the facilitator's name or a name after a cue is a person.
    ("Waterloo said he'd sort me a room.", ["Waterloo"], [("name", "Waterloo")]),
    ("My mate Paddington slept rough with me.", [], [("name", "Paddington")]),
])
def test_a_name_is_a_name_even_where_it_is_also_a_landmark(text, known, expected, fake_nlp):
    assert found(text, fake_nlp, known_names=known) == expected


@pytest.mark.parametrize("text, expected", [
    # Ordinary street names many towns have, no longer listed as landmarks.
    ("I've got a flat on Liverpool Street now.", "Liverpool Street"),
    ("I'm in a flat on George Square now.", "George Square"),
    ("She lives at 3 Victoria Park with the kids.", "3 Victoria Park"),
    # A listed landmark said as a home is an address.
    ("I've got a flat on Trafalgar Square now.", "Trafalgar Square"),
    ("He lives on Leicester Square, above the shop.", "Leicester Square"),
    ("They put me at 12 Trafalgar Square for a bit.", "12 Trafalgar Square"),
])
def test_a_home_on_a_street_or_landmark_is_an_address(text, expected, fake_nlp):
    assert found(text, fake_nlp) == [("place", expected)]


@pytest.mark.parametrize("text, people, known, expected", [
    # People are everything, all someone has, the best thing: by any route.
    ("Mark was everything to me after I got out.", ["Mark"], [], "Mark"),
    ("Mark was everything to me after I got out.", [], [], "Mark"),
    ("Will was the best thing that happened to me.", ["Will"], [], "Will"),
    ("Will was the best thing that happened to me.", [], [], "Will"),
    ("Rose is all I have left now.", ["Rose"], [], "Rose"),
    ("Rose is all I have left now.", [], [], "Rose"),
    ("Mark was everything to me after I got out.", [], ["Mark Jones", "Rose"], "Mark"),
    ("Rose is all I have left now.", [], ["Mark Jones", "Rose"], "Rose"),
    # A first name that is also a word, now in first_names.txt.
    ("Faith was the best thing in my life, she's my daughter.", [], [], "Faith"),
    # Even the "is what kept me going" form, when the facilitator named the person.
    ("Hope is what kept me going.", [], ["Hope"], "Hope"),
    ("Mark is what this family needed.", ["Mark"], [], "Mark"),
])
def test_a_person_who_was_everything_is_still_a_person(text, people, known, expected):
    assert found(text, FakeNLP(people=people), known_names=known) == [("name", expected)]


@pytest.mark.parametrize("text, known, expected", [
    ("The hearing at Tracy's flat went fine.", [], "Tracy"),
    ("We sat on the bench in Kevin's garden.", [], "Kevin"),
    ("The trial at Darren's mum's was a family thing.", [], "Darren"),
    # Court words still keep a court's place, but never someone's home or a first name.
    ("The judge at Kevin's place was his uncle.", [], "Kevin"),
    ("The court in Shannon's village was shut.", [], "Shannon"),
    ("My court at Mercer was a joke.", ["Mercer"], "Mercer"),
])
def test_a_name_after_a_court_word_is_a_name(text, known, expected, fake_nlp):
    assert found(text, fake_nlp, known_names=known) == [("name", expected)]


@pytest.mark.parametrize("text, person", [
    ("I was sentenced at Kelly Jones' trial, same day.", "Kelly Jones"),  # a first name
    ("We were sentenced at Hughes' trial together.", "Hughes"),  # a possessive without s
])
def test_a_person_the_model_finds_after_a_court_word(text, person):
    assert found(text, FakeNLP(people=[person])) == [("name", person)]


@pytest.mark.slow
@pytest.mark.parametrize("text, known, expected", [
    ("Clyde said he'd sort me a room.", ["Clyde"], [("name", "Clyde")]),
    ("I've got a flat on Liverpool Street now.", [], [("place", "Liverpool Street")]),
    ("Mark was everything to me after I got out.", ["Mark Jones", "Rose"], [("name", "Mark")]),
    ("Rose is all I have left now.", ["Mark Jones", "Rose"], [("name", "Rose")]),
    ("The hearing at Tracy's flat went fine.", [], [("name", "Tracy")]),
    ("We sat on the bench in Kevin's garden.", [], [("name", "Kevin")]),
    # Guesses inside a landmark are the landmark misread ("by the Thames at night").
    ("We slept by the Thames at night, then round St Pancras.", [], []),
])
def test_real_model_people_and_homes_near_landmarks_courts_and_abstract_words(
        text, known, expected, real_nlp):
    assert found(text, real_nlp, known_names=known) == expected
