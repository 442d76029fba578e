"""Over-redactions found in review: states opening a sentence ("Sober helped me"), nouns
made of a name-word ("Frank conversations"), shops and contractors, a word the model ran
on to after a prison, programmes, and a street given as a way to go."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text", [
    "Sober helped me more than anything else I tried.",
    "Honest said nothing, he just sat there shaking his head.",
    "She sold the Big Issue outside Boots for two years.",
    "I'd sit in Costa for hours just to stay warm.",
    "The prison was run by Sodexo and the food showed it.",
    "Seven days on Librium and I still couldn't sleep.",
])
def test_words_that_are_no_one_and_nowhere(text, real_nlp):
    assert found(text, real_nlp) == []


# Hidden on purpose (privacy wins over tidiness): one English word on the telly may be a
# nickname or surname ("Ginger", "Smith"), and a street given as the way may be someone's
# home. ("Frank conversations with" is kept since round thirteen: "conversations" is never
# a verb, unlike "Grace dances with me"; see test_redact_round13.py.)
@pytest.mark.parametrize("text, word", [
    ("I used to love Scrubs on the telly before everything went wrong.", "Scrubs"),
    ("Go down Market Street and turn left at the lights for the drop-in.", "Market Street"),
])
def test_ambiguous_words_are_hidden(text, word, real_nlp):
    assert word in [w for _, w in found(text, real_nlp)]


def test_word_after_a_prison_is_not_a_name(real_nlp):
    assert found("They shipped me to Durham miles from my family.", real_nlp) == [
        ("prison", "Durham")]


@pytest.mark.parametrize("text, name", [
    ("Tiny got me through it.", "Tiny"),
    ("Frank said nothing at the hearing.", "Frank"),
    ("Me and Tanner watched Kezia on the telly.", "Kezia"),
    ("I watched Dean fall apart in there.", "Dean"),
])
def test_people_stay_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


def test_a_street_lived_on_stays_a_place(fake_nlp):
    assert ("place", "Market Street") in found("I live on Market Street now.", fake_nlp)


@pytest.mark.parametrize("text", [
    "Police and mental health nurses work together in the Criminal Justice System.",
    "Diversion from prison custody was first set out in the Bradley Report.",
    "Mental health beds are scarce in the North East, patients are sent miles away.",
    "Commissioning moved to the NHS Commissioning Board after the hospital reforms.",
])
def test_bodies_papers_and_regions_are_no_hospital_hostel_or_prison(text, fake_nlp):
    labels = [label for label, _ in found(text, fake_nlp)]
    assert not {"hospital", "hostel", "prison"} & set(labels)
