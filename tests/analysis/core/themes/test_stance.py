"""Diffuse themes that share a stance and a subject are named so, never after one remark.

On the NHS comments 20 of 39 themes were "Mixed comments" on main, among them themes
where most comments praise the crew or wait for the phone in their own words.
"""
from __future__ import annotations

import pytest

from analysis.core.themes import SpacyWordAnalyser
from analysis.core.themes.keywords import FALLBACK, make_labels
from analysis.core.themes.label_evidence import label_evidence
from analysis.core.themes.vocabulary import SegmentWords
from analysis.core.themes.words import _load_spacy

from .label_helpers import evidence_label

# Stance and subject need parts of speech: a noun, not a verb or an adjective, is a subject.
pytestmark = pytest.mark.skipif(_load_spacy("en_core_web_sm") is None,
                                reason="spaCy model not installed")


@pytest.fixture(scope="module")
def words():
    return SpacyWordAnalyser()

# Each: texts, BERTopic-like keywords (vivid one-remark words), the label it must get.
NAMED = {
    "crew": (["The crew were very kind and friendly.", "Lovely crew, so reassuring.",
              "They were punctual, helpful, thoroughly nice.", "The crew were excellent.",
              "Very professional and pleasant throughout.", "Great crew, thank you."],
             [("heartfelt", 0.5), ("punctual", 0.45), ("thoroughly", 0.4)],
             "Praise for the crew"),
    "paramedics": (["Paramedics were very good and understanding.",
                    "The lead paramedics were fantastic.", "Both paramedics arrived, brilliant.",
                    "Paramedics were calm and professional.", "I was scared of the stairs.",
                    "Thank you to the local paramedics, amazing."],
                   [("army", 0.5), ("stairs", 0.45), ("scared", 0.4)],
                   "Praise for paramedics"),
    "general": (["Everything was great.", "Nothing to add, all excellent.",
                 "Could not have been better, thank you.", "Very good indeed.",
                 "Keep up the good work.", "Spot on."],
                [("spot", 0.5), ("add", 0.45), ("indeed", 0.4)], "General praise"),
    "phone": (["Had to wait ages for the phone call to be answered.",
               "Waiting on the phone line for an hour.", "The phone line kept me waiting.",
               "Phone answered after a long wait.", "Nobody answered the office phone.",
               "Quick answer this time."],
              [("ages", 0.5), ("rang", 0.45), ("quick", 0.4)], "Phone waiting times"),
    "nothing": (["Nothing. First class.", "Not that I can think of.",
                 "You can’t improve on perfection.", "Nothing at all, keep it up.",
                 "No, all fine.", "The tea trolley came late."],
                [("trolley", 0.5), ("perfection", 0.45), ("class", 0.4)],
                "Nothing to add or change"),
}


@pytest.mark.parametrize("case", sorted(NAMED))
def test_a_diffuse_theme_with_a_shared_stance_is_named_for_it(case, words):
    texts, keywords, wanted = NAMED[case]
    assert evidence_label(words, texts, keywords) == wanted


# Stance labels that must never appear: praise (or complaints) over a theme where many
# complain (or praise) too; "nothing to change" over answers that go on to complain of waiting.
NEVER = {
    "nothing but waiting": (["No, the wait was far too long.", "Nothing good, waited hours.",
                             "Not happy with the delay.", "No one answered for an hour.",
                             "Nothing to say.", "None."],
                            [("hour", 0.5), ("delay", 0.45)], {"Nothing to add or change"}),
    "mixed feelings": (["The driver was rude.", "Driver was great.", "Terrible driver, late.",
                        "Lovely driver.", "Poor driving, awful.", "Good driver, thanks."],
                       [("driving", 0.5), ("late", 0.45)], {"Praise for drivers",
                                                            "Praise for the driver",
                                                            "Complaints about the driver"}),
}


@pytest.mark.parametrize("case", sorted(NEVER))
def test_a_stance_is_not_named_where_many_say_the_opposite(case, words):
    texts, keywords, bad = NEVER[case]
    label = evidence_label(words, texts, keywords)
    assert label not in bad


def test_a_theme_with_no_shared_stance_or_subject_stays_mixed(words):
    texts = ["The form was long.", "Parking was hard.", "My mum came too.",
             "The weather was cold.", "Buses run late on Sundays.", "Leaflets in Polish."]
    label = evidence_label(words, texts, [("form", 0.5), ("parking", 0.45), ("mum", 0.4)])
    assert label.startswith(FALLBACK)


def _label(found, keywords):
    """The label of one theme of these segments' words (no parts of speech needed)."""
    evidence = label_evidence(range(len(found)), found)
    return make_labels([keywords], [[p for f in found for p in f.phrases]],
                       evidence=[evidence])[0]


def test_a_verb_said_widely_and_a_noun_once_is_no_subject():
    """"help" is a verb in five comments ("they helped") and a noun in one ("quick help")."""
    found = ([SegmentWords(("help", "quick", "good"), ("quick help",))]
             + [SegmentWords(("help", "good", f"word{i}"), ()) for i in range(5)])
    assert _label(found, [("help", 0.5), ("quick", 0.4)]) == "General praise"


def test_a_word_that_only_qualifies_nouns_is_no_subject():
    """"short" in "short visit", "short stay", ...: what kind, never what about."""
    found = [SegmentWords(("short", noun, "good"), (f"short {noun}",))
             for noun in ("visit", "stay", "break", "trip", "call", "walk")]
    assert _label(found, [("short", 0.5), ("visit", 0.4)]) == "General praise"


def test_answers_that_open_with_no_or_not_and_go_on_to_ask_for_something_say_something(words):
    """"Not enough staff", "No one came": what to change, said with "no" first."""
    from analysis.core.themes.stance import NOTHING_TO_SAY, count_stance

    asking = ["Not enough staff on at night.", "No one came when I pressed the buzzer.",
              "Not enough nurses on the ward.", "No parking spaces near the entrance.",
              "More staff at weekends please.", "No hot food after six."]
    assert count_stance([], (), asking).nothing == 0
    assert evidence_label(words, asking, [("buzzer", 0.5), ("parking", 0.45)]) != NOTHING_TO_SAY
    saying_nothing = ["No.", "Not really.", "No, all fine.", "Nope, all good.",
                      "No thank you.", "Not that I can think of.", "None.", "N/A",
                      "Not a thing.", "Not much.", "No complaints.", "No everything is fine.",
                      "No - all good.", "Not at the moment."]
    assert count_stance([], (), saying_nothing).nothing == len(saying_nothing)


def test_no_complaints_is_no_complaint(words):
    """On the NHS comments 22 of 42 that say "complain" say "no complaints", "can't complain"."""
    from analysis.core.themes.stance import count_stance

    texts = ["No complaints at all.", "Can't complain, they were quick.",
             "No complaints here, lovely staff.", "I couldn't make any complaints.",
             "Nothing to complain about.", "All fine."]
    assert not evidence_label(words, texts, [("quick", 0.5), ("fine", 0.4)]).startswith(
        "General complaints")
    said = [SegmentWords(("complaint", "quick"), ()), SegmentWords(("complain", "fine"), ())]
    assert count_stance(said, ()).complaint == 0
