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
    # A rehab's live-in stay is treatment (round 24: rehabs and detoxes are hospitals).
    ("Straight after detox I went into residential at Oakenshaw Grange.", "Oakenshaw Grange"),
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
    ("Before Kayleigh I was sleeping in a tent.", "Kayleigh"),
    ("Dave kicked me out for drinking.", "Dave"),
    ("I live at 14 Tanner Road with my keyworker visiting.", "Tanner Road"),
    # Someone's thing: "in Vinnie's van" is Vinnie's, not a place called Vinnie's.
    ("We did the move in Vinnie's van the week I moved in.", "Vinnie"),
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


@pytest.mark.parametrize("text, expected, label", [
    # Who works there says what it is, even named like a town or a street.
    ("My GP at Tanner Lane put me on sertraline.", "Tanner Lane", "hospital"),
    ("The doctors at Lewisham were the first to ask about the drink.", "Lewisham", "hospital"),
    ("The psych at Brockhall was the first to say PTSD.", "Brockhall", "hospital"),
    # A ward said "on", with the word ward in the sentence, whatever the name is.
    ("The nurses on Poppy were lovely, it's the women's ward.", "Poppy", "hospital"),
    # In apposition the last word of kind is the head: a rehab unit is a unit.
    ("I was in Arncliffe, the locked rehab unit, for two years.", "Arncliffe", "hospital"),
    # Under a service's care.
    ("I've been under the Hollins Centre since I was eighteen.", "Hollins Centre", "hospital"),
    # A doctor's name with 's and nothing after it is their surgery.
    ("I'm registered with Dr Okoro's on the high street.", "Dr Okoro's", "hospital"),
    # "the Royal" alone near care, in capitals or not.
    ("I was in the Royal for a week after the beating.", "the Royal", "hospital"),
    ("i was in the royal for a week after the beating", "the royal", "hospital"),
    ("They sent me out of area to Pencarrow, miles from my kids.", "Pencarrow", "hospital"),
    # What a hostel does: move-on, outreach, moving everyone out.
    ("Still stuck in Kettleby after four years, no move on.", "Kettleby", "hostel"),
    ("Got a place at Cornerstone through the outreach team.", "Cornerstone", "hostel"),
    ("They moved us all out of Canal Side when the funding went.", "Canal Side", "hostel"),
])
def test_kinds_said_by_staff_heads_and_care(text, expected, label, real_nlp):
    assert (label, expected) in found(text, real_nlp)


@pytest.mark.parametrize("text, word", [
    ("The royal we, as my probation officer used to say.", "royal"),
    ("Dr Okoro's receptionist was rude to me.", "Okoro's receptionist"),
    ("Dave was the best mate I ever had in there.", "Dave"),
    ("My mum is a nurse at heart.", "heart"),
])
def test_staff_doctors_and_subjects_stay_what_they_are(text, word, real_nlp):
    assert not [label for label, span in found(text, real_nlp)
                if word in span and label in {"hospital", "hostel"}]


@pytest.mark.parametrize("text, expected, label", [
    # Places shut down; people do not.
    ("When Ashgrove shut down they dumped us all on the council.", "Ashgrove", "hostel"),
    # A sentence opening on a place said to be an admission or a placement.
    ("Fernleigh was my fourth admission that year.", "Fernleigh", "hospital"),
    # More of what a hostel or a ward is for.
    ("I went from sofa surfing to Kilnhurst and then to my own flat.", "Kilnhurst", "hostel"),
    ("They kicked us out of Linthorpe for breaking the house rules.", "Linthorpe", "hostel"),
    ("I go to Mayhill every week for bloods and my injection.", "Mayhill", "hospital"),
    # An approved premises' curfew: breached for being late back.
    ("They breached me for being late back to Pennyfold.", "Pennyfold", "hostel"),
    # A room someone had, however it is described; moving in; being taken in or thrown out.
    ("I had a tiny room at Saltmarsh with a window that never shut.", "Saltmarsh", "hostel"),
    ("There was a fight at Thornaby the week I moved in.", "Thornaby", "hostel"),
    ("I got thrown out of Pinewood for having a drink.", "Pinewood", "hostel"),
    ("My support worker at Abbotsford sorted my bidding.", "Abbotsford", "hostel"),
    # A place of safety under section 136, visiting hours, chest pains.
    ("The police took me to Oakhurst as a place of safety.", "Oakhurst", "hospital"),
    ("My mum came to Ravensdale every day at visiting hours.", "Ravensdale", "hospital"),
    ("They rushed my dad into Colworth with chest pains.", "Colworth", "hospital"),
    # Kipping somewhere; "up the" a local place for what is done there.
    ("I was kipping at Oakdene for a few weeks.", "Oakdene", "hostel"),
    ("I was up the Limes every week for my bloods.", "Limes", "hospital"),
    ("They took me to the Infirmary after the fight.", "Infirmary", "hospital"),
    # A bed for the night; moved on; registered with a practice.
    ("I went to the Whitehouse for a bed for the night.", "Whitehouse", "hostel"),
    ("I was at Bridgeway for three months, then moved on.", "Bridgeway", "hostel"),
    ("I'm registered at the Grove but never get an appointment.", "Grove", "hospital"),
    # Waiting for a flat; before a place, as after one.
    ("I'm still at Kestrel View, waiting for a flat.", "Kestrel View", "hostel"),
    ("Before Heron Point I was sleeping in a tent.", "Heron Point", "hostel"),
    # A street said "at", no house number, where a hostel's doings are: the hostel on it.
    ("I'm still a resident at Tanner Road but mostly at my mum's.", "Tanner Road", "hostel"),
    # A place-shaped name that does what a hostel does to its residents.
    ("Marsh View kicked me out for drinking.", "Marsh View", "hostel"),
    ("St Cuthbert's let me stay three nights.", "St Cuthbert's", "hostel"),
    # Where probation wants or sends someone to live: approved premises.
    ("Probation wanted me at Kelstern but it's miles from my kids.", "Kelstern", "hostel"),
    # A named House opening a sentence, with nothing else said of it.
    ("Ashbourne House was rough, needles in the toilets.", "Ashbourne House", "hostel"),
])
def test_places_that_close_admissions_and_more_doings(text, expected, label, fake_nlp):
    assert (label, expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text, word", [
    ("When Dave shut the door I cried in the hostel.", "Dave"),
    ("Kayleigh was my rock on the ward.", "Kayleigh"),
])
def test_people_who_shut_doors_stay_people(text, word, fake_nlp):
    assert not [label for label, span in found(text, fake_nlp)
                if word in span and label in {"hospital", "hostel"}]
