"""Round twenty-three: faults carried from round twenty-two, fixed by kind.

Spoken postcodes with no cue word or cut short; services, hostels and estates named bare;
a footballer at a tournament; prisons named like places (a Welsh word, an age between two
in a list, a city lived in); hostels named "the X" that are full; lower-case drug slang said
as the drug.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, code", [
    ("the court letters all went to m fourteen six z t", "m fourteen six z t"),
    ("she moved to b twelve nine q p last spring", "b twelve nine q p"),
])
def test_full_postcodes_spelt_in_lower_case_need_no_cue(text, code, real_nlp):
    assert ("postcode", code) in found(text, real_nlp)


def test_a_sector_and_a_letter_after_postcode_is_a_postcode(real_nlp):
    assert ("postcode", "l nine four x") in found(
        "my postcode is l nine four x i think, can't remember the rest", real_nlp)


def test_postcodes_said_with_letter_names(real_nlp):
    spans = found("postcode was el four, two ess why", real_nlp)
    assert ("postcode", "el four, two ess why") in spans


@pytest.mark.parametrize("text", [
    "i got a b in maths and a c in english",
    "we played five a side on a monday, two a side at the end",
    "postcode is m eight, the rest i forget",
])
def test_letters_and_numbers_that_spell_no_postcode_still_stay(text, real_nlp):
    assert not [t for label, t in found(text, real_nlp) if label == "postcode"]


@pytest.mark.parametrize("text, name", [
    ("Kestrel staff were alright but the residents nicked my phone", "Kestrel"),
    ("when i was at Lanterns they done a budgeting course every week", "Lanterns"),
])
def test_services_named_bare_by_their_staff_or_a_time_there_are_hostels(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


def test_a_block_kicked_out_of_over_a_house_rule_is_a_hostel(real_nlp):
    assert ("hostel", "Hanover Court") in found(
        "they threw me out of Hanover Court for having visitors past nine", real_nlp)


def test_a_court_of_law_is_still_no_hostel(real_nlp):
    assert not [t for label, t in found("probation said i had to go to Crown Court on monday",
                                        real_nlp) if label == "hostel"]


@pytest.mark.parametrize("text, place", [
    ("Ravenhill is where everyone goes to score", "Ravenhill"),
    ("we moved off Glenmac after the windows got put in", "Glenmac"),
])
def test_estates_named_bare_are_places(text, place, real_nlp):
    assert ("place", place) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Sarah is where i go for advice",
    "i moved off Universal Credit onto PIP",
])
def test_people_and_benefits_are_still_no_estate(text, real_nlp):
    assert not [t for label, t in found(text, real_nlp) if label == "place"]


def test_a_player_at_a_tournament_is_no_one_the_speaker_knows(real_nlp):
    assert not found("Gazza scoring at Euro 96 is my best memory from being a kid", real_nlp)


@pytest.mark.parametrize("text", [
    "Gazza told me he played for England once, he was lying",
    "Gazza was at the World Cup with me",
    "my mate Gazza watched the World Cup in the pub",
])
def test_a_mate_who_talks_of_tournaments_is_still_a_name(text, real_nlp):
    assert ("name", "Gazza") in found(text, real_nlp)


@pytest.mark.parametrize("text, prison", [
    ("me and him were in Parc together years back", "Parc"),
    ("did three year in Feltham, then Polmont at nineteen, then Addiewell", "Addiewell"),
    ("he was in Polmont at sixteen, then Addiewell", "Addiewell"),
])
def test_prisons_named_like_places_by_their_frame(text, prison, real_nlp):
    assert ("prison", prison) in found(text, real_nlp)


def test_a_city_lived_in_for_years_is_a_place(real_nlp):
    assert ("place", "Manchester") in found("six years in Manchester and i never once felt at home",
                                            real_nlp)


def test_a_city_after_a_stretch_someone_came_out_of_is_still_a_prison(real_nlp):
    assert ("prison", "Exeter") in found("eighteen months in Exeter and i came out clean",
                                         real_nlp)


def test_a_stretch_in_a_prison_town_is_still_a_prison(real_nlp):
    assert ("prison", "Feltham") in found("did two years in Feltham and came out worse", real_nlp)


def test_a_place_said_full_is_a_hostel(real_nlp):
    assert ("hostel", "Elms") in found("the Elms is full of lads just out of jail", real_nlp)


@pytest.mark.parametrize("text", [
    "tina took over my life, the meth i mean",
    "and then billy kept me awake for days, paranoid as anything",
    "molly every weekend and then the come down all week",
    "charlie on a friday night and nothing else",
])
def test_lower_case_drug_slang_said_as_the_drug_is_no_one(text, real_nlp):
    assert not [t for label, t in found(text, real_nlp) if label == "name"]


@pytest.mark.parametrize("text, name", [
    ("my mate billy kept me up all night on the gear", "billy"),
    ("charlie is clean now, proud of him", "charlie"),
    ("saw molly at the weekend, she's doing well", "molly"),
    ("tina took me to my first meeting when i was on the meth", "tina"),
])
def test_lower_case_slang_names_said_of_people_are_still_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)
