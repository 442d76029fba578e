"""Round thirty-five (c): countries said by part of their name, generic wards and units, and
town-named prisons straight after a prison's part.

A country is no one's personal data on its own, however it is said ("Bosnia", "Trinidad",
"St. Lucia", "Yugoslavia"); the town beside it still is. "the mental health unit" in lower
case names a kind of service, no place. "same landin' in Lincoln" names the prison by its
town. Every line here is invented.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from analysis.core.redact import find_personal_data

from .test_redact import found


def _covered(text, part, nlp):
    start = text.index(part)
    end = start + len(part)
    return [s for s in find_personal_data(text, nlp=nlp) if s.start < end and start < s.end]


@pytest.mark.parametrize("text, country", [
    ("grew up in Zenica, in Bosnia, and came over in ninety four", "Bosnia"),
    ("my dad is from a village in Herzegovina", "Herzegovina"),
    ("they deported him back to Trinidad last spring", "Trinidad"),
    ("my nan's from St. Lucia originally", "St. Lucia"),
    ("my auntie still lives in Saint Lucia", "Saint Lucia"),
    ("she was born in Yugoslavia before it split", "Yugoslavia"),
    ("my cousin moved out to Korea to teach", "Korea"),
    # Where a relative lives: kept as every other detector keeps a country or nation.
    ("my brother lives in Jamaica with his kids", "Jamaica"),
    ("my mum lives in Wales now", "Wales"),
])
def test_a_country_said_by_part_of_its_name_is_kept(text, country, real_nlp):
    assert not _covered(text, country, real_nlp)


def test_the_town_beside_a_country_is_still_redacted(real_nlp):
    assert ("place", "Zenica") in found(
        "grew up in Zenica, in Bosnia, and came over in ninety four", real_nlp)


def test_the_town_a_relative_lives_in_is_still_redacted(real_nlp):
    assert ("place", "Wigan") in found("my brother lives in Wigan with his kids", real_nlp)


@pytest.mark.parametrize("text, words", [
    ("i was in the mental health unit for about a month", "mental health"),
    ("six weeks in the eating disorder unit nearly killed me", "eating disorder"),
])
def test_a_generic_unit_in_lower_case_is_no_place(text, words, real_nlp):
    assert not _covered(text, words, real_nlp)


def test_a_named_unit_is_still_a_hospital(real_nlp):
    assert ("hospital", "Foxglove Unit") in found(
        "i was in the Foxglove Unit for about a month", real_nlp)


@pytest.mark.parametrize("text, town", [
    ("he was on the same landin' in Lincoln as our kid", "Lincoln"),
    ("spent a fortnight down the seg in Hull for nothing", "Hull"),
    ("they put me on the block at Durham after the fight", "Durham"),
])
def test_a_prison_town_after_a_prison_part_is_the_prison(text, town, real_nlp):
    assert ("prison", town) in found(text, real_nlp)


def test_a_town_after_an_ordinary_word_is_still_a_place(real_nlp):
    assert ("place", "Lincoln") in found("my sister has a flat in Lincoln now", real_nlp)
