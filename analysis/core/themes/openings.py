"""A document's opening run that names no subject of its own is called its "Introduction".

A written response opens with who is writing and why (its about-us and introduction
passages) before it answers anything. Those passages talk of everything the response
will go on to say, so the run they make had no phrase of its own: it came out "Mixed
comments" (a fourth held-out response's about-us run), "Comments on government" (the
first), or took a question's subject its answer should have ("Community order" on the
third response's introduction, while the answer on complying with community orders was
"Mental health"). Where it is is a fact, what it is about was a guess: "Introduction"
says the one honestly, as a reader of the response would file those passages.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

from .keywords import FALLBACK
from .mixed_names import is_mixed
from .phrases import PREPOSITIONS
from .said_forms import COMMENTS_ON
from .schema import ThemeDraft

__all__ = ["INTRODUCTION", "name_opening_runs"]

INTRODUCTION = "Introduction"


def _weak(label: str) -> bool:
    """A label that says no subject was found ("Mixed comments", "Comments on X")."""
    return is_mixed(label) or label.startswith(COMMENTS_ON)


def _named(names: Collection[str]) -> set[str]:
    """A question's phrases and each noun group of several words between their prepositions:
    "compliance with the requirements of a community order" names "community order" too."""
    out = set(names)
    for name in names:
        part: list[str] = []
        for word in [*name.split(), "of"]:
            if word not in PREPOSITIONS:
                part.append(word)
                continue
            if len(part) > 1:
                out.add(" ".join(part))
            part = []
    return out


def _answers(draft: ThemeDraft, drafts: Sequence[ThemeDraft],
             answers: Sequence[int | None]) -> bool:
    """Whether a run answers a question: one its passages are linked to that no other run
    answers (has most of its passages linked to).

    The question guide links an introduction's passages to the question they sound most
    like: the fourth response's about-us passages all to the first question, the third's
    introduction to the one on sentencers' confidence, each answered by a later run. A
    response that opens with its first answer has no other run answering that question.
    """
    for place in {answers[r] for r in draft.rows} - {None}:
        if not any(2 * sum(answers[r] == place for r in other.rows) > len(other.rows)
                   for other in drafts if other is not draft):
            return True
    return False


def name_opening_runs(drafts: Sequence[ThemeDraft], openings: Collection[int],
                      answers: Sequence[int | None],
                      asked: Sequence[Collection[str]] = ()) -> None:
    """Call a document's opening run "Introduction" where its label names nothing of its own.

    Args:
        drafts: a document's runs (a run's themes); labels set. Renamed in place.
        openings: rows that are the first passage of their document.
        answers: row-aligned, the question a passage answers (``questions.answer_guide``) or
            None; all None when the run has no questions.
        asked: per question (as places in ``answers``), the lower-case phrases it names
            (empty: none known).
    """
    taken = {(d.label or "").lower() for d in drafts}
    if INTRODUCTION.lower() in taken:
        return
    for draft in drafts:
        if draft.code is not None or not set(draft.rows) & set(openings):
            continue
        label = draft.label or FALLBACK
        # A question's subject on a run that answers no question claims that question's
        # answer ("Community order" on the third response's introduction).
        named = any(label.lower() in _named(names) for names in asked)
        if (_weak(label) or named) and not _answers(draft, drafts, answers):
            draft.label, draft.is_new = INTRODUCTION, True
            draft.suggested, draft.hint_words = None, frozenset()
            return  # one introduction per run set: a second document keeps its label
