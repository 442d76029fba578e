"""A theme with no one subject says which subjects it mixes (``mixed_names``)."""
from __future__ import annotations

import pytest

from analysis.core.themes.words import SpacyWordAnalyser

from .label_helpers import evidence_label


@pytest.fixture(scope="module")
def spacy_words():
    """Noun phrases as the app finds them: a subject of a mix heads one."""
    return SpacyWordAnalyser()


# The demo's 15 segments on licence conditions, the council and probation officers were
# "Mixed comments": a label that tells a reader nothing of where its quotes belong.
MIXED = ["Nobody explains the hostel conditions to you.",
         "Curfew conditions can be mad, an exclusion zone round the chemist.",
         "The bail conditions changed and nobody told me.",
         "At the council desk I get angry on my own.",
         "The local council sent me away twice.",
         "The city council had no record of me.",
         "It is a trap, man.", "She treats me like a person.",
         "It depends who you get.", "Met at the gate."]


def test_a_theme_holding_two_subjects_is_named_by_both(spacy_words):
    keywords = [("condition", 0.5), ("council", 0.4), ("trap", 0.3), ("gate", 0.2)]
    label = evidence_label(spacy_words, MIXED, keywords)
    assert label.startswith("Mixed comments on ")
    assert "conditions" in label and "council" in label
    assert label.count(" and ") == 1


def test_a_theme_with_only_one_subject_said_widely_stays_mixed(spacy_words):
    # Only the conditions are said by more than one remark: no second subject to name.
    texts = [*MIXED[:3], "I rang him and nobody rang back.", *MIXED[6:]]
    keywords = [("condition", 0.5), ("council", 0.4), ("trap", 0.3)]
    assert evidence_label(spacy_words, texts, keywords) == "Mixed comments"


def test_words_that_say_when_are_no_subjects_of_a_mix(spacy_words):
    texts = ["Every week it was the same.", "Week after week I waited.",
             "It took time, a long time.", "Time goes slow in there.", "Met at the gate."]
    assert evidence_label(spacy_words, texts, [("week", 0.5), ("time", 0.4)]) == "Mixed comments"


def test_side_remarks_of_two_passages_do_not_name_a_mix(spacy_words):
    # The written response's answers on measuring success and on equality impacts became
    # "Mixed comments on community order and mental health": two asides, two passages each.
    texts = ["The local council was no help.", "The city council lost it.",
             "A hospital doctor saw me once.", "The prison doctor was kind.",
             "Measures should count what matters to people.",
             "Reoffending rates matter, but so does stable accommodation.",
             "Members were keen that measurement include their own view.",
             "The impact assessment should consider reasonable adjustments.",
             "Publish a full equality assessment alongside it.",
             "Report these for each region every year."]
    keywords = [("council", 0.5), ("doctor", 0.4), ("matter", 0.3)]
    assert evidence_label(spacy_words, texts, keywords) == "Mixed comments"


def test_a_subject_said_inside_a_long_phrase_names_the_theme(spacy_words):
    # An answer on sobriety tags: each passage says "the tag", and only the opening one
    # says which tags, in a phrase of six words. It was "Mixed comments".
    texts = ["Only a handful of our members had direct experience of alcohol monitoring tags.",
             "One found the tag useful as an excuse to stay home from the pub.",
             "Another said the tag did nothing about why he drank.",
             "Several were dependent on alcohol, and stopping at once is dangerous.",
             "Members want tags combined with monitoring by a nurse who can help.",
             "It depends on which outcomes are chosen."]
    keywords = [("tag", 0.5), ("monitoring", 0.3), ("dependent", 0.3), ("pub", 0.2)]
    # As lemmas: the pipeline shows it as said ("Alcohol monitoring tags").
    assert evidence_label(spacy_words, texts, keywords) == "Alcohol monitoring tag"


def test_a_noun_most_of_a_theme_says_names_it_though_it_heads_none_of_its_phrases():
    # A second response's answer on outcome measures says "the measures", "as a measure",
    # "deciding the measures": no phrase of it is headed by "measure" (the answer before
    # says "specific measures"), and it was "Mixed comments".
    from analysis.core.themes.keywords import make_labels
    from analysis.core.themes.label_evidence import LabelEvidence

    keywords = [("measure", 0.8), ("view", 0.65), ("readmission", 0.65), ("level", 0.65)]
    phrases = ["night of release", "continuity of treatment", "readmission to hospital",
               "lived experience"]
    support = {"measure": 4, "month": 2, "accommodation": 2, "view": 1, "readmission": 1,
               "level": 1, "night of release": 1, "continuity of treatment": 1,
               "readmission to hospital": 1, "lived experience": 1}
    nouns = frozenset(["measure", "release", "treatment", "hospital", "experience"])
    evidence = LabelEvidence(support, 6, nouns=nouns, forms={"measure": "measures"})
    assert make_labels([keywords], [phrases], evidence=[evidence]) == ["Comments on measures"]
    # A word no phrase of the run is headed by may be a verb or an adjective: none names it.
    evidence = LabelEvidence(support, 6, nouns=nouns - {"measure"})
    assert make_labels([keywords], [phrases], evidence=[evidence]) == ["Mixed comments"]
    # Said by a third: a mixed theme, not one on measures.
    evidence = LabelEvidence({**support, "measure": 2}, 6, nouns=nouns)
    assert make_labels([keywords], [phrases], evidence=[evidence]) == ["Mixed comments"]
