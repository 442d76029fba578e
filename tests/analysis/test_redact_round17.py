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


@pytest.mark.parametrize("text, initials", [
    ("KC said i could stay at hers for a bit", "KC"),
    ("MA came to the door with the police behind her", "MA"),
    ("and then BB rang me at two in the morning", "BB"),
])
def test_initials_that_are_also_a_title_or_degree_are_a_name_when_they_act(
        text, initials, real_nlp):
    assert ("name", initials) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "the KC said it was a strong case, then i got four years",
    "i done an MA at night school, nobody cared",
    "UC said you have to log in every day",
])
def test_titles_degrees_and_services_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text, kept", [
    ("my dob is 9th Oct 1979 if they need it, court is the 3rd of march", "3rd of march"),
    ("date of birth 4 May 1990 and i was released on the 6th of June", "6th of June"),
])
def test_a_court_or_release_date_beside_a_birthday_is_kept(text, kept, real_nlp):
    assert all(s[1] != kept for s in found(text, real_nlp))


def test_a_date_of_birth_after_its_cue_is_still_found(real_nlp):
    assert ("date of birth", "9th Oct 1979") in found(
        "my dob is 9th Oct 1979 if they need it, court is the 3rd of march", real_nlp)


@pytest.mark.parametrize("text, address", [
    ("we was at 14 dunmore crescent wi the burnt oot motor in the front", "14 dunmore crescent"),
    ("send it to 3a kilbride road, thats my sisters", "3a kilbride road"),
])
def test_a_numbered_street_typed_in_lower_case_is_an_address(text, address, real_nlp):
    assert ("place", address) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "it was a 10 minute walk down the main road to the chemist",
    "i had 3 close friends inside and they all got shipped out",
    "2 long drives a week to see him, then they moved him again",
])
def test_numbers_before_street_like_words_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "place"] == []


@pytest.mark.parametrize("text, street", [
    ("my release address was 12 Heol y Felin in Aberdare, me mams house", "12 Heol y Felin"),
    ("she lives on Ffordd Glyndwr now with the kids", "Ffordd Glyndwr"),
    ("flat above the chippy on Stryd Fawr, damp as anything", "Stryd Fawr"),
])
def test_a_welsh_street_named_after_its_street_word_is_a_place(text, street, real_nlp):
    assert ("place", street) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("specky from the bail hostel still owes me twenty quid", "specky"),
    ("and then shugsy off the landing sent me a letter", "shugsy"),
    ("padraig was the only one who came to see me in the hospital", "padraig"),
])
def test_a_lower_case_word_no_list_has_said_as_someone_is_a_name(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "breakfast from the hostel was cold every single day",
    "methadone from the chemist, thats my morning",
    "this was the only one that took dogs",
])
def test_lower_case_words_before_from_or_the_only_one_are_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "name"] == []


@pytest.mark.parametrize("text, pub", [
    ("i got lifted outside the Dog and Partridge on a friday night", "Dog and Partridge"),
    ("used to drink in the Black Bull every day from opening", "Black Bull"),
    ("we were barred from the Wheatsheaf after the fight", "Wheatsheaf"),
    ("had a pint at the Fox and Hounds with my dad the day i got out", "Fox and Hounds"),
])
def test_a_pub_someone_drinks_at_or_is_outside_is_a_place(text, pub, real_nlp):
    assert ("place", pub) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "i was outside the Marks and Spencer asking for change",
    "we used to drink in the Jobcentre car park, no joke",
    "drinking in the Arndale with the lads",
])
def test_a_shop_a_service_or_a_landmark_drunk_at_is_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] == "place"] == []


@pytest.mark.parametrize("text, handle", [
    ("my snapchat is kezzabxo dont put that in the report tho lol", "kezzabxo"),
    ("insta is shazzaxox if you want the pics", "shazzaxox"),
])
def test_a_handle_with_no_digit_after_the_app_is_a_name(text, handle, real_nlp):
    assert ("name", handle) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "my insta is private so they cant see it",
    "my snapchat is broken since i got the new phone",
])
def test_an_english_word_after_the_app_is_still_kept(text, real_nlp):
    assert found(text, real_nlp) == []


@pytest.mark.parametrize("text, school", [
    ("i went to Ysgol Bryn Coch and nobody there could spell dyslexia", "Ysgol Bryn Coch"),
    ("the kids are at Ysgol y Castell now, they love it", "Ysgol y Castell"),
])
def test_a_welsh_school_is_a_place(text, school, real_nlp):
    assert ("place", school) in found(text, real_nlp)


@pytest.mark.parametrize("text, hostel", [
    ("St Aidan's night shelter shuts at 8 and then youre walking the streets all day",
     "St Aidan's"),
    ("Brookvale hostel has bedbugs, everyone knows", "Brookvale"),
])
def test_a_name_opening_a_sentence_before_its_kind_is_that_kind(text, hostel, real_nlp):
    assert any(s[0] == "hostel" and hostel in s[1] for s in found(text, real_nlp))


@pytest.mark.parametrize("text, hostel", [
    ("i was in Stepping Stones for a year and it was the best i'd been", "Stepping Stones"),
    ("stayed at Cornerstone for six months before i got my flat", "Cornerstone"),
])
def test_a_name_stayed_in_for_a_stretch_is_a_hostel(text, hostel, real_nlp):
    assert any(s[1] == hostel for s in found(text, real_nlp))


@pytest.mark.parametrize("text", [
    "i was in Spain for a year, working the bars",
    "i was in Debt for years, proper in it",
    "Probation hostel rules are stupid",
])
def test_a_country_a_word_or_a_service_before_a_stretch_or_kind_is_still_kept(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] in ("hostel", "prison", "hospital")] == []


@pytest.mark.parametrize("text", [
    "Night shelter, then the flat, that's how it went",
    "the Mental Health Unit was full so I went to the general",
])
def test_a_kind_opening_a_sentence_is_still_no_name(text, real_nlp):
    assert [s for s in found(text, real_nlp) if s[0] in ("hostel", "hospital")] == []
