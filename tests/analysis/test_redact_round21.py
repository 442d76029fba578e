"""Round twenty-one (bench fixture dev20): nicknames that are ordinary words said in lower
case with no cue word ("smudge had me back", "me and spud", "ask scouse, he'll tell you"),
and hostels named by a plain word after "the" with no word of kind ("six weeks at the
Harbour", "the Oaks is full of", "got out and went straight to the Oaks").

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, name", [
    ("smudge had me back when nobody else did", "smudge"),
    ("me and spud slept in the multi storey for a month", "spud"),
    ("me and biscuit used to kip behind the big tesco", "biscuit"),
    ("chalky sorted me a bed the night i got out", "chalky"),
    ("gonzo got out a week before me and he was dead within the month", "gonzo"),
    ("moose was the first face i saw on the wing", "moose"),
    ("bubbles from the day centre still rings me on a sunday", "bubbles"),
    ("ask scouse, he'll tell you the hostel was worse than jail", "scouse"),
    ("got a lend of a tenner off dodger and never paid him back", "dodger"),
    ("a fella everyone called smudge got me onto the gear", "smudge"),
    ("it was titch who told me about the food bank", "titch"),
])
def test_lower_case_word_nicknames_are_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


def test_a_pair_of_word_nicknames_are_both_names(real_nlp):
    spans = found("pickles and fudge are still on the gear, breaks my heart", real_nlp)
    assert ("name", "pickles") in spans and ("name", "fudge") in spans


@pytest.mark.parametrize("text", [
    "me and drink never got on",
    "prison sorted me out in the end",
    "nobody had my back",
    "everyone was on the gear",
    "me and mum were close",
    "housing rang me on monday",
    "god had my back that night",
    "methadone sorted me out",
    "me and heroin were together ten years",
    "nurses from the unit rang me",
    "drink and drugs were the only ones i trusted",
    "leeds got battered again, i swear being a leeds fan is worse than being in jail",
])
def test_ideas_drugs_and_services_still_name_nobody(text, real_nlp):
    assert not [t for label, t in found(text, real_nlp) if label == "name"]


@pytest.mark.parametrize("text, home", [
    ("six weeks at the Harbour and nobody once asked how i was", "Harbour"),
    ("three year at the Anchorage and i never once felt safe", "Anchorage"),
    ("i got out of Styal and went straight to the Oaks", "Oaks"),
    ("the Cedars is wet, you can drink in your room", "Cedars"),
])
def test_homes_named_by_a_plain_word_are_hostels(text, home, real_nlp):
    assert ("hostel", home) in found(text, real_nlp)


def test_one_place_said_as_a_plural_is_redacted(real_nlp):
    assert "Oaks" in [t for _, t in found("the Oaks is full of people coming off the gear",
                                          real_nlp)]


@pytest.mark.parametrize("text, place", [
    ("the Gurnos is rough but its my home, i know everyone", "Gurnos"),
    ("wee shug from Possil was the only one who visited", "Possil"),
    ("wee jinty fae Ruchill looked efter me when ah came oot", "Ruchill"),
    ("i'm off the Manor in Sheffield, proper rough back then", "Manor"),
    ("she's fae the Gorbals, same as me", "Gorbals"),
])
def test_estates_and_districts_someone_is_from_are_places(text, place, real_nlp):
    assert ("place", place) in found(text, real_nlp)


def test_coming_off_a_drug_is_still_no_place(real_nlp):
    assert found("i'm off the Methadone now", real_nlp) == []


@pytest.mark.parametrize("text", [
    "six months at the Co-op stacking shelves",
    "the Simpsons was on every night",
    "the Samaritans is the only number i know",
])
def test_shops_telly_and_charities_are_still_no_home(text, real_nlp):
    assert not [t for label, t in found(text, real_nlp) if label == "hostel"]


def test_a_name_word_said_as_what_someone_calls_a_thing_is_the_word(real_nlp):
    text = "Grace is what my counsellor calls it, giving yourself a bit of grace"
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("Grace is what my mum called me", "Grace"),
    ("Hope is what they called me", "Hope"),
])
def test_what_someone_is_called_is_still_their_name(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Rocky was my film inside, watched it forty times",
    "Rocky was my favourite song growing up",
    "prison isn't like Hollywood, nobody escapes through the vents",
    "we watched Hollywood films on the wing",
])
def test_titles_and_places_compared_with_are_kept(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, expected", [
    ("Rocky was my cellmate", ("name", "Rocky")),
    ("my mate Rocky was my best mate", ("name", "Rocky")),
    ("it's not like Swindon where I grew up", ("place", "Swindon")),
    ("it was nothing like Dave said", ("name", "Dave")),
])
def test_people_and_home_towns_are_still_redacted(text, expected, real_nlp):
    assert expected in found(text, real_nlp)
