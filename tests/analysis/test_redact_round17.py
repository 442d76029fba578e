"""Round seventeen: postcodes spelt in lower case after the word postcode, Scottish prison
halls and visits rooms, workplaces named after a job ("a chef at the ..."), firms of
solicitors, and words that are not people ("the Old Bill", a subject studied).

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("postcode is b one two, nine x y if you need it", "b one two, nine x y"),
    ("my postcode's c f two three four t y for the letter", "c f two three four t y"),
    ("postcode, l thirty two nine a b", "l thirty two nine a b"),
])
def test_postcodes_spelt_in_lower_case_after_the_word_postcode(text, expected, real_nlp):
    assert ("postcode", expected) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "postcode is a b c, no idea what it means",
    "my postcode is m eight, everyone knows it round here",
    "the postcode is a one off, they changed it last year",
])
def test_lower_case_letters_after_postcode_that_spell_no_full_postcode_are_still_kept(
        text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "postcode"] == []


@pytest.mark.parametrize("text, prison", [
    ("Shotts, hall 4, worst two years of my life", "Shotts"),
    ("i was in Perth, c hall, for the whole of my sentence", "Perth"),
    ("visits room in Greenock is a joke, kids cant even get a drink", "Greenock"),
    ("the visiting room at Addiewell is freezing", "Addiewell"),
])
def test_a_prison_town_said_with_a_hall_or_a_visits_room_is_the_prison(text, prison, real_nlp):
    assert ("prison", prison) in found(text, real_nlp)


@pytest.mark.parametrize("text, place", [
    ("we had the party in the church hall in Greenock", "Greenock"),
    ("Perth town hall is where they do the weddings", "Perth"),
])
def test_a_town_with_a_hall_that_is_no_prison_hall_is_still_a_place(text, place, real_nlp):
    assert ("prison", place) not in found(text, real_nlp)


def test_a_town_before_a_hall_said_with_an_article_is_still_no_prison(real_nlp):
    assert ("prison", "Greenock") not in found("Greenock, a hall for the party, cheap", real_nlp)


@pytest.mark.parametrize("text, place", [
    ("cleaner at Westgate Leisure Centre, four hours a day, its something",
     "Westgate Leisure Centre"),
    ("i was a chef at the Red Lion before the drink took over", "Red Lion"),
    ("did a bit of labouring at Ferris Brothers till my back went", "Ferris Brothers"),
    ("im a kitchen porter at the Crown Hotel on weekends", "Crown Hotel"),
])
def test_a_place_someone_does_a_job_at_is_a_workplace(text, place, real_nlp):
    assert ("place", place) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "i was a cleaner at Tesco for two year",
    "a chef at the Jobcentre? dont make me laugh",
    "the cleaner at Probation was nicer than the officers",
])
def test_a_job_at_a_chain_or_a_service_is_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "place"] == []


@pytest.mark.parametrize("text, firm", [
    ("ring Gallagher Doyle solicitors, they still do legal aid", "Gallagher Doyle"),
    ("the duty solicitor from Brannigan & Co told me to go no comment", "Brannigan"),
    ("my brief was from Okafor and Co, never met the same one twice", "Okafor"),
    ("Hartley Price Solicitors got my licence conditions changed", "Hartley Price"),
])
def test_a_firm_named_after_people_is_hidden(text, firm, real_nlp):
    assert any(firm in s[1] for s in found(text, real_nlp))


@pytest.mark.parametrize("text", [
    "the duty solicitors are useless, they dont even read the file",
    "Citizens Advice found me a solicitor who did legal aid",
])
def test_solicitors_with_no_firm_named_are_still_kept(text, real_nlp):
    assert found(text, real_nlp) == []


def test_a_firm_named_for_what_it_does_is_still_kept(real_nlp):
    assert found("Criminal Defence Solicitors were the only ones with legal aid left",
                 real_nlp) == []


@pytest.mark.parametrize("text", [
    "i done a level 2 in Maths and English on B wing",
    "got my GCSE in Art while i was on remand, best thing i did inside",
    "they put me on a course in Catering on the wing, it was alright",
])
def test_a_subject_studied_is_no_prison(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text", [
    "the Old Bill raided the wrong flat and never said sorry",
    "the old bill were round again, third time this week",
])
def test_the_old_bill_is_the_police(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, pet", [
    ("only thing kept me going was my dog Tyson, the hostel wouldnt take him", "Tyson"),
    ("my staffie Bruno died while i was inside and nobody told me", "Bruno"),
    ("had to leave the cat Smudge with a neighbour when they evicted me", "Smudge"),
])
def test_a_pet_named_is_a_name(text, pet, real_nlp):
    assert ("name", pet) in found(text, real_nlp)


@pytest.mark.parametrize("text, person", [
    ("a fella called Chef made the best curry on the wing", "Chef"),
    ("my mate Haven got me a bed at the hostel", "Haven"),
])
def test_a_word_after_who_someone_is_is_the_person_not_the_place(text, person, real_nlp):
    assert ("name", person) in found(text, real_nlp)


@pytest.mark.parametrize("text, place, label", [
    ("a refuge called Oasis took me and the kids in", "Oasis", "hostel"),
    ("the hostel, Bramley Grange, had a curfew at ten", "Bramley Grange", "hostel"),
])
def test_a_place_after_its_kind_is_still_the_place(text, place, label, real_nlp):
    assert (label, place) in found(text, real_nlp)
