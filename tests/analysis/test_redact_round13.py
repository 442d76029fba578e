"""Round thirteen: idioms and adjectives that open a sentence with a name-word ("Pat on the
back", "Frank and honest"), weather warnings, football teams, programmes and famous people
said as what is listened to or watched; hostels someone was sent to, blocks of flats people
come to, "our" plus an English word said as a person, and the kind word a hostel is known by.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text", [
    "a pat on the back is all you get for staying clean",
    "Frank and honest, that's how my probation officer was with me",
    "Frank and open conversations helped more than any course",
    "the weather went to Amber so the emergency beds opened",
    "they put out an Amber warning and the shelter opened early",
    "we went to Hampton Court on a day trip with the rehab",
    "we'd watch Emmerdale on a Sunday with the kids",
    "the Crystal Palace game was on in the pub",
    "Liverpool won on Saturday and the whole landing was buzzing",
    "half the wing were Leeds fans so it got loud",
    "Bob Marley on repeat in my cell, every day",
    "I was listening to Amy Winehouse the night I got out",
    "songs by Johnny Cash got me through my first sentence",
])
def test_idioms_teams_programmes_and_famous_people_are_nobody(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, expected", [
    ("Frank and me shared a cell in Durham", ("name", "Frank")),
    ("Amber said the beds were all full that night", ("name", "Amber")),
    ("Pat on the wing lent me a phone card", ("name", "Pat")),
    ("my keyworker Sarah Jones was listening to me properly", ("name", "Sarah Jones")),
    ("Dean won his appeal in the end", ("name", "Dean")),
    ("Pat on the back from the governor and that was it", ("name", "Pat")),
    ("I got into a film with Tom Hardy about a prisoner", ("name", "Tom Hardy")),
])
def test_still_people(text, expected, real_nlp):
    # Review seven: "Pat on the back" with no article and "a film with Tom Hardy" moved here
    # from the nobody list (a person as often as not: "I saw Pat on the back stairs").
    assert expected in found(text, real_nlp)


def test_sent_to_a_hostel_someone_was_already_at(real_nlp):
    assert ("hostel", "Riverside") in found(
        "I got sent to Riverside and big dave was already there", real_nlp)


def test_a_block_people_come_to_is_a_place(real_nlp):
    assert ("place", "Carlton Court") in found(
        "the bailiffs came to Carlton Court looking for my ex", real_nlp)


def test_still_a_court_of_law_people_come_to_is_kept(real_nlp):
    assert found("I had to come to Carlton Court for the hearing, the judge was fine",
                 real_nlp) == []


def test_our_plus_a_word_that_has_kids_is_someone(real_nlp):
    assert ("name", "shell") in found("our shell had three kids by the time she was twenty",
                                      real_nlp)


@pytest.mark.parametrize("text", [
    "our house had three bedrooms and a garden",
    "our dog had puppies last year",
    "our mam had three kids by the time she was twenty",
    "our lass rang me from the hospital",
])
def test_still_our_things_are_not_people(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("i was on the waiting list for Greystones for about five month", "Greystones"),
    ("my release was to Mulberry House, I'd never heard of it", "Mulberry House"),
])
def test_hostels_known_by_what_is_said_of_them(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    # The model calls "Goldcrest" a nationality; an English word that is no people's name is
    # no nationality.
    ("They breached me for being late back to Goldcrest", "Goldcrest"),
    ("I had my own kitchen at Weavers Court which was a big deal for me", "Weavers Court"),
])
def test_hostels_the_model_or_the_kind_word_missed(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "I got talking to some Polish lads at the bus stop",
    "the English teacher at college was sound",
])
def test_still_nationalities_are_not_places(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("I lent Spanner my phone and never saw it again", "Spanner"),
    ("I gave Biscuit a tenner for the gas", "Biscuit"),
    ("Moses was the only screw who treated us like people", "Moses"),
])
def test_someone_lent_a_thing_or_a_screw_is_a_person(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "I gave Probation my new address straight away",
    "I gave Shelter my details and they rang back",
    "he had a screw loose, that one",
])
def test_still_services_given_things_are_not_people(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("we had house meetings every tuesday at Wheatley", "Wheatley"),
    ("the staff at Oakfield Court helped me sort my universal credit", "Oakfield Court"),
])
def test_hostels_said_by_meetings_and_staff(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("I was listening to Sarah Jones and she was right about the flat", "Sarah Jones"),
    ("me, Frank and young Dean went to the shop", "Frank"),
    ("Kelly Marie sang at my wedding and I cried", "Kelly Marie"),
])
def test_still_people_heard_or_listed_with_adjectives(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Frank conversations with my worker got me further than any course did.",
    "Frank relationships with staff are what got me through.",
])
def test_a_name_word_before_a_noun_that_is_never_a_verb_is_an_adjective(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("Frank mentions his kids every time we talk", "Frank"),
    ("Grace dances with me at the club", "Grace"),
])
def test_still_a_name_word_doing_something_is_someone(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


def test_a_region_the_model_calls_a_person_is_no_one(real_nlp):
    assert ("name", "Midlands") not in found(
        "Stocken, Ranby, Lowdham Grange, I've been round all the Midlands jails.", real_nlp)


@pytest.mark.parametrize("text, name", [
    ("Devon rang me when I got out", "Devon"),
    ("my mate Kent lent me a tenner", "Kent"),
])
def test_still_a_first_name_or_cued_region_word_is_someone(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("my daughter Amber loves the snow", "Amber"),
    ("Amber and her little girl got caught in the storm", "Amber"),
])
def test_still_amber_with_the_weather_said_is_someone(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)
