"""Round twenty: words that name nobody and were redacted, which damaged quotes: public
figures ("Keir Starmer", "Gazza"), shops ("Greggs let me", "at mcdonald's"), a Scots "ken"
closing a clause ("it's hard, ken"), drug slang ("gabbies") and a radio station read as a
hostel ("Radio 1").

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, word", [
    ("Keir Starmer wouldn't last a day where I live", "Keir Starmer"),
    ("I reckon Keir Starmer should come and see this place", "Keir Starmer"),
    ("Paul Gascoigne said it best, addiction doesn't care who you are", "Paul Gascoigne"),
    ("Marcus Rashford did more for kids than the government", "Marcus Rashford"),
])
def test_public_figures_are_kept(text, word, real_nlp):
    assert not [t for _, t in found(text, real_nlp) if t in word]


@pytest.mark.parametrize("text, name", [
    ("my mate Keir came round with a bag of shopping", "Keir"),
    ("Keir said he would pick me up from the gate", "Keir"),
    ("my mate Gazza lent me a tenner", "Gazza"),
    ("me and gazza went halves on a caravan", "gazza"),
    ("Gazza was my cellmate for two year", "Gazza"),
    ("I was with Gazza at the time", "Gazza"),
    ("Gazza said he would sort me a bed", "Gazza"),
    ("me and Keir Starmer went halves on a tent", "Keir Starmer"),
    # A brand named like a person still needs no more than a verb to be someone.
    ("John Lewis said he would help me", "John Lewis"),
])
def test_real_people_with_those_names_are_still_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Greggs let me use their toilet, small things like that",
    "Greggs gave me a coffee when it was freezing",
    "we met at mcdonald's on the high street",
    "i used to sit in mcdonald's all night to keep warm",
])
def test_shops_are_kept(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("theres a lad we call Greggs cos hes always eating", "Greggs"),
    ("me and Greggs went halves on a tent", "Greggs"),
    ("Mr McDonald's van was parked outside", "Mr McDonald"),
])
def test_people_named_like_shops_are_still_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "it's hard, ken.",
    "It's hard, ken, but you keep going.",
    "a wee bit of kindness goes a long way ken",
    "skint again, ken",
])
def test_scots_ken_closing_a_clause_is_no_name(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text", [
    "me and ken went to the shop",
    "I told ken.",
    "I was sharing a room with ken",
    "ken was my cellmate for two year",
    "my pal ken, he got me sorted",
    "I miss ken.",
    "thanks ken",
    "I told the officer ken",
])
def test_ken_as_someone_is_still_a_name(text, real_nlp):
    assert ("name", "ken") in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "gabbies got me through the winter",
    "the gabbies were the only thing that worked",
])
def test_gabapentin_slang_is_no_name(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text", [
    "i listen to Radio 1 all day in my room",
    "The staff let us listen to Radio 4 after curfew.",
    "Listening to Channel 4 got me through my first night at the hostel.",
])
def test_radio_and_tv_stations_are_no_hostel(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, place", [
    ("i was in Marigold for six months, the hostel was rough", "Marigold"),
])
def test_a_hostel_is_still_a_hostel(text, place, real_nlp):
    assert ("hostel", place) in found(text, real_nlp)
