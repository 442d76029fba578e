"""Redaction of where people are: bare streets, relatives' homes, landmarks, courts, shops;
phone numbers said with "hundred"; name-words and medicines that are not people."""
from __future__ import annotations

import pytest

from .conftest import FakeNLP
from .test_redact import found


# Each line also holds an amount said with "hundred" or "thousand", which must stay.
@pytest.mark.parametrize("text, expected", [
    ("Ring oh eight hundred one two three four five six if you need a bed. Oh, one hundred "
     "percent.", "oh eight hundred one two three four five six"),
    ("The helpline is oh three hundred, one two three, four five six seven. About two thousand "
     "five hundred people sleep out here.", "oh three hundred, one two three, four five six seven"),
    ("Her mobile is oh seven seven hundred nine hundred one two three. Oh, two hundred of us on "
     "the wing.", "oh seven seven hundred nine hundred one two three"),
    ("It's zero seven nine hundred, four five six, seven eight nine, not one thousand.",
     "zero seven nine hundred, four five six, seven eight nine"),
])
def test_phone_numbers_said_with_hundreds_but_not_amounts(text, expected, fake_nlp):
    assert found(text, fake_nlp) == [("phone", expected)]


# Identifiers and dates of birth said in words; the first three lines also count up in
# words after a cue, which is no identifier.
@pytest.mark.parametrize("text, expected", [
    ("My NHS number is four eight five, seven seven seven, three four five six. In prison, "
     "two three four five six times.",
     ("ID number", "four eight five, seven seven seven, three four five six")),
    ("My prison number was A one two three four B C. Case two three four five six, no.",
     ("ID number", "A one two three four B C")),
    ("My number is 07700 nine hundred one two three. Zero one two three four five six seven.",
     ("phone", "07700 nine hundred one two three")),
    ("Ring plus four four seven seven hundred nine hundred one two three.",
     ("phone", "plus four four seven seven hundred nine hundred one two three")),
    ("I was born on the 3rd of the 4th, 1991, in a hostel.",
     ("date of birth", "3rd of the 4th, 1991")),
    ("My birthday is the twelfth of the third, eighty-seven.",
     ("date of birth", "twelfth of the third, eighty-seven")),
    ("I was born on the 4th of September eighty-one, they said.",
     ("date of birth", "4th of September eighty-one")),
])
def test_identifiers_and_dates_of_birth_said_in_words(text, expected, fake_nlp):
    assert found(text, fake_nlp) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Wandsworth and Brixton is where my mum lives.",
     [("place", "Wandsworth"), ("place", "Brixton")]),
    # Near the word "prison" a listed place-named prison was taken for one.
    ("Brixton is where my mum lives, right by the prison.", [("place", "Brixton")]),
    ("I moved to Manchester to get clean. My sister lives in Armley now.",
     [("place", "Manchester"), ("place", "Armley")]),
    # The same name is a prison where someone served time and a place where family lives.
    ("I did three years in Wakefield. My daughter lives in Wakefield with her foster carers.",
     [("prison", "Wakefield"), ("place", "Wakefield")]),
    # A relative or friend named on the way, and "has been living".
    ("My cousin Tyler lives in Sunderland.", [("name", "Tyler"), ("place", "Sunderland")]),
    ("My mate's been living in Hull since he got out.", [("place", "Hull")]),
])
def test_where_a_relative_lives_is_a_place_not_a_prison(text, expected, fake_nlp):
    assert found(text, fake_nlp) == expected


