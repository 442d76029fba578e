"""Round sixteen: identifiers spelt out letter by letter after what they are, initials people
go by, hostels said by what a hostel gives (a bed, a room number, a curfew), shop names said
to be what someone is called, dealers, a first name before its role, and drug slang listed
with other drugs.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, label, expected", [
    ("national insurance is Q Q one two three four five six D", "NI number",
     "Q Q one two three four five six D"),
    ("ni number, Q Q twelve thirty four fifty six B", "NI number",
     "Q Q twelve thirty four fifty six B"),
    ("postcode is L thirty two, nine X Y", "postcode", "L thirty two, nine X Y"),
    ("the reg was bravo delta six two, x-ray tango romeo", "ID number",
     "bravo delta six two, x-ray tango romeo"),
    ("date of birth, three nine eighty seven", "date of birth", "three nine eighty seven"),
    ("my number on the wing was K two two one nine", "ID number", "K two two one nine"),
])
def test_identifiers_spelt_out_after_what_they_are(text, label, expected, real_nlp):
    assert (label, expected) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "the postcode is a nightmare round here, nobody finds the flat",
    "national insurance is a tax, i know that much",
    "date of birth? no idea, i was in care",
    "my number was up, i knew it, two weeks later they came",
])
def test_words_after_an_identifier_cue_are_still_kept(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, initials", [
    ("RJ said he'd pick me up from the gate", "RJ"),
    ("me and KB got a flat together in the end", "KB"),
    ("LJ's nan put me up for a fortnight", "LJ"),
    ("DW off the landing sent me a letter every week", "DW"),
    ("my mate TC got me the job", "TC"),
    ("MK and Lozza were in the next cell", "MK"),
    ("phone AK, she's the keyworker", "AK"),
])
def test_initials_someone_goes_by_are_names(text, initials, real_nlp):
    assert ("name", initials) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "my PO said I was doing well and the GP agreed",
    "I go to NA on mondays and AA on fridays",
    "UC got stopped for five weeks",
    "the DJ played all night, we were off our heads",
])
def test_abbreviations_are_still_not_names(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text, hostel", [
    ("they found me a bed at Lantern in the end", "Lantern"),
    ("i'm in Acorn now, room 12, it's quiet", "Acorn"),
    ("you had to be back at Beacon by eleven or you were locked out", "Beacon"),
])
def test_hostels_said_by_what_a_hostel_gives(text, hostel, real_nlp):
    assert ("hostel", hostel) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "got a bed at last after three weeks on the street",
    "I was locked out at Christmas",
])
def test_beds_and_curfews_still_name_nothing(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("we call him Argos cos he can get you anything", "Argos"),
    ("Poundland they called her, never paid more than a quid for owt", "Poundland"),
])
def test_shop_names_said_to_be_what_someone_is_called(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Argos wouldn't take me on because of my record",
    "I was in Poundland when they called me",
])
def test_shops_still_are_shops(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text, name", [
    ("my dealer Biscuit got lifted last week", "Biscuit"),
    ("Tiny sells the brown round here, everybody knows", "Tiny"),
    ("Frank the chaplain sat with me the night before court", "Frank"),
    ("Bill the screw was alright with me", "Bill"),
])
def test_dealers_and_a_first_name_before_its_role(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Will the judge let me out on bail, do you think",
    "Nobody sells the white round here now",
])
def test_modals_and_drugs_opening_a_sentence_are_still_not_names(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text", [
    "a bit of billy and some molly at the weekend",
    "half a henry and a few cans, that was friday",
    "charlie, ket, mandy, whatever was going",
    "it was spice in there, then tina when i got out",
])
def test_drug_slang_listed_with_drugs_is_the_drug(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text, name", [
    ("me and charlie were on the ket all weekend", "charlie"),
    ("Mandy said the spice was bad that week", "Mandy"),
])
def test_drug_slang_that_is_someone_is_still_a_name(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


def test_an_estate_said_from_the_is_a_place(real_nlp):
    assert ("place", "Penrhys") in found("i'm from the Penrhys, my mam still lives up there",
                                         real_nlp)


@pytest.mark.parametrize("text", [
    "HMP whatever, they're all the same inside",
    "HMP wherever, you do your bird and get out",
])
def test_hmp_said_of_any_prison_is_kept(text, real_nlp):
    assert found(text, real_nlp) == []


def test_a_house_said_in_talk_of_wings_is_still_hidden(real_nlp):
    spans = found("Shaz off the landing, she had my back in Birch House", real_nlp)
    assert any(t == "Birch House" for _, t in spans)


def test_a_crime_number_with_the_force_letters_before_it(real_nlp):
    assert ("ID number", "WY 0448213/22") in found(
        "crime number WY 0448213/22, nothing came of it", real_nlp)


@pytest.mark.parametrize("text, hostel", [
    ("Harbour chucked me out for drinking on site", "Harbour"),
    ("i was on the streets, then Lantern took me in", "Lantern"),
])
def test_one_word_that_houses_or_evicts_someone_is_a_hostel(text, hostel, real_nlp):
    assert ("hostel", hostel) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Mum kicked me out when I was sixteen",
    "Life kicked me out of every door going",
])
def test_who_evicts_someone_is_still_not_a_hostel(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "hostel"] == []


@pytest.mark.parametrize("text", [
    "shelter and the simon community helped more than anyone",
    "the Simon Community found me a bed",
])
def test_a_first_name_in_an_organisations_name_is_not_a_person(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


def test_a_first_name_before_trust_me_is_still_a_name(real_nlp):
    assert ("name", "Dave") in found("me and Dave trust each other now", real_nlp)


def test_a_stop_in_a_run_of_stays_takes_the_sentences_kind(real_nlp):
    assert ("hostel", "Waymark") in found(
        "i was sofa surfing then Waymark then back on the streets", real_nlp)


@pytest.mark.parametrize("text", [
    "it was christmas then new year then back to probation",
    "me then Dave then Kev, we all got out the same week",
])
def test_times_and_people_in_a_run_are_still_no_hostel(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "hostel"] == []


def test_initials_the_model_glues_to_a_verb_lose_the_verb(real_nlp):
    spans = found("rang CJ for a lift, he come an got me from the gate", real_nlp)
    assert ("name", "CJ") in spans
    assert not any("rang" in t for _, t in spans)


def test_an_abbreviation_the_model_calls_a_person_is_still_not_a_name(real_nlp):
    assert found("Crisis helped me with my CV and a suit for the interview.", real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("i was drinking with Bones and Jonno in the park", "Bones"),
    ("we used with Spider, Kelly and Dean most nights", "Spider"),
])
def test_a_nickname_listed_before_a_first_name_is_a_name(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "I was in Leeds and Dean was in Hull",
    "I went to Crisis and Dean came with me",
])
def test_places_and_services_before_a_first_name_are_still_not_names(text, real_nlp):
    spans = found(text, real_nlp)
    assert ("name", "Leeds") not in spans and ("name", "Crisis") not in spans


@pytest.mark.parametrize("text", [
    "the party scene, tina, g, all of it, nearly finished me",
    "typical leo me, always showing off",
    "i'm a leo so i need the attention lol",
])
def test_drug_and_star_sign_words_are_not_names(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


def test_a_leo_who_does_things_is_still_a_name(real_nlp):
    assert ("name", "Leo") in found("Leo rang me from the hostel last night", real_nlp)


def test_buckie_drunk_is_the_drink(real_nlp):
    assert found("me n shaz got smashed on buckie every night", real_nlp) == [("name", "shaz")]


def test_a_room_said_again_tells_a_hostel(real_nlp):
    assert ("hostel", "Lantern") in found("i'm back at Lantern, same room as last time", real_nlp)


@pytest.mark.parametrize("text, expected", [
    ("born on the first of april ninety", "first of april ninety"),
    ("i was born on the tenth, november, eighty five", "tenth, november, eighty five"),
])
def test_dates_of_birth_said_with_a_bare_decade_or_commas(text, expected, real_nlp):
    assert ("date of birth", expected) in found(text, real_nlp)


def test_a_shop_typed_in_lower_case_is_the_shop(real_nlp):
    assert found("greggs wouldnt take me on, costa neither, all cos of my record",
                 real_nlp) == []


def test_a_lower_case_shop_name_beside_someone_is_still_a_name(real_nlp):
    assert ("name", "greggs") in found("me and greggs went halves on a bag", real_nlp)


def test_hydebank_said_short_is_the_prison(real_nlp):
    assert ("prison", "Hydebank") in found("he's in Hydebank now, only 19", real_nlp)


@pytest.mark.parametrize("text, hostel", [
    ("i was at st annes for a month then back on the street", "st annes"),
    ("stayed at st judes, curfew at ten every night", "st judes"),
])
def test_a_saints_home_typed_in_lower_case(text, hostel, real_nlp):
    assert ("hostel", hostel) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "st patricks day is always a bad one for me",
    "we lived on albion st for years",
])
def test_saints_days_and_streets_in_lower_case_are_still_no_hostel(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "hostel"] == []
