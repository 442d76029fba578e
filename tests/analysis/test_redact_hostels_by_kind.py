"""Supported housing, refuges, shelters and recovery houses named by any word: told by what
the sentence says the place is (a word of kind beside it, a list of them, or what a home
does: a keyworker, a curfew, an eviction), not by a House or Lodge in the name."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    # A word of kind said after the name.
    ("I got a bed at Kingfisher, it's a hostel for lads just out.", "Kingfisher"),
    ("They moved me into Bellamy, which is supported housing run by the council.", "Bellamy"),
    ("My release address was Harrowgate, an approved premises with a ten o'clock curfew.",
     "Harrowgate"),
    ("She fled to Safe Harbour, a women's refuge, with nothing but her kids.", "Safe Harbour"),
    ("I've been at Thornfield for six months, it's a dry house.", "Thornfield"),
    ("They put him in Osprey AP straight from the gate.", "Osprey"),
    ("Brackenhurst is a wet hostel, you can drink in your room.", "Brackenhurst"),
    # Before it, or in a list of them.
    ("They found me a place at a recovery house called Fresh Start.", "Fresh Start"),
    ("Hostels, refuges, Elmhurst, the Cornerstone, I've slept in all of them.", "Elmhurst"),
    ("Hostels, refuges, Elmhurst, the Cornerstone, I've slept in all of them.", "Cornerstone"),
    # Typed in lower case, said to be one.
    ("the place was called sunrise, a recovery house out in the sticks", "sunrise"),
    ("ended up at marsh lane which is a bail hostel", "marsh lane"),
    # What a home does for the people in it.
    ("I'm living at Westgate now, my keyworker there is great.", "Westgate"),
    ("Got evicted from Springbank for rent arrears I didn't even owe.", "Springbank"),
    ("Out of Bullingdon, into Bellamy, then my own flat.", "Bellamy"),
])
def test_hostels_said_as_what_they_are(text, expected, fake_nlp):
    assert ("hostel", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text, word", [
    # A worker at one is a person; the kind word describes them.
    ("The prison, Dr Fraser said, had no beds.", "Fraser"),
    ("Me and Dean, a hostel worker, went for a brew.", "Dean"),
    # Function words and idioms are no names, typed in lower case or not.
    ("My mate put me in touch with the refuge.", "touch"),
    # A House or Lodge is a home, whatever else the sentence is about.
    ("I'm in Cedar Lodge at the moment and there's spice on every landing.", "Cedar Lodge"),
])
def test_people_idioms_and_homes_are_not_misread(text, word, fake_nlp):
    labels = {label for label, span in found(text, fake_nlp) if word in span}
    assert labels <= ({"hostel"} if word == "Cedar Lodge" else {"name"})


def test_an_english_word_before_an_aside_is_no_name(real_nlp):
    text = "I was admitted to Sevenoaks House in the end, a proper psych unit."
    assert [span for _, span in found(text, real_nlp) if "end" in span.split()] == []


@pytest.mark.parametrize("text, expected", [
    ("Larkhill, it's a hostel, but they treat you like adults.", "Larkhill"),
    ("Wrenfield's a dry house, so no cans in your room.", "Wrenfield"),
])
def test_a_name_opening_a_sentence_said_to_be_a_hostel(text, expected, real_nlp):
    assert ("hostel", expected) in found(text, real_nlp)


def test_an_english_word_opening_a_sentence_is_an_aside(real_nlp):
    assert found("Honestly, a hostel is no place for a kid.", real_nlp) == []


@pytest.mark.parametrize("text", [
    "I got a referral to Talking Therapies but the wait was a year.",
    "My keyworker sent a referral to IAPT for me.",
    "I had a room at the YMCA for two years.",
])
def test_services_referred_to_and_national_chains_stay(text, fake_nlp):
    assert found(text, fake_nlp) == []
