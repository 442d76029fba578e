"""Leaks a review of the by-kind change found: a person who does something with a word
ending like a noun ("Frank mentions his kids"), a home given as the way there ("head up
Beech Avenue, that's my nan's"), a surname or nickname watched or on the telly, a person
named like a shop, a prison after "a". Each is hidden (any placeholder will do: what
matters is that the words are gone); a missed over-redaction costs little, a leak a lot."""
from __future__ import annotations

import pytest

from analysis.core.redact import find_personal_data


def hidden(text, word, nlp, **kwargs):
    """Whether every occurrence of ``word`` in ``text`` is covered by some found span."""
    spans = find_personal_data(text, nlp=nlp, **kwargs)
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    assert starts, word
    return all(any(s.start <= i and i + len(word) <= s.end for s in spans) for i in starts)


# 1. A name-word before a word that ends like a noun but is what the person does.
@pytest.mark.parametrize("text, word", [
    # The reviewer's sentences.
    ("Mark questions everything the probation officer says.", "Mark"),
    ("Frank mentions his kids every time I see him.", "Frank"),
    ("Grace dances with me at the drop-in.", "Grace"),
    ("Rose torments me about my drinking.", "Rose"),
    ("Frank comments on my weight all the time.", "Frank"),
    ("Hope sanctions me every time I miss the jobcentre.", "Hope"),
    ("Dawn auditions for plays at the community centre.", "Dawn"),
    ("Mark positions himself near the door.", "Mark"),
    ("My keyworker Hope sanctions nobody.", "Hope"),
    ("I spoke to Faith relations officer at the council.", "Faith"),
    ("Frank sessions with Dawn at the clinic were the best.", "Frank"),
    # Mine.
    ("Joy mentions the baby every single visit.", "Joy"),
    ("My mate Will questions them about everything.", "Will"),
    ("Faith dances for the kids at the family day.", "Faith"),
    ("Ivy torments her sister on the phone.", "Ivy"),
    ("A lad called Frank comments under every post.", "Frank"),
])
def test_a_person_doing_something_stays_hidden(text, word, real_nlp):
    assert hidden(text, word, real_nlp)


# 2. A street said as the way somewhere is still where someone lives.
@pytest.mark.parametrize("text, word", [
    ("Head up Beech Avenue, number 40, that's my nan's.", "Beech Avenue"),
    ("I keep going past Cromwell Road cos that's where he lives.", "Cromwell Road"),
    ("I walk down Crescent Road to get to my mum's.", "Crescent Road"),
    ("My mum's house, you walk up Moss Lane and it's on the corner.", "Moss Lane"),
    ("My flat is down Mill Lane and turn left at the pub.", "Mill Lane"),
    ("To get to mine you go down Albert Road and it's the third house.", "Albert Road"),
    ("We drive along Station Road to see my dad.", "Station Road"),
    ("Carry on along Hawthorn Close and my sister's is the one with the van.", "Hawthorn Close"),
    ("Go past Linden Grove and take a left, his bedsit is above the chippy.", "Linden Grove"),
])
def test_a_street_given_as_the_way_is_hidden(text, word, fake_nlp):
    assert hidden(text, word, fake_nlp)


# 3. A surname or a word-nickname watched, or on the telly, is a person.
@pytest.mark.parametrize("text, word", [
    ("My cellmate Baker was on the telly after he got out.", "Baker"),
    ("I watched Baker get beaten up by the screws.", "Baker"),
    ("I watched Taylor get stabbed in the showers.", "Taylor"),
    ("Watching Marshall go under was the worst thing.", "Marshall"),
    ("I watched Cook and Fisher fight on the landing.", "Cook"),
    ("Me and Rose watched Ginger on the telly.", "Ginger"),
    ("We watched Smith on the telly last night.", "Smith"),
    ("My pad mate Walker was on the telly when they let him out.", "Walker"),
    ("I watched Spud Baker walk out the gate.", "Baker"),
    ("We watched Fletcher on the telly the night he got sentenced.", "Fletcher"),
    ("I saw Carpenter on the telly talking about the riots.", "Carpenter"),
])
def test_a_person_watched_or_on_the_telly_is_hidden(text, word, real_nlp):
    assert hidden(text, word, real_nlp)



# 4. A person named like a shop: only said as a shop ("at Costa", "outside Boots", "the
# Costa shop") is the word a shop.
@pytest.mark.parametrize("text, word", [
    ("My solicitor was a bloke called Costa, he was useless.", "Costa"),
    ("Me and Costa got nicked together.", "Costa"),
    ("Mr Boots was my probation officer.", "Boots"),
    ("I shared a pad with a lad called Boots for a year.", "Boots"),
    ("My cellmate Costa taught me to read.", "Costa"),
    ("Costa was my probation officer for two years.", "Costa"),
])
def test_a_person_named_like_a_shop_is_hidden(text, word, real_nlp):
    assert hidden(text, word, real_nlp)


# 5. "a" or "another" before a prison's name: one more prison in a list, a wing or a unit
# there; only a car is a thing ("sold me a Ford").
@pytest.mark.parametrize("text, words, broad", [
    ("I did eighteen months in Garth and then a Send lifer unit.", ["Send"], False),
    ("Then I got moved from Garth to a Ford, no, to Ford open prison.", ["Ford"], False),
    ("I was on a Durham wing for two years.", ["Durham"], True),
    ("Done a bit in Wandsworth, then a Durham, then Frankland.", ["Wandsworth", "Durham"], True),
    ("They sent me to a different Wandsworth wing, then another Lewes.",
     ["Wandsworth", "Lewes"], True),
    ("Two years in Pentonville, then a Lewes, then another Lincoln.", ["Lewes", "Lincoln"], True),
    ("I ended up on a Leeds landing with no canteen for a month.", ["Leeds"], True),
])
def test_a_prison_after_a_or_another_is_hidden(text, words, broad, real_nlp):
    assert all(hidden(text, w, real_nlp, keep_broad_areas=broad) for w in words)


@pytest.mark.parametrize("text", [
    "Sold me a Ford when I was inside.",
    "I was inside when my brother's Ford van got nicked.",
])
def test_a_car_named_like_a_prison_is_no_prison(text, real_nlp):
    assert "prison" not in [s.label for s in find_personal_data(text, nlp=real_nlp)]


# 7. One rule for a name after its kind (institutions' "before"): what the model calls the
# name does not undo the kind said first.
@pytest.mark.parametrize("text, name", [
    ("I went to a refuge called Oasis.", "Oasis"),
])
def test_a_name_after_its_kind_is_that_kind(text, name, real_nlp):
    assert ("hostel", name) in [(s.label, s.text) for s in find_personal_data(text, nlp=real_nlp)]