@pytest.mark.parametrize("text, model_people", [
    ("Hope is what kept me going.", []),
    ("Faith is what got me through, that and Hope's what keeps me going.", ["Faith", "Hope"]),
    ("The judge at Snaresbrook gave me eighteen months.", ["Snaresbrook"]),
    ("I got sentenced at Isleworth in the end.", ["Isleworth"]),
    ("I nicked from Tesco.", ["Tesco"]),
    ("Nacro did my CV, then Unlock and Emmaus helped.", ["Nacro", "Unlock", "Emmaus"]),
    ("Postcode's on the letter.", ["Postcode"]),
    ("Email me when it's done.", ["Email"]),
    ("We slept on Trafalgar Square.", []),
    ("I begged at Canary Wharf.", ["Canary Wharf"]),
    ("We slept in Piccadilly Gardens that winter.", []),
    ("I slept in a tent on Clapham Common, then round the back of Waterloo.", ["Waterloo"]),
    ("I was on Sertraline and Diazepam, then they tried Espranor.",
     ["Sertraline", "Diazepam", "Espranor"]),
])
def test_nothing_personal_is_said(text, model_people):
    # FakeNLP stands in for the model's mistakes: each listed word tagged as a person.
    assert found(text, FakeNLP(people=model_people)) == []


@pytest.mark.parametrize("text, expected", [
    ("Grace was my worker. Hope is what kept me going.", [("name", "Grace")]),
    ("Hope was my keyworker. Faith is what got me through.", [("name", "Hope")]),
    ("I lived at 14 Aldgrove Road before we slept on Trafalgar Square.",
     [("place", "14 Aldgrove Road")]),
])
def test_names_and_addresses_beside_those_words_are_still_found(text, expected):
    assert found(text, FakeNLP(people=["Grace", "Hope", "Faith"])) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, street", [
    ("We were sleeping on Briggate most nights, under the arches.", "Briggate"),
    ("Me and Kayleigh used to sit on Deansgate with a cup.", "Deansgate"),
    ("I was begging on Micklegate most weekends.", "Micklegate"),
    ("I was sleeping in a doorway off Kirkgate.", "Kirkgate"),
])
def test_real_model_a_street_without_a_suffix_after_on(text, street, real_nlp):
    assert ("place", street) in found(text, real_nlp)


@pytest.mark.slow
def test_real_model_only_the_street_among_other_things_people_are_on(real_nlp):
    text = ("On Tuesday I signed on. I've been on Universal Credit since I came out, on "
            "probation too, on methadone, and we were sleeping on Briggate.")
    assert found(text, real_nlp) == [("place", "Briggate")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "They put me on methadone, then on Subutex, then on Espranor.",
    "I'd sit on Facebook all night because I couldn't sleep.",
    "We slept on Trafalgar Square, then I begged at Canary Wharf.",
    "Hope is what kept me going.",
    "The judge at Snaresbrook gave me eighteen months.",
    "I nicked from Tesco.",
    "Postcode's on the letter.",
])
def test_real_model_on_and_at_that_are_not_streets_or_people(text, real_nlp):
    assert found(text, real_nlp) == []


# A detox done at a named House or Lodge is treatment, labelled a hospital (round 24: a
# rehab or a detox is a hospital, supported housing a hostel), hospital words said or not.
@pytest.mark.parametrize("text, expected", [
    ("I did a two-week detox at Ashby House before rehab.", [("hospital", "Ashby House")]),
    ("My detox in Fernbank Lodge was the first time I slept properly.",
     [("hospital", "Fernbank Lodge")]),
    ("they sent me for detox at the ashby house over in the town.", [("hospital", "ashby house")]),
    ("The detox unit at Elm Lodge was rough but they were kind.", [("hospital", "Elm Lodge")]),
    ("They put me on the detox ward at Ashby House.", [("hospital", "Ashby House")]),
    ("I was sectioned at Marsh House for six weeks.", [("hospital", "Marsh House")]),
    ("I did detox at Ashby House, the hospital one, on the ward.", [("hospital", "Ashby House")]),
    ("I was detoxed at Kingsmead Hospital and sent out with nothing.",
     [("hospital", "Kingsmead Hospital")]),
    ("Detox at Highcroft nearly killed me.", [("hospital", "Highcroft")]),
])
def test_a_detox_at_a_named_house_is_a_hospital(text, expected, fake_nlp):
    assert found(text, fake_nlp) == expected
