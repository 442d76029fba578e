"""Nicknames said with no cue word (round eleven): a word opening a sentence that does what
only a person does for someone ("Smudge looked after me", "Sober looked after me when I
first come in"), someone owed money, someone listed after a name that is no English word
("Dazza and Col"); and a TV title with an institution's word in it ("watch Prison Break")
is neither a person nor a prison."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    # Nouns, adjectives and states alike: only a person looks after you or puts you up.
    ("Smudge looked after me when I first come on the wing.", "Smudge"),
    ("Sober looked after me when I first come in, he'd been clean ten years.", "Sober"),
    ("Tiny put me up when I got out.", "Tiny"),
    ("Lofty got me a job on the bins.", "Lofty"),
    ("Biscuit picked me up from the gate.", "Biscuit"),
    ("Chalky never came back from his home leave.", "Chalky"),
    # Who owes or is owed money is a person, and who drugs are bought off.
    ("Red owed me money for months.", "Red"),
    ("I used to score off Scouse on the estate.", "Scouse"),
    ("I got it off Spider in the end.", "Spider"),
    # Who someone goes to see.
    ("I went to see Chalky in hospital.", "Chalky"),
    ("I owed Sully money so I kept out the way.", "Sully"),
    ("He still owes Ginger forty quid.", "Ginger"),
    # What the law or the world does only to a person.
    ("Ginger got out before me and never wrote.", "Ginger"),
    ("Tank got recalled a week after release.", "Tank"),
    ("Biscuit got stabbed outside the chippy.", "Biscuit"),
    # Two of them doing it.
    ("Kev and Debs put me up when I got out.", "Kev"),
    ("Kev and Debs put me up when I got out.", "Debs"),
    # Listed with a name that is no English word.
    ("Dazza and Col were sharing a pad on the threes.", "Col"),
])
def test_nicknames_doing_for_people(text, expected, real_nlp):
    assert ("name", expected) in found(text, real_nlp)


@pytest.mark.parametrize("text, word", [
    # A state or a thing that helps is no person (dev9's trap stays kept).
    ("Sober helped me more than anything else I tried.", "Sober"),
    ("Prison got me a job in the kitchens.", "Prison"),
    ("Staff and volunteers looked after me.", "Staff"),
    # Services and teams do these things too, and are nobody's name.
    ("Security picked me up at the gate.", "Security"),
    ("Outreach picked me up from the station.", "Outreach"),
    ("Housing got me a room in the end.", "Housing"),
    ("Healthcare looked after me on the wing.", "Healthcare"),
    ("Ambulance picked me up off the floor.", "Ambulance"),
    ("Police picked me up at three in the morning.", "Police"),
    ("Music got me through the nights inside.", "Music"),
    ("Word got out that I was a grass.", "Word"),
    ("Sentence got cut on appeal.", "Sentence"),
    ("I got my script off Boots every morning.", "Boots"),
    ("I went to see Crisis about a course.", "Crisis"),
    # A TV title with an institution's word in it, watched.
    ("we used to watch Prison Break on the wing", "watch"),
    ("I watch Prison Break every night before bed", "Break"),
])
def test_states_things_and_titles_stay(text, word, real_nlp):
    assert [label for label, span in found(text, real_nlp) if word in span] == []


@pytest.mark.parametrize("text, expected", [
    # What is paid or settled is a thing; who pays is a person.
    ("Bill's been paid so at least the lights are on.", None),
    ("Bill was settled in the end by the council.", None),
    ("Bill paid for my bus fare home.", "Bill"),
])
def test_a_bill_paid_is_a_thing(text, expected, real_nlp):
    names = [span for label, span in found(text, real_nlp) if label == "name"]
    assert names == ([expected] if expected else [])


@pytest.mark.parametrize("text, expected", [
    # A name-word before a noun is a compound only when it can describe one (an adjective:
    # "Frank conversations"), is a time ("Dawn raids") or makes one word with it ("Will
    # power", willpower); "Mark conditions" is Mark's, or Mark being told about them.
    ("Mark conditions were the worst part of it.", ["Mark"]),
    ("Mark licence conditions were the worst.", ["Mark"]),
    ("Will power is not enough on its own.", []),
    ("We had some Frank conversations about my drinking.", []),
    ("Dawn raids are terrifying for the kids.", []),
])
def test_a_name_word_before_a_noun(text, expected, real_nlp):
    assert [span for label, span in found(text, real_nlp) if label == "name"] == expected
