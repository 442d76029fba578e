"""Round twenty-four (b): leaks carried from the blind fixtures, fixed by class.

NI numbers typed in lower case after their cue ("my NI's k z four one, ..."), and postcodes
spelt with the names of letters that are also words ("bee", "tee", "pee", "cee").

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, code", [
    ("my NI's k z four one, oh six, three three, b, had to learn it",
     "k z four one, oh six, three three, b"),
    ("national insurance is j r two two, eight one, five five, a ok",
     "j r two two, eight one, five five, a"),
])
def test_ni_numbers_spelt_in_lower_case_after_their_cue(text, code, real_nlp):
    assert ("NI number", code) in found(text, real_nlp)


def test_ni_cue_still_needs_a_full_number(real_nlp):
    assert not [f for f in found("my NI is a pain to find, i lost the card", real_nlp)
                if f[0] == "NI number"]


@pytest.mark.parametrize("text, code", [
    ("it's cee tee nine, four pee q, the flat above the chippy", "cee tee nine, four pee q"),
    ("my postcode is bee ess seven, two tee w", "bee ess seven, two tee w"),
])
def test_postcodes_spelt_with_letter_names_that_are_words(text, code, real_nlp):
    assert ("postcode", code) in found(text, real_nlp)


def test_letter_names_that_are_words_still_kept_in_ordinary_talk(real_nlp):
    text = "the bee stung me at tea time, four of us sat there"
    assert not [f for f in found(text, real_nlp) if f[0] == "postcode"]


@pytest.mark.parametrize("text, date", [
    ("P3: i'm thirty-two, yeah, fourth of june ninety four, and i got out in march",
     "fourth of june ninety four"),
    ("im 51 - 2nd October 1975, that's me", "2nd October 1975"),
])
def test_a_full_date_said_straight_after_ones_age_is_a_birth_date(text, date, real_nlp):
    assert ("date of birth", date) in found(text, real_nlp)


def test_a_date_after_an_age_still_kept_when_it_has_no_year_or_is_a_court_date(real_nlp):
    for text in ("i'm forty, fourth of june is when it all went wrong",
                 "i'm forty, court is the 3rd of May 2027"):
        assert not [f for f in found(text, real_nlp) if f[0] == "date of birth"], text


@pytest.mark.parametrize("text, school", [
    ("the wean's at St Kentigern's primary an the heidie is a nightmare", "St Kentigern's"),
    ("we all went to St Ita's secondary in the end", "St Ita's"),
])
def test_a_saints_school_typed_in_lower_case_is_a_place(text, school, real_nlp):
    assert any(label == "place" and school in span for label, span in found(text, real_nlp))


@pytest.mark.parametrize("text, pub", [
    ("used to meet him behind the Fiddler's Arms on a friday", "Fiddler's Arms"),
    ("we'd wait outside the Tinker's Head for the van", "Tinker's Head"),
])
def test_a_pub_named_by_a_possessive_and_a_pub_word_is_a_place(text, pub, real_nlp):
    assert ("place", pub) in found(text, real_nlp)


def test_a_possessive_without_a_pub_word_still_not_a_pub(real_nlp):
    assert not [f for f in found("we sat behind the Devil's Dyke all day", real_nlp)
                if f[1] == "Devil's Dyke" and f[0] == "place"]


@pytest.mark.parametrize("text, name", [
    ("St Bride's night shelter only takes you after ten", "St Bride's"),
    ("St Agnes's night shelter opens at nine", "St Agnes's"),
])
def test_a_saints_name_opening_a_sentence_before_its_kind_is_that_place(text, name, real_nlp):
    assert any(label == "hostel" and span.startswith(name)
               for label, span in found(text, real_nlp))


@pytest.mark.parametrize("text, name", [
    ("my release address was Summit Heights and i'd never been near it", "Summit Heights"),
    ("bail address is Kestrel View, so i have to sign in there", "Kestrel View"),
])
def test_a_name_given_as_a_release_or_bail_address_is_a_hostel(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


def test_a_release_address_still_needs_a_name(real_nlp):
    assert not [f for f in found("my release address was a joke, no one told me", real_nlp)
                if f[0] in ("hostel", "place")]


@pytest.mark.parametrize("text, name", [
    ("our Leanne had the baby in the Royal Meadowcroft, i missed it", "Royal Meadowcroft"),
    ("she went into labour at St Ebba's and i was still inside", "St Ebba's"),
])
def test_a_royal_or_saints_name_where_a_baby_is_had_is_a_hospital(text, name, real_nlp):
    assert any(label == "hospital" and span.endswith(name)
               for label, span in found(text, real_nlp))


@pytest.mark.parametrize("text, name", [
    ("i slept at Kinder Steps for three month till a flat came up", "Kinder Steps"),
    ("we dossed at Safe Harbour for a few weeks that winter", "Safe Harbour"),
])
def test_a_name_slept_at_for_a_stretch_is_a_hostel(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("i'm on the line at Brackwell Foods in Goole, nights", "Brackwell Foods"),
    ("doing nights at Greystone Packaging now, it's grim", "Greystone Packaging"),
])
def test_a_place_worked_on_the_line_or_on_nights_is_a_place(text, name, real_nlp):
    assert ("place", name) in found(text, real_nlp)


def test_a_time_on_nights_still_not_a_workplace(real_nlp):
    assert not [f for f in found("doing nights at Christmas is the worst", real_nlp)
                if f[1] == "Christmas"]


@pytest.mark.parametrize("text, name", [
    ("we used to chill at the Plum Tree on a friday before it got shut", "Plum Tree"),
    ("the lads all hung out at the Golden Lantern after school", "Golden Lantern"),
])
def test_a_named_spot_hung_out_at_is_a_place(text, name, real_nlp):
    assert ("place", name) in found(text, real_nlp)


def test_a_shop_or_landmark_hung_out_at_still_kept(real_nlp):
    for text, name in (("we used to hang out at the Arndale every saturday", "Arndale"),
                       ("we used to chill at the Co-op car park", "Co-op")):
        assert not [f for f in found(text, real_nlp) if name in f[1]], text


@pytest.mark.parametrize("text, name", [
    ("i did fourteen months in the Heath and came out to nothing", "Heath"),
    ("twenty years at the Anchorage on and off", "Anchorage"),
])
def test_a_stretch_said_with_a_teen_or_tens_word_is_a_stay(text, name, real_nlp):
    assert any(label != "name" and name in span for label, span in found(text, real_nlp))
