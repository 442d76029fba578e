"""Which labels name a subject: kinds, groups of people, how much a thing matters, and a
phrase said once (moved from test_keywords.py, which had grown past 400 lines)."""
from __future__ import annotations

import pytest

from analysis.core.themes import acceptable_label, make_label


@pytest.mark.parametrize("label", ["Transition plan", "Sentence plans", "Housing need",
                                   "Complex needs", "Drug programme", "Referral form",
                                   "Application forms"])
def test_a_subject_word_makes_a_kind_a_subject(label):
    assert acceptable_label(label)


@pytest.mark.parametrize("label", ["Local service", "Long plan", "Intervention programme",
                                   "Member need", "Next time", "Prison time", "Form",
                                   "Different form", "New forms"])
def test_a_kind_after_a_vague_word_or_a_time_is_still_refused(label):
    assert not acceptable_label(label)


@pytest.mark.parametrize("label", ["LGBT+ people", "Young people", "Homeless people",
                                   "Older person"])
def test_a_group_of_people_named_by_the_word_in_front_is_a_subject(label):
    assert acceptable_label(label)


@pytest.mark.parametrize("label", ["Other people", "Many people", "Forum people", "People"])
def test_people_with_no_word_saying_which_are_no_subject(label):
    assert not acceptable_label(label)


def test_how_much_a_thing_matters_is_no_subject_the_thing_is():
    # "Importance of offenders" headed the consultation's community sentence and peer
    # support themes: that a thing matters says how members feel, the thing is the subject.
    from analysis.core.themes.phrases import trimmed_phrase

    assert trimmed_phrase("importance of family contact") == "family contact"
    assert trimmed_phrase("significance of peer support") == "peer support"
    keywords = [("offender", 0.5), ("importance", 0.4), ("peer", 0.3), ("support", 0.3)]
    said = ["importance of offender"] * 3 + ["peer support"] * 2
    assert make_label(keywords, said) == "Peer support"


def test_a_phrase_joined_by_a_preposition_said_once_names_no_theme():
    """A written response's answer on breach was named "Court for breach", from one
    member's quote: "court" and "breach" are each said widely in it, but not as that; nor
    does "Stable housing", one remark's, name it over the breach most of it talks about."""
    keywords = [("breach", 0.6), ("automatic", 0.5), ("sanction", 0.4), ("stable", 0.4)]
    support = {"breach": 5, "court": 3, "automatic": 2, "sanction": 1, "stable": 2,
               "housing": 5, "court for breach": 1, "breach conviction": 1, "stable housing": 1}
    phrases = ["court for breach", "breach", "breach conviction", "stable housing"]
    assert make_label(keywords, phrases, support=support, size=10) == "Comments on breach"
    # Each word said widely still lets a phrase one remark said name it ("Helpful advice").
    support = {"advice": 6, "helpful": 5, "helpful advice": 1}
    assert make_label([("advice", 0.6), ("helpful", 0.5)], ["helpful advice"], support=support,
                      size=10) == "Helpful advice"


def test_a_compound_said_once_names_no_theme_from_its_words_said_apart():
    """A briefing's passages on police contact with people with multiple needs were named
    "Mental health treatment", one passage's phrase: "mental" and "health" were said widely,
    but apart ("mental disorder", "ill health"), and "treatment" by three of eight."""
    keywords = [("contact", 0.45), ("treatment", 0.44), ("police", 0.4), ("mental", 0.3),
                ("health", 0.3)]
    support = {"police": 6, "treatment": 3, "mental": 3, "health": 3, "contact": 3,
               "ill": 1, "disorder": 1, "mental health treatment": 1, "mental health": 1,
               "health treatment": 1, "mental disorder": 1, "ill health": 1}
    phrases = ["mental health treatment", "mental disorder", "ill health"]
    # No phrase names it: a document's run is then named by its central phrase (``central``).
    assert make_label(keywords, phrases, support=support, size=8) == "Mixed comments"
    # Most of the theme says its head: the one remark's compound says which kind of it.
    support.update({"treatment": 5})
    assert make_label(keywords, phrases, support=support, size=8) == "Mental health treatment"
    # The compound said widely itself: each of its words says it.
    support.update({"treatment": 3, "mental health": 3})
    assert make_label(keywords, phrases, support=support, size=8) == "Mental health treatment"
