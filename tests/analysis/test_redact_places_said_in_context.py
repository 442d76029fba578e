"""Prisons named without "HMP" in a sentence about prison, supported housing named like a
block and said as a home, wards by number, named units and treatment centres, references
a few words after their cue, and a year of birth said in two digits.

Each case here was missed before these rules; tests named ``..._left_alone`` passed before
too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, prison", [
    ("My cellie in Walton was alright, kept himself to himself.", "Walton"),
    ("Young offenders, Polmont. I was sixteen.", "Polmont"),
    ("First time I went inside I was seventeen, Feltham.", "Feltham"),
    ("I was in Wandsworth on remand for four months.", "Wandsworth"),
    ("When I was in Wandsworth the wing was on lockdown.", "Wandsworth"),
    ("Barlinnie was the worst jail I've seen.", "Barlinnie"),
    ("My padmate at Lewes taught me to read.", "Lewes"),
    ("I was on the threes in Walton.", "Walton"),
    ("I was in Preston when I got recalled.", "Preston"),
    ("I went to Feltham on remand at sixteen.", "Feltham"),
])
def test_a_prison_town_in_a_sentence_about_prison_is_a_prison(text, prison, fake_nlp):
    assert ("prison", prison) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "After my sentence I moved back to Wandsworth to be near my kids.",
    "I grew up in Walton and got sent down at nineteen.",
    "I was sentenced at Lewes, then shipped out.",
    "My probation office in Wandsworth is miles from the hostel.",
    "I live in Brixton now, the sentence is behind me.",
    "When I got out I stayed in Leeds for a bit, after my sentence.",
    "I've got a job in Lincoln now after serving my time.",
    "My brother in Durham never visited me inside.",
    "I'm from Durham, did my time down south.",
    "After my sentence I went to college in Durham.",
    "My cellie was from Walton.",
    "I did a course at Leeds College of Building inside.",
    "My cellie Walton was sound, did his bird quietly.",
    "A screw called Lincoln ran the landing.",
])
def test_a_prison_town_said_as_a_home_or_a_court_is_left_alone(text, fake_nlp):
    assert "prison" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, hostel", [
    ("My release address was Kestrel Court, out past the ring road.", "Kestrel Court"),
    ("They put me in Haven Point when I got out.", "Haven Point"),
    ("I ended up at Juniper House for six months.", "Juniper House"),
    ("Probation placed me at Harbour Haven, eight beds and a curfew.", "Harbour Haven"),
    ("They put my mate Jamal in Juniper House as well.", "Juniper House"),
])
def test_supported_housing_named_like_a_block_said_as_a_home(text, hostel, fake_nlp):
    assert ("hostel", hostel) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "I ended up in Milford Haven with my cousin.",
    "We used to drink outside Kestrel Court on a Friday.",
    "The meeting was at Beacon Point.",
    "I ended up at Meridian Point shopping centre.",
])
def test_named_blocks_not_said_as_a_home_are_left_alone(text, fake_nlp):
    assert "hostel" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, hospital", [
    ("They kept me on Ward 22 for a week.", "Ward 22"),
    ("ward 7 was the worst place I've been.", "ward 7"),
    ("I was in the Meadowbank psych unit for a month.", "Meadowbank psych unit"),
    ("I went to the Redwood Centre for detox.", "Redwood Centre"),
    ("The Larkspur Clinic sorted my methadone out.", "Larkspur Clinic"),
    ("They took me to St Luke's when I was unwell.", "St Luke's"),
    ("St Anne's put me on a drip for two days.", "St Anne's"),
    ("I was in St Thomas' after the stabbing.", "St Thomas'"),
    # A detox at a named House or Lodge is treatment too (round 24).
    ("I did my detox at Oak House, lovely staff.", "Oak House"),
])
def test_wards_units_and_treatment_centres_are_hospitals(text, hospital, fake_nlp):
    assert ("hospital", hospital) in found(text, fake_nlp)


@pytest.mark.parametrize("text, label", [
    # Where a requirement is kept, near probation and testing, stays as it was.
    ("Weekly testing at the Aspen Centre, and it went straight to probation.", "hostel"),
])
def test_a_testing_centre_keeps_its_label(text, label, fake_nlp):
    assert label in [lab for lab, _ in found(text, fake_nlp)]
    assert "hospital" not in [lab for lab, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text", [
    "I was on ward rounds with the nurse.",
    "Ward 3 of the council is where I live.",
    "I went to the Redwood Centre for a meeting about my housing.",
    "The community centre does a breakfast club.",
    "St Patrick's Day was the first time I drank again.",
    "I go to St Luke's church on Sundays.",
    "St Luke's treated me like family, best church in town.",
])
def test_words_near_care_are_left_alone(text, fake_nlp):
    assert "hospital" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, value", [
    ("My number is BX2841, give it to the desk.", "BX2841"),
    ("my number's BX2841 if you need it", "BX2841"),
    ("The reference for my housing benefit claim is HB/2291/0473.", "HB/2291/0473"),
    ("my reference number for the council is HB-2291-0473", "HB-2291-0473"),
])
def test_references_a_few_words_after_their_cue(text, value, fake_nlp):
    assert ("ID number", value) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "I drove up the A1 and the M62 to get there.",
    "My number is on the A1 sign.",
    "Case number M62 was the road one.",
    "The number 62 bus takes an hour.",
])
def test_roads_and_short_codes_after_a_cue_are_left_alone(text, fake_nlp):
    assert "ID number" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, value", [
    ("I was born in 88, same as my cousin.", "88"),
    ("Born in eighty-eight, raised in care.", "eighty-eight"),
    ("I was born on the first of April, nineteen eighty eight.",
     "first of April, nineteen eighty eight"),
])
def test_a_year_of_birth_in_two_digits_or_words(text, value, fake_nlp):
    assert ("date of birth", value) in found(text, fake_nlp)


def test_born_in_a_number_of_hours_is_left_alone(fake_nlp):
    assert found("She was born in 12 hours flat.", fake_nlp) == []
