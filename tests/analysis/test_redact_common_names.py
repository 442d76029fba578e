"""Redaction of first names that are also words (Hope, Summer, June), streets with a generic
first word or typed in lower case, courts known by their town, hospitals known by their town
or saint, prison numbers written with spaces, listed prisons and hospitals in lower case.

Every other case was missed (or wrongly redacted) before these rules; the tests named
``..._left_alone`` and ``..._still_a_person`` passed before too: they check that the new
rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .conftest import FakeNLP
from .test_redact import found


# A name-word before a verb that takes a person, said with someone ("me and"), or someone's.
@pytest.mark.parametrize("text, name", [
    ("Hope got me a bed at the Salvation Army.", "Hope"),
    ("Hope, she kept me alive.", "Hope"),
    ("Hope... kept me alive really.", "Hope"),
    ("Mark never rang back.", "Mark"),
    ("Faith would ring me every day, without fail.", "Faith"),
    ("Ruby's dad was inside too.", "Ruby"),
    ("Hope's mum put me up for a bit.", "Hope"),
    ("Summer rang me the night before court.", "Summer"),
    ("Me and Summer were on the streets.", "Summer"),
    ("Autumn and me got a flat together.", "Autumn"),
    ("June came to see me every week.", "June"),
    ("My keyworker June rang the council for me.", "June"),
    ("My daughter May was taken into care.", "May"),
    ("Storm was born while I was on remand.", "Storm"),
    ("Honestly Angel kept me alive in there.", "Angel"),
    ("Sky came to see me when nobody else did.", "Sky"),
    ("me and will were sharing a cell.", "will"),
    ("I was let down by Mark and the council.", "Mark"),
    ("I was grassed up by Will in the end.", "Will"),
    # Chelsea is also a broad area, and "X and Chelsea" joins places ("Kensington and ...").
    ("Me and Chelsea were sleeping rough.", "Chelsea"),
    ("Dean, Lisa and me shared a tent.", "Dean"),
    ("Summer and Autumn, my twins, are in foster care.", "Summer"),
    ("Summer and Autumn, my twins, are in foster care.", "Autumn"),
    ("Her name's Summer, she's my support worker.", "Summer"),
    ("Her name is June, she runs the group.", "June"),
])
def test_name_words_said_of_a_person_are_names(text, name, fake_nlp):
    assert ("name", name) in found(text, fake_nlp)


def test_a_title_before_a_month_name_is_a_person(fake_nlp):
    assert found("Nurse June on the ward was lovely.", fake_nlp) == [("name", "Nurse June")]


@pytest.mark.parametrize("text", [
    "April showers, then I was back inside.",
    "Hope you're all well.",
])
def test_name_words_used_as_words_are_kept(text, fake_nlp):
    assert found(text, fake_nlp) == []


@pytest.mark.parametrize("text", [
    "Hope is what kept me going.",
    "Summer was hard on the streets.",
    "Summer came and went and I was still in the hostel.",
    "Autumn came early that year.",
    "I got out in May and was homeless by June.",
    "In Summer we slept in the park.",
    "Will I get a flat?",
    "In Summer, my flat was freezing anyway.",
    "Put my name down for a flat, in the name of God.",
    "I watched Sky Sports all day in the hostel.",
])
def test_seasons_months_and_abstract_words_are_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


def test_a_participant_called_june_is_found_but_the_month_is_not(fake_nlp):
    text = "June said she'd come. I got out in June 2019."
    assert found(text, fake_nlp, known_names=["June"]) == [("name", "June")]


@pytest.mark.parametrize("text, street", [
    ("He lives on Old Kent Road.", "Old Kent Road"),
    ("We had a flat on New Cross Road.", "New Cross Road"),
    ("In Church Street we slept in a doorway.", "Church Street"),
    ("She lives on station road.", "station road"),
    ("I got a bedsit on princess street.", "princess street"),
    ("He lives in old kent road, near the garage.", "old kent road"),
    ("I was staying above the chippy on Moss Lane East.", "Moss Lane East"),
    ("I was on station road when the police stopped me.", "station road"),
])
def test_streets_with_a_generic_first_word_or_in_lower_case(text, street, fake_nlp):
    assert found(text, fake_nlp) == [("place", street)]


@pytest.mark.parametrize("text", [
    "She's been sleeping on the high street for weeks.",
    "He was sleeping on the main road.",
    "We lived in a nice road once.",
    "I'm on the way to the jobcentre.",
    "We did it in the best way we could.",
    "I was in the fast lane back then, drink and drugs.",
    "I'm on the road to recovery now.",
])
def test_roads_that_are_descriptions_are_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


# FakeNLP stands in for the model's mistakes: each listed word tagged as a person.
@pytest.mark.parametrize("text, model_people", [
    ("The hearing at Snaresbrook got put back.", ["Snaresbrook"]),
    ("My trial at Snaresbrook lasted two weeks.", ["Snaresbrook"]),
    ("I got sentenced at Barry for the burglary.", []),
    ("The hearing at Leigh got adjourned twice.", ["Leigh"]),
    ("I was up in court at Barry the next morning.", []),
])
def test_a_court_or_area_known_by_a_word_that_is_also_a_first_name_is_no_person(
        text, model_people):
    assert found(text, FakeNLP(people=model_people)) == []


def test_a_district_known_by_a_first_name_word_is_a_place_not_a_person():
    # A district is redacted as a place by default, never as a person.
    assert found("I used to beg at Angel tube every morning.", FakeNLP(people=["Angel"])) == [
        ("place", "Angel")]


@pytest.mark.parametrize("text, number", [
    ("My prison number's A 1234 BC.", "A 1234 BC"),
    ("It was A1234 BC on every letter.", "A1234 BC"),
])
def test_prison_numbers_written_with_spaces(text, number, fake_nlp):
    assert found(text, fake_nlp) == [("ID number", number)]


@pytest.mark.parametrize("text, expected", [
    ("i did two years in pentonville and then belmarsh.",
     [("prison", "pentonville"), ("prison", "belmarsh")]),
    ("i got sectioned at the maudsley.", [("hospital", "the maudsley")]),
])
def test_listed_prisons_and_hospitals_typed_in_lower_case(text, expected, fake_nlp):
    assert found(text, fake_nlp) == expected


def test_lower_case_cities_that_name_prisons_are_left_alone(fake_nlp):
    assert found("I spent two years reading in my cell, inside reading.", fake_nlp) == []


def test_amounts_after_a_are_left_alone(fake_nlp):
    assert found("I got a 1000 in arrears, then about a 1000 on the gas.", fake_nlp) == []


def test_a_possessive_after_a_hearing_is_still_a_person(fake_nlp):
    assert found("The hearing at Tracy's flat was a mess.", fake_nlp) == [("name", "Tracy")]


@pytest.mark.parametrize("text, hospital", [
    ("I ended up at the Royal Oldham after the overdose.", "the Royal Oldham"),
    ("I was on the psych ward at Highcroft for three months.", "Highcroft"),
    ("They took me to Springfield on a section.", "Springfield"),
    ("I was born at the General, same as my kids.", "the General"),
    ("I ended up in Sandwell General after the overdose.", "Sandwell General"),
    ("They took me to A&E at St Thomas' after the fight.", "St Thomas'"),
])
def test_hospitals_known_by_their_town(text, hospital, fake_nlp):
    assert found(text, fake_nlp) == [("hospital", hospital)]


@pytest.mark.parametrize("text", [
    "The Royal Mail lost my giro.",
    "My nan was born in the General Strike.",
    "St Mungo's found me a room when I came out of hospital.",
])
def test_royal_and_general_that_are_no_hospital_are_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


def test_a_city_someone_was_sectioned_in_is_a_place_not_a_hospital(fake_nlp):
    assert found("I was sectioned in Manchester.", fake_nlp) == [("place", "Manchester")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("I was sleeping on briggate most nights.", [("place", "briggate")]),
    ("He lives on Old Kent Road.", [("place", "Old Kent Road")]),
    ("Summer said she'd wait for me.", [("name", "Summer")]),
    ("Mark got nicked the same night.", [("name", "Mark")]),
    ("The hearing at Snaresbrook got put back.", []),
])
def test_real_model_names_streets_and_courts(text, expected, real_nlp):
    assert found(text, real_nlp) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "I was living on tinnies and fags.",
    "Summer came and went and I was still in the hostel.",
    "The Royal Mail lost my giro.",
])
def test_real_model_slang_seasons_and_royal_are_left_alone(text, real_nlp):
    assert found(text, real_nlp) == []
