"""Hostels and hospitals told by what is said around them (round eleven): what a home or a
ward does that the earlier word lists missed, names said "after" or "on" a place, a
sentence that opens on a place and says it "is where" something happens, and the model's
guess of a date or a nationality, which must not hide a made-up place name."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    # What supported housing does for, or asks of, the people in it.
    ("You get a fob and a locker at Sandhurst Row, nothing more.", "Sandhurst Row"),
    ("They breathalyse you at the door at Penhallow, every single night.", "Penhallow"),
    ("The support worker at Fellside got me onto a tenancy course.", "Fellside"),
    ("I spent three nights in the emergency bed at Kettlewell.", "Kettlewell"),
    ("Straight after detox I went into residential at Oakenshaw Grange.", "Oakenshaw Grange"),
    # Who works there says a hostel: "keyworker at", as "nurse at" says a ward.
    ("My keyworker at Tollgate Lane rang every rehab going.", "Tollgate Lane"),
    # A named House someone is put in, arrives at or leaves, with nothing else said.
    ("My first night in Bramwell House somebody nicked my trainers.", "Bramwell House"),
    ("They put the women with kids in Larkspur House.", "Larkspur House"),
])
def test_hostels_by_what_is_said_around_them(text, expected, fake_nlp):
    assert ("hostel", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text, expected", [
    # What is done to a patient or said on a ward.
    ("They done my knee at Ravenswood after the crash.", "Ravenswood"),
    ("I came round in Kelmscott with tubes everywhere.", "Kelmscott"),
    ("They had me on one to one in Thornleigh for a week.", "Thornleigh"),
    ("I was sat in the day room at Castlegate when they told me.", "Castlegate"),
    ("On the waiting list at the Beeches for trauma therapy.", "Beeches"),
    ("The first time I self harmed I ended up at Greenhow.", "Greenhow"),
    # Said after it: "after Elmwood I got a CPN".
    ("After Westfield I got a CPN and things got better.", "Westfield"),
    # A ward said "on", with the ward said in the sentence.
    ("The nurses on Marigold were lovely, it's the women's ward.", "Marigold"),
    # A practice by its own name.
    ("I'm on the books at Larch Tree Medical.", "Larch Tree Medical"),
])
def test_hospitals_by_what_is_said_around_them(text, expected, fake_nlp):
    assert ("hospital", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text, expected, label", [
    ("Lowmoor is where they put you when you're under a section.", "Lowmoor", "hospital"),
    ("Cobden House is where the council put the rough sleepers.", "Cobden House", "hostel"),
])
def test_a_sentence_opening_on_where_something_happens(text, expected, label, fake_nlp):
    assert (label, expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text, expected, label", [
    # The small model calls these a nationality and a date; neither has a number, a time
    # word or a nationality's shape, and the sentence says what they are.
    ("assessed at Hillview and they said I wasn't unwell enough", "Hillview", "hospital"),
    ("my nurse from Woodlands rings every week to check in", "Woodlands", "hospital"),
])
def test_a_models_date_or_nationality_guess_needs_the_words_to_show_it(
        text, expected, label, real_nlp):
    assert (label, expected) in found(text, real_nlp)


@pytest.mark.parametrize("text, word", [
    # "on" alone is no ward: medicines, benefits and streets are said "on" too.
    ("The doctor on the ward put me on Sertraline.", "Sertraline"),
    ("After Christmas I went into hospital.", "Christmas"),
    ("After Kayleigh left I went back to the hostel.", "Kayleigh"),
    ("I'm on Universal Credit and the hospital parking costs a fortune.", "Universal"),
    # A first name said "after" is a person even with a hospital near.
    ("After Dave died I was admitted to hospital.", "Dave"),
])
def test_said_on_or_after_is_not_a_place_by_itself(text, word, fake_nlp):
    labels = {label for label, span in found(text, fake_nlp) if word in span}
    assert not labels & {"hospital", "hostel"}


@pytest.mark.parametrize("text", [
    # A sentence opening on a word or a time is no place.
    "Christmas is where it all went wrong, on the ward.",
    "Nothing is where it should be in the hostel.",
])
def test_an_opening_word_is_where_is_not_a_place(text, fake_nlp):
    assert [span for label, span in found(text, fake_nlp) if label in {"hospital", "hostel"}] == []
