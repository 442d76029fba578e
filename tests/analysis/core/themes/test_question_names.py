"""A document's run that answers one question may be named in the question's own words."""
from __future__ import annotations

import pytest

from analysis.core.themes import TextModels
from analysis.core.themes.question_names import question_labels
from analysis.core.themes.words import SpacyWordAnalyser

HOUSING = ["The council flat had damp and the landlord wanted rent.",
           "Nobody leaving prison has a deposit for a tenancy.",
           "Evicted again, I slept in a doorway, then a sofa."]
TRAVEL = ["Bus fares went up and the train ticket costs too much.",
          "I walk to probation because the bus pass ran out."]
QUESTIONS = ["How could hostel accommodation be found for people on release?",
             "What should be done about the cost of bus travel?"]


def _labels(labels, answers, models, questions=QUESTIONS):
    texts = HOUSING + TRAVEL
    return question_labels(labels, [[0, 1, 2], [3, 4]], answers, questions, texts, models)


def test_a_run_named_after_another_subject_takes_its_questions_words(models):
    # The housing answer was named after a side remark about buses.
    better = _labels(["Bus pass", "Train ticket"], [0, 0, 0, 1, 1], models)
    assert better[0] == "Hostel accommodation"


def test_a_run_its_own_words_name_well_keeps_them(models):
    better = _labels(["Council flat", "Train ticket"], [0, 0, 0, 1, 1], models)
    assert better == [None, None]


def test_a_run_answering_no_one_question_is_not_renamed(models):
    # Passages answering two questions (or none) give no question to take words from.
    assert _labels(["Bus pass", "Train ticket"], [0, 1, None, 1, 1], models)[0] is None
    assert _labels(["Bus pass", "Train ticket"], [None] * 5, models) == [None, None]


@pytest.fixture(scope="module")
def spacy_words():
    return SpacyWordAnalyser()


def test_half_a_subject_is_never_a_label(embedder, cache, spacy_words):
    # "continuity of drug" stops inside "drug and alcohol treatment".
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    shown = _candidates("How can continuity of drug and alcohol treatment between prison and "
                        "the community be improved?", models, set())
    assert "Continuity of drug" not in shown
    assert "GP registration" in _candidates(
        "How could access to GP registration and primary care be improved?", models, set())


def test_a_questions_phrase_is_shown_as_the_question_says_it(embedder, cache, spacy_words):
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    shown = _candidates("What barriers to information sharing affect people with multiple "
                        "needs?", models, set())
    assert "Barriers to information sharing" in shown
    for taken in ("barrier to information sharing", "barriers to information sharing"):
        # Taken as a lemma label, or as said by a run renamed before (found in review).
        assert _candidates("What barriers to information sharing affect them?", models,
                           {taken}) == []


def test_a_plural_before_and_is_a_whole_subject(embedder, cache, spacy_words):
    # "orders and licence conditions" are two subjects; "drug and alcohol" share a head.
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    shown = _candidates("How could the process for responding to breaches of community "
                        "orders and licence conditions be made fairer?", models, set())
    assert "Breaches of community orders" in shown


@pytest.mark.parametrize("near,margin,renamed", [
    # The label names another run better (margin < 0): a phrase scoring more, nearer this
    # run than the label is, replaces it though it wins by less than QUESTION_EDGE.
    ([0.45, 0.46], [-0.05, -0.01], True),
    # A label that fits its own run keeps it against a phrase ahead by less than the edge.
    ([0.45, 0.56], [0.05, -0.01], False),
    # A phrase nearer another run than the misnamed label is would be no better a name.
    ([0.45, 0.60], [-0.05, -0.08], False),
    # ... unless the label is not near its run at all: it names a side remark ("Family
    # contact", 0.14, for the answer on treatment after release; a fourth response).
    ([0.14, 0.45], [-0.18, -0.20], True),
    # The question's phrase must itself be near the run.
    ([0.14, 0.35], [-0.18, -0.20], False),
    # ... or, for a label not near its run, nearer this run than any other: the sixth
    # response's opening run (about us, introduction, the answer on the definition of
    # multiple disadvantage) was "Mental health" (0.34, nearer the answer on mental health
    # services), the question's "Multiple disadvantage" (0.23) nearer no other run.
    ([0.34, 0.23], [-0.17, 0.02], True),
    ([0.34, 0.23], [-0.17, -0.01], False),
    # A label near its own run is never given away for a phrase that is not.
    ([0.45, 0.23], [-0.05, 0.30], False),
    # A label not near its run names a side remark even when no other run is nearer it
    # ("Gate pick-up", 0.15, on a fourth response's answer on engaging with community
    # treatment): the question's phrase near the run names it ("Community treatment").
    ([0.15, 0.45], [0.01, -0.19], True),
])
def test_a_label_that_names_another_run_better_gives_way_to_a_closer_fit(
        models, monkeypatch, near, margin, renamed):
    import numpy as np

    from analysis.core.themes import question_names

    def closeness(texts, own, centres, embedder, cache):
        return np.array(near), np.array(margin)  # the label, then the question's phrase

    monkeypatch.setattr(question_names, "closeness", closeness)
    better = _labels(["Bus pass", "Train ticket"], [0, 0, 0, 1, 1], models)
    assert (better[0] == "Hostel accommodation") is renamed


