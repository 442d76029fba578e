"""A theme no one phrase names is named by the two subjects it holds most: "Mixed comments on
conditions and council".

``keywords.make_label`` names a theme after one subject, and a theme whose segments talk
of several had nothing but "Mixed comments" (a dozen NHS themes, the demo's segments on
licence conditions and the council), which tells a reader nothing of where its quotes
belong. When two subjects are each said by at least ``MIX_SHARE`` of its segments
(``MIX_SAYERS`` at least), the label says it is a mix and of what; with fewer it stays
"Mixed comments", as no subject is said widely enough to be named. Only where who said
what is known (``label_evidence``) and the theme has ``WIDELY_FROM`` segments or more.
A subject is an acceptable label's phrase, or a keyword that heads a noun phrase in the
run (a noun: "council", never "mad"), never a generic or a speaker's word.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from .label_evidence import LabelEvidence
from .phrases import (
    GENERIC_HEADS,
    MAX_LABEL_WORDS,
    PREPOSITIONS,
    SPEAKER_WORDS,
    VAGUE_MODIFIERS,
    WIDELY_FROM,
    head_word,
    show_phrase,
    trimmed_phrase,
)
from .said_forms import COMMENTS_ON, as_said

__all__ = ["COMMENTS_SHARE", "FALLBACK", "MIXED_ON", "MIX_SHARE", "comments_on_noun", "is_mixed",
           "mixed_label", "number_mixed"]

FALLBACK = "Mixed comments"  # a theme's label when nothing names it (``keywords.make_label``)
MIXED_ON = f"{FALLBACK} on "
# Each subject named is said by this share of the theme's segments, and ``MIX_SAYERS`` at
# least: at 0.15 and two sayers the written response's answers on measuring success and on
# equality impacts became "Mixed comments on community order and mental health", two side
# remarks of two passages each.
MIX_SHARE = 0.2
MIX_SAYERS = 3
NO_SUBJECT = GENERIC_HEADS | SPEAKER_WORDS | VAGUE_MODIFIERS | PREPOSITIONS
# "Comments on X" when no phrase said twice fits: X must be said in this share of the theme
# (a third is a mixed theme: "Comments on condition" over licence talk and unrelated remarks).
COMMENTS_SHARE = 0.4


def comments_on_noun(keywords: Sequence[tuple[str, float]], evidence: LabelEvidence,
                     display: Callable[[str], str] = str) -> str | None:
    """Name a theme left "Mixed comments" after the keyword most of it says that is a noun
    of the run, though it heads none of the theme's own phrases: an answer on outcome
    measures says "the measures", "as a measure", and was "Mixed comments".

    Args:
        keywords: the theme's (term, weight) pairs, best first.
        evidence: ``label_evidence`` of the theme (who said what; ``nouns``: the run's).
        display: shows a term in its proper case.

    Returns:
        "Comments on X" for a keyword said by ``COMMENTS_SHARE`` of the theme's segments (and
        ``WIDELY_FROM`` segments in all) that heads a noun phrase in the run, or None.
    """
    size = evidence.size
    if size < WIDELY_FROM:
        return None
    top = max((w for _, w in keywords), default=0.0) or 1.0
    found = [(-(0.5 + w / top) * evidence.support.get(t, 0), t) for t, w in keywords
             if " " not in t and t not in NO_SUBJECT and t in evidence.nouns
             and evidence.support.get(t, 0) >= COMMENTS_SHARE * size]
    if not found:
        return None
    return as_said(COMMENTS_ON + show_phrase(min(found)[1], display), evidence.forms)


def is_mixed(label: str) -> bool:
    """Whether a label says its theme has no one subject ("Mixed comments", "Mixed comments
    (2)", "Mixed comments on X and Y")."""
    return label.startswith(FALLBACK)


def _subjects(keywords: Sequence[tuple[str, float]], phrases: Sequence[str],
              evidence: LabelEvidence, acceptable: Callable[[str], bool],
              display: Callable[[str], str]) -> list[tuple[float, str]]:
    """(score, phrase) for each subject said by enough of the theme, best first."""
    weight = dict(keywords)
    top = max(weight.values(), default=0.0) or 1.0
    need = max(MIX_SAYERS, math.ceil(MIX_SHARE * evidence.size))
    counts = Counter(trimmed_phrase(p) for p in phrases if len(p.split()) <= MAX_LABEL_WORDS)
    heads = {head_word(p)[0] for p in counts}
    out = []
    for phrase in set(counts) | set(weight):
        said = evidence.support.get(phrase, 0)
        if said < need:
            continue
        if " " in phrase:
            # A phrase names a subject by the rules of any label ("Licence conditions").
            if not acceptable(show_phrase(phrase, display)):
                continue
        elif phrase not in weight or phrase in NO_SUBJECT or phrase not in heads | evidence.nouns:
            continue  # a word alone: a keyword that heads a noun phrase ("council", never "mad")
        head, _ = head_word(phrase)
        score = said / evidence.size + 0.5 * weight.get(head, weight.get(phrase, 0.0)) / top
        out.append((score + (0.1 if " " in phrase else 0.0), phrase))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def mixed_label(keywords: Sequence[tuple[str, float]], phrases: Sequence[str],
                evidence: LabelEvidence, acceptable: Callable[[str], bool],
                display: Callable[[str], str] = str) -> str | None:
    """Name a theme left "Mixed comments" by the two subjects most of it talks about.

    Args:
        keywords: the theme's (term, weight) pairs, best first.
        phrases: every noun phrase said in its segments (repeats count).
        evidence: ``label_evidence`` of the theme (who said what).
        acceptable: ``keywords.acceptable_label``.
        display: shows a term in its proper case.

    Returns:
        "Mixed comments on X and Y" (X, Y as its segments say them, sharing no word), or
        None when fewer than two subjects are said widely enough.
    """
    if not evidence.support or evidence.size < WIDELY_FROM:
        return None
    found = _subjects(keywords, phrases, evidence, acceptable, display)
    if not found:
        return None
    first = found[0][1]
    used = set(first.split())
    second = next((p for _, p in found[1:] if not set(p.split()) & used), None)
    if second is None:
        return None

    plural = evidence.stance.plural if evidence.stance else frozenset()

    def said(phrase: str) -> str:
        if phrase in plural:  # a noun most say in the plural ("conditions"), as ``stance``
            return f"{display(phrase)}{'es' if phrase.endswith('s') else 's'}"
        return as_said(COMMENTS_ON + show_phrase(phrase, display), evidence.forms)[
            len(COMMENTS_ON):]

    return f"{MIXED_ON}{said(first)} and {said(second)}"


def number_mixed(labels: Sequence[str]) -> list[str]:
    """Number the themes left "Mixed comments" afresh, once others have been named.

    ``make_labels`` numbers them as it meets them; naming some later would leave a lone
    "Mixed comments (2)".

    Args:
        labels: the labels as they stand.

    Returns:
        The labels, "Mixed comments", "Mixed comments (2)", ... in order; others unchanged.
    """
    out, count = list(labels), 0
    for i, label in enumerate(labels):
        if re.fullmatch(rf"{FALLBACK}( \(\d+\))?", label):
            count += 1
            out[i] = FALLBACK if count == 1 else f"{FALLBACK} ({count})"
    return out
