"""Round twenty-three (classes from bench fixture dev21's misses, tested on new lines):
identifiers in shapes the patterns missed (plates from before 2001 and from Northern Ireland,
handles with dots or capitals inside after the app, a birthday said as a festival with its
year).

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, plate", [
    ("sold him the astra, K71 TRD, for two hundred quid", "K71 TRD"),
    ("stopped in a fiesta, M9 HJB, no insurance", "M9 HJB"),
    ("the reg on the transit is KCZ 4410", "KCZ 4410"),
    ("they pulled me over in AIG 902, my brother's car", "AIG 902"),
])
def test_old_and_northern_irish_plates_are_ids(text, plate, real_nlp):
    assert ("ID number", plate) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "rang NHS 111 and waited four hours",
    "the A1 north was shut so we went round",
    "I got an A4 sheet of paper with the rules on",
    "room EZ 12 is where the group meets",
])
def test_codes_that_are_no_plate_still_kept(text, real_nlp):
    assert not [s for s in found(text, real_nlp) if s[0] == "ID number"]


@pytest.mark.parametrize("text, handle", [
    ("my insta's tash.recovery.x if you want to follow", "tash.recovery.x"),
    ("i post on youtube as SoberDaveTalks most weeks", "SoberDaveTalks"),
    ("on TikTok, I'm CleanKezza and i do lives", "CleanKezza"),
])
def test_handles_after_the_app_are_names(text, handle, real_nlp):
    assert ("name", handle) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "i watch a lot on youtube as well",
    "on facebook it's all arguments",
])
def test_app_talk_with_no_handle_still_kept(text, real_nlp):
    assert not [s for s in found(text, real_nlp) if s[0] == "name"]


@pytest.mark.parametrize("text, day", [
    ("i was born boxing day 1979 in a snowstorm", "boxing day 1979"),
    ("born hogmanay 1991, so i never get a party", "hogmanay 1991"),
    ("my birthday is new year's eve, 1988", "new year's eve, 1988"),
])
def test_a_birthday_said_as_a_festival_with_its_year(text, day, real_nlp):
    assert ("date of birth", day) in found(text, real_nlp)


def test_a_festival_with_a_year_and_no_birthday_still_kept(real_nlp):
    assert not [s for s in found("christmas eve 2019 i was in a cell", real_nlp)
                if s[0] == "date of birth"]
