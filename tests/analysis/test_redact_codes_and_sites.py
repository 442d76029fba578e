"""Codes said or typed with no shape cue, and places named with no cue word in the name.

Postcodes spelt with the letter names "ay" and "arr", mobiles said without their first oh
after "my number is", court and warrant numbers; schools with their kind in lower case,
towns lived in or come from that the name rules read as surnames, estates lived on, a
workplace after a job, a ward at a hospital (``pii/spoken_codes.py``, ``pii/named_sites.py``).

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, code", [
    ("postcode is ess arr nine, four ay gee, by the garages", "ess arr nine, four ay gee"),
    ("my postcode was dee ay twelve, six arr bee", "dee ay twelve, six arr bee"),
])
def test_postcodes_spelt_with_ay_and_arr(text, code, real_nlp):
    assert ("postcode", code) in found(text, real_nlp)


def test_a_postcode_cue_still_needs_a_whole_postcode(real_nlp):
    text = "my postcode is ay, I forget the rest, you know how it is"
    assert not [f for f in found(text, real_nlp) if f[0] == "postcode"]


def test_a_mobile_said_without_its_first_oh_after_my_number_is(real_nlp):
    text = "my number is seven eight double two, four double one, nine oh three, ring after six"
    assert ("phone", "seven eight double two, four double one, nine oh three") in found(
        text, real_nlp)


def test_my_number_still_not_a_phone_when_short(real_nlp):
    text = "my number is seven four, that's how many days I've been clean"
    assert not [f for f in found(text, real_nlp) if f[0] == "phone"]


@pytest.mark.parametrize("text, code", [
    ("the care case at the family court is LV23P01942, it's on every letter", "LV23P01942"),
    ("the letter from the crown court said S20198834 at the top", "S20198834"),
    ("the warrant number was KX 4471/20, I kept the paper", "KX 4471/20"),
])
def test_court_and_warrant_numbers(text, code, real_nlp):
    assert ("ID number", code) in found(text, real_nlp)


def test_roads_years_and_vitamins_still_kept(real_nlp):
    text = "we came down the M62 and the A1 in 2019, B12 jabs, room 101, COVID19 jab"
    assert not [f for f in found(text, real_nlp) if f[0] == "ID number"]


@pytest.mark.parametrize("text, school", [
    ("my eldest goes Hollin Bank primary now, she loves it", "Hollin Bank"),
    ("our Dean's lad goes Brindley high, he's doing alright", "Brindley"),
    # With its kind the school outranks the prison of the same name.
    ("went to Low Newton high school with half the lads I was later inside with", "Low Newton"),
])
def test_a_school_with_its_kind_in_lower_case_is_a_place(text, school, real_nlp):
    assert any(label == "place" and span.startswith(school)
               for label, span in found(text, real_nlp))


def test_a_lower_case_high_still_not_a_school_without_going_there(real_nlp):
    text = "he was high as a kite, Darren high on spice again, the Catholic primary shut"
    assert not [f for f in found(text, real_nlp) if f[0] == "place"]


@pytest.mark.parametrize("text, town", [
    ("my ayeeyo still lives in Wrenbury, she cooks for me", "Wrenbury"),
    ("I come from Vaslui, in Romania, and now I sleep by the canal", "Vaslui"),
    ("my cousin works up Tesco in Penryn, she sorts me out", "Penryn"),
    ("I was a miner at Thoresby till they shut it", "Thoresby"),
    ("we lived on the Kestrel Well in Sunderland, rough as anything", "Kestrel Well"),
])
def test_a_town_estate_or_workplace_said_as_one_is_a_place(text, town, real_nlp):
    assert ("place", town) in found(text, real_nlp)


def test_a_ward_someone_was_put_on_at_a_hospital_is_the_hospital(real_nlp):
    text = "they put me on Larkspur at Fairfield Hospital when I was hearing voices"
    assert ("hospital", "Larkspur") in found(text, real_nlp)


@pytest.mark.parametrize("text, hostel", [
    ("I was kippin' in the Harbour Centre for a bit after I got out", "Harbour Centre"),
    ("we were dossin' in the Quayside Centre all winter", "Quayside Centre"),
])
def test_a_named_centre_or_house_kipped_in_is_a_hostel(text, hostel, real_nlp):
    assert ("hostel", hostel) in found(text, real_nlp)


@pytest.mark.parametrize("text, town", [
    ("the 42 bus to Tyldesley is the one I get to probation", "Tyldesley"),
    ("they moved me out to Kirkbymoor and I knew nobody", "Kirkbymoor"),
    ("she took the kids back to Bełchatów when I was inside", "Bełchatów"),
    ("my nan's is 12 Rathmore Gardens, Dunnamore", "Dunnamore"),
    ("worked nights at Holmfield Joinery til the accident", "Holmfield Joinery"),
])
def test_a_town_travelled_to_after_an_address_or_a_shift_is_a_place(text, town, real_nlp):
    assert ("place", town) in found(text, real_nlp)


def test_going_back_to_someone_still_a_person(real_nlp):
    text = "went back to Kerry-Ann after every sentence and she took me back"
    assert ("name", "Kerry-Ann") in found(text, real_nlp)


@pytest.mark.parametrize("text, ward", [
    ("they put me on Hornbeam, the PICU, two weeks no phone", "Hornbeam"),
    ("the Rowan suite at the mental health unit, no windows that open", "Rowan"),
])
def test_a_ward_said_with_what_it_is_is_the_hospital(text, ward, real_nlp):
    assert ("hospital", ward) in found(text, real_nlp)


def test_what_came_from_a_first_name_still_came_from_a_person(real_nlp):
    assert ("name", "Dave") in found("the money came from Dave in the end", real_nlp)
