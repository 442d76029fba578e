"""Causes found with round five's fresh adversarial quotes (``fixtures/pii_fresh_lines.py``)
and a second probe after them: named schools, saints' houses, wards and units by their own
name, a prison chain joined by a few words, people shown by who they are with, nicknames
after "called him", handles and case numbers said loosely, and products after "a" ("a blue
Astra").

Each case here was missed, or over-redacted, before these rules; tests named ``..._left_alone``
passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.core.redact import find_personal_data

from .test_redact import found

FRESH = Path(__file__).parent / "fixtures" / "pii_fresh.jsonl"


@pytest.mark.parametrize("text, school", [
    ("I went to St Cuthbert's Primary and got expelled.", "St Cuthbert's Primary"),
    ("My kids go to Hollins Park Academy, I can't go near.", "Hollins Park Academy"),
    ("The school was Greenway High, they kicked me out.", "Greenway High"),
    ("I went to Moorside Comprehensive with half the wing.", "Moorside Comprehensive"),
])
def test_named_schools_are_places(text, school, fake_nlp):
    assert ("place", school) in found(text, fake_nlp)


@pytest.mark.parametrize("text, school", [
    ("My headteacher at Bishop Vesey's Grammar wrote me a reference.", "Bishop Vesey's Grammar"),
    ("Kids are at St Peter's C of E now.", "St Peter's C of E"),
])
def test_schools_with_a_possessive_or_a_church_are_places(text, school, fake_nlp):
    assert found(text, fake_nlp) == [("place", school)]


@pytest.mark.parametrize("text, ward", [
    ("They had me on Maple ward for a month.", "Maple ward"),
    ("The crisis team at Meadowbrook Unit turned me away twice.", "Meadowbrook Unit"),
])
def test_wards_and_units_by_their_own_name_are_hospitals(text, ward, fake_nlp):
    assert found(text, fake_nlp) == [("hospital", ward)]


@pytest.mark.parametrize("text, place", [
    ("i was on the psych ward at the becklin centre for six weeks", "becklin centre"),
    ("The doctor at the Mount Vernon surgery was useless.", "Mount Vernon surgery"),
])
def test_care_places_typed_in_lower_case_are_hospitals(text, place, fake_nlp):
    assert found(text, fake_nlp) == [("hospital", place)]


@pytest.mark.parametrize("text", [
    "I was admitted to the day centre.",
    "I was sectioned at the assessment unit.",
    "I was in the Segregation Unit for a month.",
    "I spent a night on the Acute ward.",
    "Mother said I'd never amount to anything.",
    "Women's Aid told me to leave that night.",
    "Gov said no to the transfer.",
])
def test_prison_units_relatives_and_services_are_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


def test_a_place_called_the_something_said_as_a_home_is_a_hostel(fake_nlp):
    assert found("Me and Shona shared a room at the Ark.", fake_nlp) == [
        ("name", "Shona"), ("hostel", "Ark")]


@pytest.mark.parametrize("text", [
    "I stayed at the Salvation Army for a month.",
    "I'm living at the Foyer now.",
    "We stayed at the Premier Inn.",
    "I live at the Bottom End of town.",
])
def test_services_chains_and_kinds_of_place_said_as_a_home_are_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


def test_a_transfer_to_a_prison_named_with_the(fake_nlp):
    assert found("I was ghosted to The Mount after the riot.", fake_nlp) == [("prison", "Mount")]


@pytest.mark.parametrize("text", [
    "Grammar School was never for the likes of me.",
    "I did my GCSEs at Sixth Form College inside.",
    "The Royal College of Psychiatrists says otherwise.",
    "I went to Catholic School and hated it.",
    "Sunday School was the only time I felt safe.",
])
def test_schools_named_by_kind_and_bodies_are_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


def test_a_college_named_by_its_city_keeps_the_college_but_not_the_city(fake_nlp):
    assert found("I did a course at Leeds College of Building inside.", fake_nlp) == [
        ("place", "Leeds")]


@pytest.mark.parametrize("text, hostel", [
    ("My key worker at St Anne's Court got me the forms.", "St Anne's Court"),
    ("The council put me up at Beacon House for six weeks.", "Beacon House"),
    ("Shay overdosed in the room next to mine at Gifford House.", "Gifford House"),
])
def test_saints_houses_and_put_me_up_are_hostels(text, hostel, fake_nlp):
    assert ("hostel", hostel) in found(text, fake_nlp)


@pytest.mark.parametrize("text, prisons", [
    ("I was at HMP Highpoint then Whatton, then back to Nottingham.",
     ["HMP Highpoint", "Whatton", "Nottingham"]),
    ("I did a stretch in lewes and another in Ford.", ["lewes", "Ford"]),
])
def test_prisons_joined_by_a_few_words(text, prisons, fake_nlp):
    assert found(text, fake_nlp) == [("prison", p) for p in prisons]


@pytest.mark.parametrize("text", [
    "I was in Manchester for two years before all this happened.",
    "Released from HMP Leeds and back to Manchester with a discharge grant.",
])
def test_cities_after_a_stretch_or_a_release_are_places_not_prisons(text, fake_nlp):
    assert [s for s in found(text, fake_nlp) if s[1] == "Manchester"] == [
        ("place", "Manchester")]


@pytest.mark.parametrize("text, name", [
    ("Me and Tanner were padmates, he's out now too.", "Tanner"),
    ("Bailey's mum let me stay in the box room.", "Bailey"),
    ("They called him Smiler, he ran the landings.", "Smiler"),
])
def test_people_shown_by_who_they_are_with_or_called(text, name, fake_nlp):
    assert ("name", name) in found(text, fake_nlp)


def test_a_town_said_as_owning_something_is_left_alone(fake_nlp):
    assert found("England's number one problem is housing.", fake_nlp) == []


@pytest.mark.parametrize("text, label, value", [
    ("Add me on snapchat, it's kayleigh_x93.", "name", "kayleigh_x93"),
    ("My case number with the council is HPN/44817.", "ID number", "HPN/44817"),
])
def test_handles_and_case_numbers_said_loosely(text, label, value, fake_nlp):
    assert found(text, fake_nlp) == [(label, value)]


@pytest.mark.parametrize("text, plate", [
    ("My old car was P789 XYZ, a Fiesta.", "P789 XYZ"),
    ("The van was reg ABC 123D, they towed it.", "ABC 123D"),
])
def test_older_number_plates_near_a_vehicle(text, plate, fake_nlp):
    assert found(text, fake_nlp) == [("ID number", plate)]


def test_road_and_cell_codes_are_left_alone(fake_nlp):
    assert found("We drove down the M62, then my car broke down on the A1.", fake_nlp) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Tribunal said I was fit for work, which was a joke.", []),
    ("Jobcentre Plus said I had to apply for thirty jobs a week.", []),
    ("My car was a blue Astra, LD62 HKF, they crushed it.", [("ID number", "LD62 HKF")]),
    ("Look, Errol Campbell is a good man.", [("name", "Errol Campbell")]),
])
def test_real_model_bodies_products_and_openers_are_left_alone(text, expected, real_nlp):
    assert found(text, real_nlp) == expected


@pytest.mark.slow
def test_real_model_fresh_quotes_leak_little_and_over_redact_little(real_nlp):
    """Round five's fresh lines: before this round 22 of 143 items leaked and 6 spans covered
    no personal data; the bound leaves room for one more of each, not a regression."""
    leaks = over = 0
    for line in FRESH.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        spans = find_personal_data(rec["text"], nlp=real_nlp)
        leaks += sum(not any(g["start"] < s.end and s.start < g["end"] for s in spans)
                     for g in rec["spans"])
        over += sum(not any(g["start"] < s.end and s.start < g["end"] for g in rec["spans"])
                    for s in spans)
    assert (leaks, over) <= (2, 2)


@pytest.mark.slow
def test_real_model_a_word_the_model_calls_a_body_is_someone_with_a_relative(real_nlp):
    assert found("Bailey's mum let me stay in the box room.", real_nlp) == [("name", "Bailey")]
