"""A document's opening run that names no subject of its own is its "Introduction"."""
from __future__ import annotations

import pytest

from analysis.core.themes.openings import name_opening_runs
from analysis.core.themes.schema import ThemeDraft


def _runs(first: str, second: str = "Housing on release") -> list[ThemeDraft]:
    return [ThemeDraft(0, [0, 1, 2], None, True, label=first),
            ThemeDraft(1, [3, 4], None, True, label=second)]


@pytest.mark.parametrize("label", ["Mixed comments", "Mixed comments (6)",
                                   "Comments on government"])
def test_an_opening_run_with_no_subject_of_its_own_is_the_introduction(label):
    # An about-us run was "Mixed comments (6)" (a fourth held-out response), an
    # introduction "Comments on government" (the first).
    drafts = _runs(label)
    name_opening_runs(drafts, {0}, [None] * 5)
    assert [d.label for d in drafts] == ["Introduction", "Housing on release"]


ASKED = [{"greater confidence in community sentences"}, {"community order"}]


@pytest.mark.parametrize("answers", [[None] * 5, [0, 0, 0, 0, 0]])
def test_an_opening_run_holding_a_questions_subject_gives_it_up(answers):
    # The third response's introduction was "Community order", a question's subject; the
    # guide linked all its passages to the question on sentencers' confidence, which a
    # later run answers.
    drafts = _runs("Community order")
    name_opening_runs(drafts, {0}, answers, ASKED)
    assert drafts[0].label == "Introduction"


def test_a_subject_inside_a_questions_longer_phrase_is_the_questions_too():
    # Once an article after "of" no longer cut a question's phrase ("the requirements of a
    # community order"), "community order" was only part of a longer phrase, and the third
    # response's introduction kept the label "Community order" again (bench).
    drafts = _runs("Community order")
    name_opening_runs(drafts, {0}, [None] * 5,
                      [{"compliance with requirement of community order"}])
    assert drafts[0].label == "Introduction"
    drafts = _runs("Order")  # a word of a phrase is no subject the question names
    name_opening_runs(drafts, {0}, [None] * 5, [{"community order"}])
    assert drafts[0].label == "Order"


def test_a_mixed_opening_linked_to_a_question_another_run_answers_is_the_introduction():
    # The fourth response's about-us passages were all linked to its first question.
    drafts = _runs("Mixed comments (6)")
    name_opening_runs(drafts, {0}, [0, 0, 0, 0, 0], ASKED)
    assert drafts[0].label == "Introduction"


@pytest.mark.parametrize("label,openings,answers", [
    # Its own subject: kept ("Consultation workshops" on the first response).
    ("Consultation workshops", {0}, [None] * 5),
    # Not the document's opening: a mixed answer in the middle is no introduction.
    ("Mixed comments", {3}, [None] * 5),
    # A run that answers a question no other run answers: a response's first answer.
    ("Community order", {0}, [1, 1, 1, 0, 0]),
    ("Mixed comments", {0}, [0, 0, 0, 1, 1]),
])
def test_other_runs_keep_their_labels(label, openings, answers):
    drafts = _runs(label)
    name_opening_runs(drafts, openings, answers, ASKED)
    assert drafts[0].label == label


def test_a_code_or_a_second_introduction_is_never_made():
    drafts = _runs("Mixed comments")
    drafts[0].code = "housing"
    name_opening_runs(drafts, {0}, [None] * 5)
    assert drafts[0].label == "Mixed comments"
    drafts = _runs("Mixed comments", "Introduction")
    name_opening_runs(drafts, {0}, [None] * 5)
    assert drafts[0].label == "Mixed comments"
