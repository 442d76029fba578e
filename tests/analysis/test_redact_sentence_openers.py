"""Redaction of name-words that open a sentence: the capital there says nothing, so a name
that is also the word for an idea, a drug or a time of day ("Faith", "Crystal", "Dawn") is
kept when what follows says that thing ("Faith was hard to keep", "Crystal was my drug",
"Dawn came and..."), and is a name otherwise ("Faith told me", "Crystal was my support
worker", "Hope was the only one who asked"): privacy first.

The ``..._left_alone`` sentences were redacted as names before the rule; the
``..._still_a_person`` ones passed before too: they check it does not over-fire.
"""
from __future__ import annotations

import pytest

from .conftest import FakeNLP
from .test_redact import found


@pytest.mark.parametrize("text", [
    "Faith was hard to keep on that wing.",
    "Patience was never my strong point inside.",
    "Grace was impossible to find in that place.",
    "Hope was the last thing I had after the second recall.",
    "Crystal was my drug for ten years.",
    "Crystal is the cheapest thing round here now.",
    "Dawn came and I was still awake.",
    "Dawn broke over the exercise yard and nobody had slept.",
])
def test_an_idea_a_drug_or_a_time_opening_a_sentence_is_left_alone(text, fake_nlp):
    assert found(text, fake_nlp) == []


@pytest.mark.parametrize("text", [
    "Faith was hard to keep on that wing.",
    "Crystal was my drug for ten years.",
    "Dawn came and I was still awake.",
])
def test_an_idea_a_drug_or_a_time_the_model_calls_a_person_is_left_alone(text):
    word = text.split()[0]
    assert found(text, FakeNLP(people=[word])) == []


@pytest.mark.parametrize("text, name", [
    ("Faith told me to keep going.", "Faith"),
    ("Faith was the best friend I had, she never judged me.", "Faith"),
    ("Patience rang the council for me.", "Patience"),
    ("Grace was a lovely woman who visited every week.", "Grace"),
    ("Hope was the only one on the wing who asked how I was.", "Hope"),
    ("Joy was the best thing in my life, she's my youngest.", "Joy"),
    ("Mercy on the desk at the hostel would let me in late.", "Mercy"),
    ("Faith was lovely to me when I came out.", "Faith"),
    ("Crystal was my support worker for a year.", "Crystal"),
    ("My worker Crystal sorted my benefits.", "Crystal"),
    ("Me and Dawn shared a room at the hostel.", "Dawn"),
    ("Dawn said she'd come to the next meeting.", "Dawn"),
    ("Dawn came to see me on the ward.", "Dawn"),
    ("Dawn came in and sat with me till the nurse came.", "Dawn"),
    ("Dawn came with me to court.", "Dawn"),
    ("Dawn broke down in group when I said it.", "Dawn"),
    ("Crystal was a nightmare, she kicked off every day.", "Crystal"),
    ("I saw Dawn at group on Tuesday.", "Dawn"),
    # What they were to someone, not a thing: leaked before the thing-word rule (review).
    ("Grace was my rock through all of it.", "Grace"),
    ("Joy was my saviour when I got out.", "Joy"),
    ("Hope was the reason I got clean.", "Hope"),
])
def test_an_idea_a_drug_or_a_time_said_of_a_person_is_still_a_person(text, name, fake_nlp):
    assert ("name", name) in found(text, fake_nlp)


def test_a_participant_the_facilitator_named_is_found_at_a_sentence_start(fake_nlp):
    assert found("Faith was hard work that week.", fake_nlp, known_names=["Faith"]) == [
        ("name", "Faith")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Faith was hard to keep on that wing.", []),
    ("Crystal was my drug for ten years.", []),
    ("Dawn came and I was still awake.", []),
    ("Faith told me to keep going.", [("name", "Faith")]),
    ("My worker Crystal sorted my benefits.", [("name", "Crystal")]),
])
def test_real_model_sentence_openers(text, expected, real_nlp):
    assert found(text, real_nlp) == expected
