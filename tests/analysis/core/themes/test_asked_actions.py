"""What a question asks to be done, named as nouns: the -ing form the dictionary lists."""
from __future__ import annotations

import pytest

from analysis.core.themes.asked_actions import gerund

NOUNS = {"funding", "sharing", "commissioning", "tying", "planning", "basement"}


@pytest.mark.parametrize("lemma,noun", [
    ("fund", "funding"), ("share", "sharing"), ("commission", "commissioning"),
    ("tie", "tying"), ("plan", "planning"),
    # No -ing noun listed: no name guessed from a suffix ("base" is no "basement").
    ("base", None), ("improve", None),
])
def test_a_verb_is_named_by_its_listed_ing_noun(lemma, noun):
    assert gerund(lemma, NOUNS) == noun


@pytest.mark.parametrize("lemma,pair", [
    # English makes the noun of an act in many ways; a table says which.
    ("respond", ("response", "to")), ("prevent", ("prevention", "of")),
    ("support", ("support", "for")), ("expand", ("expansion", "of")),
    # "reducing" is a listed noun but no officer's word for the act.
    ("reduce", ("reduction", "of")),
    # Any other verb: its listed -ing noun, as before.
    ("fund", ("funding", "of")),
    # An -ing noun that names another thing ("meeting"), or how a thing should turn out.
    ("meet", None), ("improve", None), ("base", None),
])
def test_an_act_is_named_by_its_own_noun(lemma, pair):
    from analysis.core.themes.action_nouns import action_noun

    assert action_noun(lemma, NOUNS | {"reducing", "meeting"}) == pair


@pytest.fixture(scope="module")
def tagger():
    from analysis.core.themes.words import SpacyWordAnalyser, spacy_lexicon, spacy_pipeline

    words = SpacyWordAnalyser()
    nlp = spacy_pipeline(words)
    if nlp is None:
        pytest.skip("the spaCy pipeline is not installed")
    return nlp, spacy_lexicon(nlp), words.display


def _acts(question, tagger):
    from analysis.core.themes.asked_actions import asked_actions

    nlp, lexicon, display = tagger
    return asked_actions(question, nlp, lexicon, display)


def test_what_someone_is_asked_to_do_is_named_by_the_act(tagger):
    # A sixth response's answer on it was "Local authorities": who acts, not the subject.
    assert _acts("How should police and local authorities respond to people sleeping rough "
                 "in public places?", tagger) == ["Response to rough sleeping"]
    assert _acts("How can we prevent people sleeping rough?", tagger) == [
        "Prevention of rough sleeping"]
    assert _acts("How should the police respond to people begging in the street?",
                 tagger) == ["Response to begging"]
    # People doing something to a thing are people: the act of the question is of them.
    assert _acts("How should councils support people leaving prison?", tagger) == [
        "Support for people leaving prison"]
    # A verb with no modal and doers before it is no question of what to do.
    assert _acts("Do you agree that people respond to incentives?", tagger) == []


def test_a_passive_act_takes_its_own_noun_and_a_name_keeps_its_capitals(tagger):
    assert _acts("Should Housing First be expanded, and if so, which groups should be "
                 "prioritised?", tagger) == ["Expansion of Housing First"]
    assert _acts("How should funding be allocated?", tagger) == ["Allocation of funding"]


def test_a_hyphened_compound_is_one_subject(tagger):
    # The tagger reads "solving" as a verb: the written response's answer on it was
    # "Expansion for women", after a side remark.
    assert _acts("Should problem-solving courts be expanded, and if so, for which groups?",
                 tagger) == ["Expansion of problem-solving courts"]


def test_one_of_two_things_is_no_subject_of_an_act(tagger):
    # "Working with drug": half of "drug and alcohol treatment services".
    assert _acts("How should accommodation services work with drug and alcohol treatment "
                 "services?", tagger) == []


@pytest.mark.parametrize("question, label", [
    ("How should treatment be commissioned and funded?",
     "Commissioning and funding of treatment"),
    ("How should treatment be commissioned and funded and planned?",
     "Commissioning, funding and planning of treatment"),
    ("Should treatment be commissioned or funded?", "Commissioning or funding of treatment"),
    # The first joiner joins the list, as before the one ``word_list`` joined it.
    ("Should data be shared and funded or planned?", "Sharing, funding and planning of data"),
])
def test_several_passive_acts_are_listed_as_a_sentence_lists_them(tagger, question, label):
    assert _acts(question, tagger) == [label]