def test_an_introduction_is_no_side_remark(models, monkeypatch):
    # "Introduction" says where passages stand, not what they are about: that it is not
    # near its run's centre says nothing (the third response's introduction took "Greater
    # confidence in community sentences" from the answer on it, in review of the rule).
    import numpy as np

    from analysis.core.themes import question_names

    monkeypatch.setattr(question_names, "closeness", lambda *args: (
        np.array([0.12, 0.45]), np.array([0.01, -0.05])))
    assert _labels(["Introduction", "Train ticket"], [0, 0, 0, 1, 1], models)[0] is None


def test_mixed_comments_gives_way_only_to_a_phrase_nearer_its_run(models, monkeypatch):
    # "Mixed comments" is no phrase: how near its words are says nothing. An introduction
    # whose passages were linked to a question took that question's phrase although the
    # phrase sat nearer the run that answers it.
    import numpy as np

    from analysis.core.themes import question_names

    monkeypatch.setattr(question_names, "closeness", lambda *args: (
        np.array([0.16, 0.57]), np.array([-0.06, -0.14])))
    assert _labels(["Mixed comments", "Train ticket"], [0, 0, 0, 1, 1], models)[0] is None


def test_the_use_of_a_thing_is_named_by_the_thing(embedder, cache, spacy_words):
    # "use of alcohol monitoring tags": "use" names no subject, so the phrase was refused
    # and the answer on tags was "Mixed comments" (a fourth held-out response).
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    shown = _candidates("What are your views on the use of alcohol monitoring tags as part "
                        "of community sentences?", models, set())
    assert "Alcohol monitoring tags" in shown
    from analysis.core.themes.phrases import trimmed_phrase

    # A first word that is a subject itself stays.
    assert trimmed_phrase("date of birth") == "date of birth"
    assert trimmed_phrase("lack of housing") == "lack of housing"


def test_what_a_question_asks_to_be_done_is_named_as_nouns(embedder, cache, spacy_words):
    # Its only noun phrases name the thing ("Treatment for people"): the answer on it was
    # "Reporting requirements", after a side remark (a fourth held-out response).
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    shown = _candidates("How should treatment for people in contact with the criminal justice "
                        "system be commissioned and funded?", models, set())
    assert "Commissioning and funding of treatment" in shown
    # The tagger reads "information" after "should" as a verb; the dictionary knows better.
    assert "Sharing of information" in _candidates(
        "How should information about people's treatment be shared between the criminal "
        "justice system and health services?", models, set())


def test_a_duty_to_do_something_is_the_thing_an_action_is_of(embedder, cache, spacy_words):
    # A noun and what it is to do ("the duty to refer") is one thing: a sixth response's
    # answer on strengthening it had no name but "Council share responsibility", a misread.
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    shown = _candidates("How could the duty to refer be strengthened so that prisons, "
                        "probation services and hospitals refer people to the local housing "
                        "authority in good time?", models, set())
    assert "Strengthening of duty to refer" in shown


@pytest.mark.parametrize("question", [
    # How it should turn out, not what is done: "Making of requirements" names nothing.
    "How could drug rehabilitation requirements be made more effective?",
    "How could sentencers be given greater confidence in community sentences?",
    # The subject is a side of what follows: "Measuring of success" loses what it is about.
    "How should the success of community sentences be measured?",
    # No noun to name the action by.
    "What are the barriers, and how could these be addressed?",
    # The subject is not a plain noun phrase before the verb.
    "How can we make sure that people who are arrested are identified as needing help?",
])
def test_no_action_is_named_where_the_question_does_not_say_of_what(
        embedder, cache, spacy_words, question):
    from analysis.core.themes.question_names import _candidates

    models = TextModels(embedder=embedder, cache=cache, words=spacy_words)
    assert not [s for s in _candidates(question, models, set()) if " of " in s
                and s.split()[0].endswith("ing")]


def test_a_mixed_run_named_by_its_question_leaves_the_other_unnumbered(monkeypatch):
    from analysis.core.themes import question_names
    from analysis.core.themes.schema import Codebook, Guides, ThemeDraft

    drafts = [ThemeDraft(id=0, rows=[0], code=None, is_new=True, label="Mixed comments"),
              ThemeDraft(id=1, rows=[1], code=None, is_new=True, label="Mixed comments (2)")]
    monkeypatch.setattr(question_names, "_phrases", lambda question, models: {})
    monkeypatch.setattr(question_names, "question_labels",
                        lambda *args: ["Local connection", None])
    question_names.name_runs_by_questions(drafts, Guides(Codebook(codes=()), [0, 1], ["Q?"]),
                                          ["a", "b"], models=None)
    assert [d.label for d in drafts] == ["Local connection", "Mixed comments"]
