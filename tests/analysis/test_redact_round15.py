"""Round fifteen: children named after drinks, drinks said in a sentence about drinking,
towns no list holds said where someone lives, hospitals people name bare or by letters,
dates of birth given by the age someone turned, lower-case number plates, and hostels
someone has been through.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, names", [
    ("Stella and Carling my two kids, they keep me going", ["Stella", "Carling"]),
    ("Brandy and Jade, my daughters, live with their nan", ["Brandy", "Jade"]),
    ("Sherry my eldest rang me on my birthday", ["Sherry"]),
])
def test_children_named_like_drinks_are_names(text, names, real_nlp):
    spans = found(text, real_nlp)
    for name in names:
        assert ("name", name) in spans


@pytest.mark.parametrize("text", [
    "Brandy was my drink of choice back then",
    "Stella was my poison for years, then Buckfast",
    "Bacardi was my thing, then Smirnoff, then anything",
    "Strongbow every morning till I was sick, pissed by dinner",
])
def test_drinks_in_a_sentence_about_drinking_are_left_alone(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text", [
    "I missed Stella so much when I was inside",
    "Stella said she'd pick me up from the gate",
])
def test_a_drink_name_that_is_someone_is_still_a_name(text, real_nlp):
    assert ("name", "Stella") in found(text, real_nlp)


@pytest.mark.parametrize("text, place", [
    ("my sister's in Wythenshawe now with the kids", "Wythenshawe"),
    ("I grew up in Lochee and never left", "Lochee"),
    ("he lives near Tonypandy on the hill", "Tonypandy"),
])
def test_unlisted_towns_said_where_someone_is_are_places(text, place, real_nlp):
    assert any(label in ("place", "hostel") and t == place for label, t in found(text, real_nlp))


@pytest.mark.parametrize("text", [
    "I was in Spanish class when they came",
    "in Ramadan I stopped drinking",
    "I was in Tesco when it kicked off",
])
def test_words_shops_and_times_after_in_are_still_not_places(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "place"] == []


@pytest.mark.parametrize("text, hospital", [
    ("they took me to Southmead after the fall", "Southmead"),
    ("I was in Ninewells for a week", "Ninewells"),
    ("ended up in the LGI with my liver", "LGI"),
    ("the ambulance took me to Frenchay", "Frenchay"),
    ("they blue lighted him to Arrowe Park", "Arrowe Park"),
    ("they admitted me to Jimmy's for the withdrawals", "Jimmy's"),
])
def test_hospitals_said_bare_or_by_letters(text, hospital, real_nlp):
    assert any(label == "hospital" and hospital in t for label, t in found(text, real_nlp))


@pytest.mark.parametrize("text, expected", [
    ("I turned 30 on the 4th of may in a cell", "4th of may"),
    ("I'll be forty on 12 June, can't believe it", "12 June"),
    ("typical scorpio me, 2nd nov 88", "2nd nov 88"),
    ("I was born on christmas day so I get one lot of presents", "christmas day"),
])
def test_birthdays_said_by_age_sign_or_holiday(text, expected, real_nlp):
    assert ("date of birth", expected) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "I got out on the 4th of may and went straight to probation",
    "christmas day in the hostel was grim",
    "I turned my life around in June",
])
def test_other_dates_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "date of birth"] == []


def test_lower_case_number_plates_near_a_vehicle_word(real_nlp):
    assert ("ID number", "yk19 wfn") in found("the car was yk19 wfn, a silver astra", real_nlp)


@pytest.mark.parametrize("text, hostel", [
    ("I've been through Heron's Reach and two others", "Heron's Reach"),
    ("went through Brackenwood before I got my flat", "Brackenwood"),
])
def test_hostels_someone_has_been_through(text, hostel, real_nlp):
    assert any(label == "hostel" and hostel in t for label, t in found(text, real_nlp))


@pytest.mark.parametrize("text", [
    "I've been through Probation twice and it never helped",
    "went through Crisis for the grant",
])
def test_services_gone_through_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "hostel"] == []


def test_a_house_put_on_with_housing_said_is_a_hostel(real_nlp):
    text = "they put me on Juniper the first night, my own room and a curfew at ten"
    assert ("hostel", "Juniper") in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "the hostel doctor put me on Methadone and my room was next to the office",
    "they put me on Subutex at the hostel, curfew at ten",
    "they put me on Universal Credit when I got my room",
])
def test_medicines_and_benefits_put_on_are_still_no_hostels(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "hostel"] == []


@pytest.mark.parametrize("text, name", [
    ("Hope my youngest is the reason I'm clean", "Hope"),
    ("Grace, my daughter, never gave up on me", "Grace"),
])
def test_name_words_said_as_children_are_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, street", [
    ("the chippy on Westgate was where I'd sit", "Westgate"),
    ("I worked in the cafe on Micklegate for a bit", "Micklegate"),
    ("my first job was the bakers on Gallowgate", "Gallowgate"),
])
def test_gate_streets_and_streets_worked_on_are_places(text, street, real_nlp):
    assert ("place", street) in found(text, real_nlp)


@pytest.mark.parametrize("text, work", [
    ("I got a job at Brenner Fabrications through the probation course", "Brenner Fabrications"),
    ("now I volunteer at the Olive Branch Cafe two days a week", "Olive Branch Cafe"),
    ("he worked at Pennine Scaffolding before he went in", "Pennine Scaffolding"),
])
def test_named_workplaces_are_places(text, work, real_nlp):
    assert any(label == "place" and work in t for label, t in found(text, real_nlp))


@pytest.mark.parametrize("text", [
    "I got a job at Tesco stacking shelves",
    "worked at Greggs for a year",
    "I volunteer at the Jobcentre drop-in",
])
def test_chains_and_services_worked_at_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "place"] == []


@pytest.mark.parametrize("text, name", [
    ("everyone calls me Tinks round here", "Tinks"),
    ("the lads call him Biscuit", "Biscuit"),
])
def test_what_someone_is_called_is_a_name(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


def test_a_name_said_again_in_lower_case_is_still_a_name(real_nlp):
    text = "my girls Amber and Sherry, sherry's the oldest"
    assert ("name", "sherry") in found(text, real_nlp)


@pytest.mark.parametrize("text, prison", [
    ("in n out of holme house since i was 17", "holme house"),
    ("did a year in forest bank, worst jail going", "forest bank"),
])
def test_lower_case_two_word_prisons(text, prison, real_nlp):
    assert ("prison", prison) in found(text, real_nlp)


@pytest.mark.parametrize("text, handle", [
    ("snap me big.dazza_1 if you want to talk", "big.dazza_1"),
    ("snapchat me kel.x.99", "kel.x.99"),
])
def test_handles_after_snap_me(text, handle, real_nlp):
    assert ("name", handle) in found(text, real_nlp)


@pytest.mark.parametrize("text, town", [
    ("send it to 4 Ash Grove, Ormskirk, L39 4QT please", "Ormskirk"),
    ("flat 2, 9 Mill Lane, Bishop Auckland DL14 7AB", "Bishop Auckland"),
])
def test_the_town_before_a_postcode_is_a_place(text, town, real_nlp):
    assert ("place", town) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "just a bit of mandy at the weekends, nothing heavy",
    "some tina and a bit of g at the parties",
])
def test_drugs_said_in_amounts_are_still_not_names(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text, town", [
    ("my nan lived in Treorchy all her life", "Treorchy"),
    ("when i was living in Paisley i drank every day", "Paisley"),
])
def test_towns_lived_in_are_places_not_hostels(text, town, real_nlp):
    assert ("place", town) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "I got a job with Shelter on the helpline",
    "my job now is mostly on the phones",
])
def test_lower_case_words_worked_on_are_still_not_streets(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "place"] == []


@pytest.mark.parametrize("text", [
    "I'll be 2 years clean on the 5th of June",
    "I'll be 3 months sober on 12 March",
    "things turned 180 on the 4th of July when I got clean",
])
def test_time_clean_and_turns_are_still_no_birthdays(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "date of birth"] == []


def test_towns_before_my_kids_are_still_not_names(real_nlp):
    spans = found("Leeds and Bradford my kids grew up in", real_nlp)
    assert [s for s in spans if s[0] == "name"] == []
