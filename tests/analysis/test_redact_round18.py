"""Round eighteen: lower-case first names that are words or short, said in a strong frame
("my partner ade", "auntie pat", "me and jo"); estates lived on or talked of as estates;
recovery hubs and services; pubs in a town; a listed jail said with an age; plates and
prison numbers spelt in lower case; clubs and public figures in the news; and words that are
not people ("an henry", "ye ken", "Will power isnt").

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


def names(text, nlp):
    return [t for label, t in found(text, nlp) if label == "name"]


@pytest.mark.parametrize("text, name", [
    ("my partner ade has been using again", "ade"),
    ("me mate bill got sent down for three year", "bill"),
    ("auntie pat sent me a card every birthday", "pat"),
    ("my sister rose looks after the dog", "rose"),
    ("my son jack started school last week", "jack"),
    ("a lad called frank lent me his radio", "frank"),
    ("my boy kai is with his dad now", "kai"),
    ("me cat misty was all i had", "misty"),
])
def test_a_lower_case_name_word_after_who_someone_is_is_a_name(text, name, real_nlp):
    assert name in names(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("me and jo got a flat together", "jo"),
    ("honestly tam kept me alive that year", "tam"),
    ("mo was the one who rang the ambulance", "mo"),
    ("dawn my support worker come to court with me", "dawn"),
    ("it was del that got me a bed", "del"),
    ("our ruby is twelve and she knows everything", "ruby"),
    ("i text jade when i got in", "jade"),
])
def test_a_short_or_word_like_name_opening_a_strong_frame_is_a_name(text, name, real_nlp):
    assert name in names(text, real_nlp)


@pytest.mark.parametrize("text", [
    "my brother took me in when i got out",
    "my mum couldn't afford the train fare",
    "send it to my nan, that's my nan's house",
    "my dad god rest him never knew",
    "hope my mum is ok, i havent heard",
    "a guy from the group gave me a lift",
    "my mam house is too small for all of us",
])
def test_verbs_contractions_and_owned_things_after_a_relative_are_still_no_names(text, real_nlp):
    assert names(text, real_nlp) == []


@pytest.mark.parametrize("text", [
    "an henry lasted me the weekend",
    "ye ken how it is in there",
    "Will power isnt enough on its own",
])
def test_words_said_as_words_are_not_names(text, real_nlp):
    assert names(text, real_nlp) == []


def test_an_said_as_and_still_lists_names(real_nlp):
    assert names("me an shaz an tony went halves", real_nlp) == ["shaz", "tony"]


@pytest.mark.parametrize("text, place", [
    ("we was on Kirkholt before it got done up", "Kirkholt"),
    ("grew up on the Meadowell, everyone knew us", "Meadowell"),
    ("the Ferrier got knocked down years ago", "Ferrier"),
    ("Blackbird Leys was rough when i was a kid", "Blackbird Leys"),
])
def test_an_estate_lived_on_or_said_to_be_rough_is_a_place(text, place, real_nlp):
    assert ("place", place) in found(text, real_nlp)


def test_lived_on_a_benefit_is_still_no_place(real_nlp):
    assert found("we were on Income Support for years", real_nlp) == []


@pytest.mark.parametrize("text, service", [
    ("i go to Brighter Futures Recovery Hub for my script", "Brighter Futures Recovery Hub"),
    ("got referred to Recovery Steps by the gp", "Recovery Steps"),
    ("the Bridges service helped me more than anyone", "Bridges"),
    ("the Haven is where i go for my needle exchange", "Haven"),
])
def test_recovery_hubs_and_named_services_are_hospitals(text, service, real_nlp):
    assert ("hospital", service) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "the Probation service never rang me back",
    "Lloyds Pharmacy did my methadone when the chemist shut",
])
def test_public_services_and_chemists_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "hospital"] == []


@pytest.mark.parametrize("text, pub, town", [
    ("i worked behind the bar at the Royal Oak in Bridgend", "Royal Oak", "Bridgend"),
    ("we were in the Swan at Stalybridge when it kicked off", "Swan", "Stalybridge"),
])
def test_a_pub_in_a_town_is_a_place_and_so_is_the_town(text, pub, town, real_nlp):
    spans = found(text, real_nlp)
    assert ("place", pub) in spans and ("place", town) in spans


def test_an_institution_in_a_town_is_still_no_pub(real_nlp):
    assert ("place", "Crown Court") not in found("the Crown Court in Leeds adjourned it", real_nlp)


def test_a_listed_jail_said_with_an_age_is_the_prison(real_nlp):
    assert ("prison", "Feltham") in found("Feltham at fifteen, i was a baby", real_nlp)


@pytest.mark.parametrize("text, number", [
    ("my prison number was a four five two one k d", "a four five two one k d"),
    ("reg was k x oh nine f h d and it wasnt mine", "k x oh nine f h d"),
    ("the car was y r six one z k p, silver corsa", "y r six one z k p"),
    ("prisoner number g h four two one nine", "g h four two one nine"),
])
def test_plates_and_prison_numbers_spelt_in_lower_case_are_id_numbers(text, number, real_nlp):
    assert ("ID number", number) in found(text, real_nlp)


@pytest.mark.parametrize("text", ["the car was a mess", "my number was up", "the van was a b c"])
def test_lower_case_letters_after_car_or_number_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "ID number"] == []


@pytest.mark.parametrize("text", [
    "Wrexham are doing well with the film lot",
    "Hibs lost again on saturday",
    "Ross Kemp did a documentary about the jail",
    "Boris was on the telly again",
    "Louis Theroux done one on the heroin",
])
def test_clubs_and_public_figures_in_the_news_are_kept(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("Jade and Tyler are doing well at school", "Tyler"),
    ("my mate Ross Kemp did a programme with us", "Ross Kemp"),
])
def test_someone_known_doing_well_or_on_a_programme_is_still_a_name(text, name, real_nlp):
    assert name in names(text, real_nlp)
