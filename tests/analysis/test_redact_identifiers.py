"""Redaction of what people type or say in passing: handles, number plates, collar numbers,
prisons in lower case, hostels named in several words."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, label, expected", [
    ("Add me on insta, it's @jodie_w88.", "name", "@jodie_w88"),
    ("The reg on my car was AB12 CDE.", "ID number", "AB12 CDE"),
    ("PC 4471 Davies nicked me outside the shop.", "name", "PC 4471 Davies"),
    ("His shoulder number was 2231, I wrote it down.", "ID number", "2231"),
    ("i was in hmp wandsworth and so was my mate", "prison", "hmp wandsworth"),
    ("They sent me to Hmp Leeds in the end.", "prison", "Hmp Leeds"),
    ("I was remanded to Holloway back when it was open.", "prison", "Holloway"),
    # A hostel's name of several words, or in capitals, with the word hostel: all of it goes.
    ("They put me in the Salvation Army hostel on the estate.", "hostel",
     "the Salvation Army hostel"),
    ("I stayed at the YMCA hostel for a year.", "hostel", "the YMCA hostel"),
])
def test_handles_plates_collar_numbers_and_prisons_in_any_case(text, label, expected, fake_nlp):
    assert (label, expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "hmp was grim to be honest", "Email me at jo@example.org.", "I scored 12 out of 20.",
])
def test_no_handle_prison_or_plate_where_there_is_none(text, fake_nlp):
    assert not [f for f in found(text, fake_nlp) if f[0] in ("prison", "ID number")
                or f[1].startswith("@")]


@pytest.mark.parametrize("text, label, expected", [
    # Written fresh for this check: a listed prison that is also a place, named after a cell.
    ("Me and him shared a cell at Feltham for a month.", "prison", "Feltham"),
    ("I served at Bristol, then they moved me.", "prison", "Bristol"),
    # A hostel's own name with the word hostel in lower case.
    ("I used to go to the Lighthouse hostel most nights.", "hostel", "Lighthouse hostel"),
])
def test_prisons_named_after_a_cell_and_hostels_written_in_lower_case(text, label, expected,
                                                                       fake_nlp):
    assert (label, expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "I was released in Bristol with nowhere to go.",
    "The hostel was the worst place I've been.",
    "Bail hostel rules are mad.",
])
def test_a_city_or_the_word_hostel_alone_stays(text, fake_nlp):
    assert not [f for f in found(text, fake_nlp) if f[0] in ("prison", "hostel")]


@pytest.mark.parametrize("text, label, expected", [
    # Written fresh this round. A place-named prison in a list of prisons is a prison too,
    # however long the chain.
    ("I was in Pentonville, then Brixton, then Wormwood Scrubs.", "prison", "Brixton"),
    ("They moved me from Belmarsh to Brixton and then Bristol.", "prison", "Bristol"),
    # "on" a Hill or a Green: the street someone lives or sleeps on.
    ("They put me in a B&B on Brixton Hill with no cooker.", "place", "Brixton Hill"),
    ("I was kipping on Peckham Green all summer.", "place", "Peckham Green"),
    # A hostel named with a possessive (found by a new user walking the facilitator's pages).
    ("I was at the St Mungo's hostel in Camden for a year.", "hostel", "the St Mungo's hostel"),
    # A name after a capitalised "The"; phone numbers said in words.
    ("The Foxhall Lodge approved premises had a 9pm curfew.", "hostel", "Foxhall Lodge"),
    ("Write it down, it's oh seven seven double oh nine double oh one two three.", "phone",
     "oh seven seven double oh nine double oh one two three"),
    ("Ring zero one one three, four nine six, oh one two three.", "phone",
     "zero one one three, four nine six, oh one two three"),
])
def test_prisons_in_lists_streets_after_on_and_numbers_said_in_words(text, label, expected,
                                                                     fake_nlp):
    assert (label, expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text, area", [
    ("Everyone's hostel is the same in the end.", None),
    ("I grew up in Brixton and did time in Pentonville.", "Brixton"),
    ("She lives in Notting Hill now.", "Notting Hill"),
])
def test_an_area_near_a_prison_or_named_with_in_is_a_place_not_a_prison(text, area, fake_nlp):
    # The district is redacted as a place by default, never as a prison or a hostel.
    spans = found(text, fake_nlp)
    assert not [f for f in spans if f[1] == "Everyone's hostel"]
    assert [f for f in spans if f[1] == area] == ([("place", area)] if area else [])


@pytest.mark.parametrize("text", [
    "I was one of two or three people there, oh well.",
    "It went from zero to one to two in a week.",
])
def test_counting_in_words_is_not_a_phone_number(text, fake_nlp):
    assert not [f for f in found(text, fake_nlp) if f[0] == "phone"]


@pytest.mark.parametrize("text, city", [
    # Written fresh: after a release, "to" names where someone went, not another prison.
    ("They let me out of HMP Leeds to Manchester with nowhere to go.", "Manchester"),
    ("I was released from Wandsworth to Birmingham, miles from my family.", "Birmingham"),
])
def test_the_city_someone_was_released_to_stays(text, city, fake_nlp):
    assert ("prison", city) not in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    # Written fresh: figures of speech after "on", not streets anyone lives on.
    "He spent twenty years on Death Row before they let him out.",
    "I was one step from ending up on Skid Row.",
])
def test_death_row_and_skid_row_stay(text, fake_nlp):
    assert not [f for f in found(text, fake_nlp) if f[0] == "place"]


@pytest.mark.parametrize("text", [
    # Written fresh: counting aloud from nought is no phone number.
    "Zero, one, two, three, four, five, six, seven, eight, nine, ten green bottles.",
    "She was counting oh one two three four five six seven eight nine to calm down.",
])
def test_counting_up_from_zero_is_not_a_phone_number(text, fake_nlp):
    assert not [f for f in found(text, fake_nlp) if f[0] == "phone"]


# Prison numbers said letter by letter (the phonetic alphabet, pairs of numbers, "double"),
# or written with spaces between every part.
@pytest.mark.parametrize("text, expected", [
    ("My number inside was alpha one two three four bravo charlie.",
     "alpha one two three four bravo charlie"),
    ("It's Echo seven seven zero one, Delta Kilo, on every form.",
     "Echo seven seven zero one, Delta Kilo"),
    ("They kept calling me golf 4821 kilo delta instead of my name.", "golf 4821 kilo delta"),
    ("Just say Victor twelve thirty-four Sierra Tango at the gate.",
     "Victor twelve thirty-four Sierra Tango"),
    ("My number was a one two three four b c, I'll never forget it.",
     "a one two three four b c"),
    ("It was A nine eight seven six double B, they shouted it every morning.",
     "A nine eight seven six double B"),
    ("On the letter it was A 12 34 BC, same as my cell card.", "A 12 34 BC"),
])
def test_prison_numbers_said_letter_by_letter_or_spaced(text, expected, fake_nlp):
    assert found(text, fake_nlp) == [("ID number", expected)]


@pytest.mark.parametrize("text", [
    "We did alpha course one two three four weeks running.",
    "I got a one two three four out of ten in the quiz.",
    "Charlie one two three four times a day, that was me.",
    # A time said aloud ends in "a m" (found in review).
    "I was up at a twelve thirty a m start.",
    "We had a ten fifteen p m curfew check.",
])
def test_counting_near_letters_is_no_prison_number(text, fake_nlp):
    assert not [f for f in found(text, fake_nlp) if f[0] == "ID number"]
