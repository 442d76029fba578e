"""A document's run that answers one question may be named in the question's own words.

A response that follows the consultation's questions is cut where its answers change
(``runs``), so most runs answer one question. The label ``make_label`` gives such a run
comes from phrases its passages repeat, and one author repeats what a side remark is about
as readily as the subject: on the second held-out response the answer on GP registration
was "Comments on address" and the answer on information sharing (written response) was
"Prison healthcare". The question names the subject in words the consultation chose, so
its noun phrases are candidates too, scored as ``central`` scores phrases (near the run's
centre and nearer it than any other run's). One takes the label only when it fits the run
clearly better than the label it has (``QUESTION_EDGE``), or better at all when that
label sits nearer another run's centre than its own (it names that run): the run's own
words stay where they name it as well ("Opioid substitution therapy" over "continuous
treatment on release", "Young adults" over "particular consideration for young adults").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

import numpy as np

from .asked_actions import asked_actions
from .central import MIN_CLOSENESS, closeness
from .embed import normalise_rows
from .guide import embed_free_texts
from .keywords import FALLBACK, MAX_LABEL_WORDS, acceptable_label
from .mixed_names import number_mixed
from .openings import INTRODUCTION, name_opening_runs
from .phrases import show_phrase, trimmed_phrase
from .said_forms import as_said, said_forms
from .schema import Guides, ThemeDraft
from .text_models import TextModels
from .words import spacy_lexicon, spacy_pipeline

__all__ = ["QUESTION_EDGE", "name_runs_by_questions", "question_labels"]

# A question's phrase replaces a run's label when its score (closeness + margin, as in
# ``central``) is higher by this much. Measured on the two written responses with their
# questions (bench/analysis_quality.py): the label changes that were wrong before scored
# 0.3-0.5 higher ("GP registration" 0.72 against "Comments on address" 0.22); a margin of
# 0.02-0.04 was a matter of wording ("Probation supervision" for "Probation practitioner").
QUESTION_EDGE = 0.1
NOUNS = ("NOUN", "PROPN")
PLURALS = ("NNS", "NNPS")
# A run answers one question when more than this share of its passages answer it.
ONE_QUESTION = 0.5


def _modifiers(question: str, models: TextModels) -> set[str]:
    """Lemmas the question uses as half of a shared modifier ("drug" in "drug and alcohol
    treatment"): a phrase ending on one names half a subject ("continuity of drug")."""
    nlp = spacy_pipeline(models.words)
    if nlp is None:
        return set()
    tokens = list(nlp(question))
    # Noun, "and"/"or", noun, noun: the first two nouns share the last as their head. The
    # tagger alone says this (the pipeline runs no parser): "GP registration and primary
    # care" goes on with an adjective and names two whole subjects. A plural first noun is
    # a whole subject too, as English modifiers are singular: "breaches of community orders
    # and licence conditions" (a third response) lost "Breach of community orders".
    return {tokens[i].lemma_.lower() for i in range(len(tokens) - 3)
            if tokens[i].pos_ in NOUNS and tokens[i].tag_ not in PLURALS
            and tokens[i + 1].lower_ in ("and", "or")
            and tokens[i + 2].pos_ in NOUNS and tokens[i + 3].pos_ in NOUNS}


def _candidates(question: str, models: TextModels, taken: set[str]) -> list[str]:
    """The question's noun phrases that could name a theme, shown as the question says
    them ("Barriers to information sharing"); none already a label (``taken``: lower case,
    as lemmas or as said)."""
    said = _phrases(question, models)
    # Labels so far are lemmas, a question's label taken here is as said: check both.
    return sorted(form for lemma, form in said.items()
                  if lemma.lower() not in taken and form.lower() not in taken)


def _phrases(question: str, models: TextModels) -> dict[str, str]:
    """{a question's phrase that could name a theme, as lemmas: as the question says it}."""
    words = models.words.analyse([question])[0]
    cut_short = _modifiers(question, models)
    phrases = [trimmed_phrase(p) for p in words.phrases]
    shown = {show_phrase(p, models.words.display) for p in phrases
             if p.split()[-1] not in cut_short}
    forms = said_forms([0], [words])
    said = {s: as_said(s[:1].upper() + s[1:], forms) for s in shown
            if len(s.split()) <= MAX_LABEL_WORDS and acceptable_label(s)}
    # What the question asks to be done, where only its verbs say it ("be commissioned and
    # funded"): two verbs joined by "and" are the question's one subject here, not two
    # unrelated keywords as ``acceptable_label`` fears.
    nlp = spacy_pipeline(models.words)
    if nlp is not None:
        actions = asked_actions(question, nlp, spacy_lexicon(nlp), models.words.display)
        said.update((a, a) for a in actions if len(a.split()) <= MAX_LABEL_WORDS)
    return said


def question_labels(labels: Sequence[str], groups: Sequence[Sequence[int]],
                    answers: Sequence[int | None], questions: Sequence[str],
                    texts: Sequence[str], models: TextModels) -> list[str | None]:
    """Name runs that answer one question in the question's words where they fit better.

    Args:
        labels: each run's label as made so far.
        groups: each run's rows.
        answers: row-aligned, the place in ``questions`` of the question a passage answers
            (``questions.answer_guide``), or None.
        questions: the consultation's questions' texts, in their order.
        texts: row-aligned segment texts.
        models: the run's embedder, its cache and its word analyser.

    Returns:
        Per run, the question's phrase that names it, or None to keep its label.
    """
    out: list[str | None] = [None] * len(labels)
    if len(groups) <= 1 or not all(groups) or not questions:
        return out
    vectors = embed_free_texts(list(texts), models.embedder, models.cache)
    centres = normalise_rows(np.stack([vectors[list(rows)].mean(axis=0) for rows in groups]))
    taken = {label.lower() for label in labels}
    for i, rows in enumerate(groups):
        counts = Counter(a for a in (answers[r] for r in rows) if a is not None)
        if not counts:
            continue
        place, count = counts.most_common(1)[0]
        if count <= ONE_QUESTION * len(rows):
            continue
        shown = _candidates(questions[place], models, taken)
        if not shown:
            continue
        near, margin = closeness([labels[i], *shown], i, centres, models.embedder, models.cache)
        # A label nearer another run's centre than its own names that run: the question's
        # phrase that fits this one better replaces it, as the run answers that question
        # ("Community sentence" on how to measure success, a third response).
        misnamed = margin[0] < 0
        # Misnamed: the phrase must still sit nearer this run than the label does, so one
        # misnamed label is never swapped for another (found in review); but a label that
        # is not even near its run names a side remark ("Family contact", 0.14, on the
        # answer about treatment after release; a fourth response), and any phrase near
        # the run, or nearer it than any other run, is a better name ("Mental health",
        # 0.34, on a sixth response's opening run with its answer on the definition of
        # multiple disadvantage: "Multiple disadvantage", 0.23, names no other run).
        # A label not near its run names a side remark even when no other run is nearer
        # ("Gate pick-up", 0.15, on a fourth response's answer on engaging with community
        # treatment): a phrase near the run names it better, as for a misnamed label.
        # "Mixed comments" is no phrase, "Introduction" says where passages stand: for
        # them only margins compare.
        stray = (near[0] < MIN_CLOSENESS and not labels[i].startswith(FALLBACK)
                 and labels[i] != INTRODUCTION)
        edge = 0.0 if misnamed or stray else QUESTION_EDGE
        score = np.where((near >= MIN_CLOSENESS) | (stray & misnamed & (margin > 0)),
                         near + margin, -np.inf)
        best = 1 + int(np.argmax(score[1:]))
        fits = stray or margin[best] > (margin[0] if misnamed else 0)
        if fits and score[best] > near[0] + margin[0] + edge:
            out[i] = label = shown[best - 1]
            taken.add(label.lower())
    return out


def name_runs_by_questions(drafts: Sequence[ThemeDraft], guides: Guides, texts: Sequence[str],
                           models: TextModels, openings: Collection[int] = ()) -> None:
    """Rename a document's runs that answer one question where the question's words name
    them better (``question_labels``); a code's name replaced is no longer the theme's code.
    First, a document's opening run that names nothing of its own is its "Introduction"
    (``openings.name_opening_runs``), which leaves a question's phrase it held to the answer.

    Args:
        drafts: the run's themes, each a document's run (free themes are never passed: one
            question's answers hold several of them).
        guides: the answers each row gives and the questions' texts.
        texts: row-aligned segment texts.
        models: the run's embedder, its cache and its word analyser.
        openings: rows that are the first passage of their document.
    """
    asked = [{name.lower() for pair in _phrases(q, models).items() for name in pair}
             for q in guides.questions]
    name_opening_runs(drafts, openings, guides.answers, asked)
    better = question_labels([d.label or "" for d in drafts], [d.rows for d in drafts],
                             guides.answers, guides.questions, texts, models)
    for draft, label in zip(drafts, better, strict=True):
        if label is not None:
            draft.label, draft.code, draft.is_new = label, None, True
            draft.suggested, draft.hint_words = None, frozenset()
    for draft, label in zip(drafts, number_mixed([d.label or "" for d in drafts]), strict=True):
        draft.label = label or draft.label
