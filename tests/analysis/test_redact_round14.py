"""Round fourteen: UK identifiers as people say and write them (NHS numbers with a valid check
digit, PNC and CRO numbers, probation case references, licence, passport, benefit, tenancy
and bank numbers after a cue, prison numbers in lower case with spaces), and prisons by
their closed, Scottish and Northern Irish names and nicknames.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("the GP wanted 450 557 7104 before she'd see me", "450 557 7104"),
    ("it's 4505577104 on the letter", "4505577104"),
    ("PNC says 09/112233B against my name", "09/112233B"),
    ("they had me down as 04/55667z", "04/55667z"),
    ("my CRO is 054321/01M", "054321/01M"),
    ("my CRN is k765432 so write that down", "k765432"),
    ("the officer wrote P908172 on my file", "P908172"),
    ("prison number a 5521 fd", "a 5521 fd"),
    ("licence is SMITH801234JD9AB and it's provisional", "SMITH801234JD9AB"),
    ("my licence number is BROWN 602119 AB9CD", "BROWN 602119 AB9CD"),
    ("my passport no is 4412 98765", "4412 98765"),
    ("universal credit reference 5512 7781", "5512 7781"),
    ("my tenancy ref is TR 55 1234", "TR 55 1234"),
    ("account number 12345678 at the credit union", "12345678"),
    ("sort code 30-94-57 for the grant", "30-94-57"),
    ("my DWP reference is 77 55 1234", "77 55 1234"),
    ("on the old system I was AB1234", "AB1234"),
])
def test_uk_identifiers_are_id_numbers(text, expected, fake_nlp):
    assert ("ID number", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "I was released in 2019 after four years",
    "I owe 1250 pound and the bailiffs came",
    "section 136 and then the suite at the hospital",
    "the bus was at 10:30 and I missed it",
    "I got 24/7 support at the hostel",
    "the score was 3-1 and the wing went mad",
    "I did 150 hours unpaid work",
    "they paid me 4505577105 in monopoly money",
    "my account got frozen when I went inside",
    "the 12/18 month thing on my licence",
    "a 1000 in arrears",
])
def test_counts_years_and_money_are_still_no_id_numbers(text, fake_nlp):
    assert [f for f in found(text, fake_nlp) if f[0] == "ID number"] == []


@pytest.mark.parametrize("text, expected", [
    ("I did two years in the Bar-L", "Bar-L"),
    ("Hellmarsh is what everyone calls it", "Hellmarsh"),
    ("they sent me to Monster Mansion", "Monster Mansion"),
    ("I did a year in Horfield", "Horfield"),
    ("Blundeston was my first cat B", "Blundeston"),
    ("got moved to Shotts after my appeal", "Shotts"),
    ("I was in Peterhead for six years", "Peterhead"),
    ("I did a stretch in Haslar", "Haslar"),
    ("my uncle was in Long Kesh", "Long Kesh"),
    ("I was sent to Medomsley at sixteen", "Medomsley"),
    ("three years in wormwood scrubs", "wormwood scrubs"),
    ("I did eighteen months in Gloucester", "Gloucester"),
    ("Castington for the young offenders bit", "Castington"),
])
def test_closed_scottish_and_nicknamed_prisons(text, expected, real_nlp):
    assert ("prison", expected) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "Castington for the YOI bit",
    "the YOI part was worse than the adult jail",
])
def test_yoi_as_a_word_is_no_prison(text, real_nlp):
    assert ("prison", "YOI bit") not in found(text, real_nlp)
    assert ("prison", "YOI part") not in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "we went to Canterbury on a school trip",
    "Stirling Castle is lovely in the summer",
    "Gloucester won on Saturday",
    "I grew up in Wandsworth and my mum still lives there",
])
def test_towns_named_like_prisons_are_still_no_prisons(text, real_nlp):
    assert [f for f in found(text, real_nlp) if f[0] == "prison"] == []


@pytest.mark.parametrize("text, expected", [
    ("on remand in Barlinnie then moved to Shotts", "Shotts"),
    ("did my first year in Pentonville then got sent to Lewes", "Lewes"),
])
def test_a_prison_town_moved_to_from_a_prison_is_one(text, expected, real_nlp):
    assert ("prison", expected) in found(text, real_nlp)


def test_released_from_a_prison_then_moved_to_a_town_is_still_a_home(real_nlp):
    text = "released from Pentonville then moved to Leeds"
    assert ("prison", "Leeds") not in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "my PIP was 2021 2022 when it got stopped",
    "benefits 2020 2021 were a nightmare",
    "licence 12 12 2025 is when it ends",
])
def test_years_and_dates_after_a_cue_are_no_id_numbers(text, fake_nlp):
    assert [f for f in found(text, fake_nlp) if f[0] == "ID number"] == []


def test_a_phone_number_after_a_cue_is_still_a_phone(fake_nlp):
    spans = found("universal credit 0800 328 5644 is the helpline", fake_nlp)
    assert ("ID number", "0800 328 5644") not in spans


@pytest.mark.parametrize("text, expected", [
    ("I did two years in Scrubs and never want to go back", "Scrubs"),
    ("my granda was in Crumlin Road for a year", "Crumlin Road"),
    ("my granda did four years in the Crum", "Crum"),
])
def test_prisons_said_without_the_or_by_their_old_names(text, expected, real_nlp):
    assert any(label == "prison" and expected in said for label, said in found(text, real_nlp))


def test_a_road_named_like_a_prison_is_still_a_road(real_nlp):
    spans = found("we lived off the Crumlin Road when I was a kid", real_nlp)
    assert [s for s in spans if s[0] == "prison"] == []


@pytest.mark.parametrize("text, expected", [
    ("my UC reference is seven seven one two three three four four",
     "seven seven one two three three four four"),
    ("account number three one nine two six eight one nine",
     "three one nine two six eight one nine"),
    ("the visa letter said GWF012345678 at the top", "GWF012345678"),
    ("my Crown Court case was T20197012", "T20197012"),
])
def test_more_identifiers_said_or_typed(text, expected, fake_nlp):
    assert ("ID number", expected) in found(text, fake_nlp)


def test_counting_after_a_cue_is_still_no_id_number(fake_nlp):
    spans = found("my benefits went one two three four five weeks late", fake_nlp)
    assert [s for s in spans if s[0] == "ID number"] == []
