"""Keywords (class-based TF-IDF over lemmas and justice terms) and readable theme labels.

c-TF-IDF as in BERTopic: a term's frequency in one theme's segments, weighted by how
rare it is across themes, so "hostel" ranks high for housing and "probation" does not
rank high everywhere just because it is said a lot.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence

from .label_evidence import LabelEvidence
from .mixed_names import COMMENTS_SHARE, FALLBACK, comments_on_noun, mixed_label
from .phrases import (
    ACTOR_HEADS,
    GENERIC_HEADS,
    MAX_LABEL_WORDS,
    MIN_LABEL_WORDS,
    MIN_SAYERS,
    PREPOSITIONS,
    SENT_PEOPLE,
    SPEAKER_WORDS,
    TIME_UNITS,
    VAGUE_MODIFIERS,
    WHICH_ONE,
    WIDELY_FROM,
    head_part,
    head_word,
    named_kind,
    says_when,
    show_phrase,
    trimmed_phrase,
)
from .said_forms import COMMENTS_ON
from .stance import Stance, stance_label
from .vocabulary import SegmentWords

__all__ = ["FALLBACK", "MAX_LABEL_WORDS", "acceptable_label", "extract_keywords", "make_label",
           "make_labels", "readable_keywords"]

FEW_STRONG = 3  # with fewer strong terms, single-segment terms fill the list up
UNKEYED_SAYERS = 3  # a phrase with none of the theme's keywords needs this many sayers


def acceptable_label(label: str) -> bool:
    """Say whether a label names a subject as a person would write it.

    A label is a noun phrase of two to five words whose head is not a generic word, and
    it is never two words joined by "and" (usually two unrelated keywords), a label with a
    keyword tacked on after a colon, or a head with only judging words ("Proper training").

    Args:
        label: the label.

    Returns:
        True when it may be shown as a theme's name.
    """
    words = [w for w in re.findall(r"[\w']+", label.lower())]
    if ":" in label or not MIN_LABEL_WORDS <= len(words) <= MAX_LABEL_WORDS or "and" in words:
        return False
    before = head_part(words)
    content = [w for w in words if w not in PREPOSITIONS]
    if not before or (before[-1] in GENERIC_HEADS and not named_kind(before)):
        return False
    if all(w.strip("'") in SPEAKER_WORDS | GENERIC_HEADS for w in content):
        return False  # who speaks, not what about ("Forum member", "Comments on user")
    if _misread(words, before):
        return False
    # Only judging words around the head ("Proper training", "Basic account"): says how
    # someone felt, not what about.
    # A word saying when in front names a kind ("Friday releases"), unlike "Proper training".
    others = [w for w in content if w != before[-1] and not (says_when(words) and w == words[0])]
    if named_kind(before):
        return True
    return not all(w in GENERIC_HEADS for w in others) or not others


def _misread(words: Sequence[str], before: Sequence[str]) -> bool:
    """Args: a label's words and those before its first preposition. Returns: True for
    which one, not what kind ("Current hostel"), how long ("Hour at hospital"), and for a
    verb's object and where to ("Women to residential centres", from "send women to
    residential centres"), and for which bodies act, not on what ("Local authorities")."""
    if list(before) == list(words) and all(w in WHICH_ONE for w in before[:-1]):
        return True
    if list(before) == list(words) and before[-1] in ACTOR_HEADS and all(
            w in WHICH_ONE | VAGUE_MODIFIERS | GENERIC_HEADS for w in before[:-1]):
        return True
    if len(before) == 1 and before[0] in TIME_UNITS:
        return True
    return before[-1] in SENT_PEOPLE and list(words[len(before):len(before) + 1]) == ["to"]


def extract_keywords(groups: Sequence[Sequence[int]], words: Sequence[SegmentWords],
                     top_n: int = 8) -> list[list[tuple[str, float]]]:
    """Rank each group's terms by c-TF-IDF.

    Args:
        groups: for each theme, the row indices of its segments into ``words``.
        words: per-segment words for the whole corpus (the rarity baseline).
        top_n: keywords kept per theme.

    Returns:
        For each group, (term, weight) pairs, best first; ties broken alphabetically so
        the same input always gives the same order.
    """
    counts = [Counter(t for row in group for t in set(words[row].terms)) for group in groups]
    total_words = sum(len(w.terms) for w in words) or 1
    corpus = Counter(t for w in words for t in w.terms)
    average = total_words / max(len(groups), 1)
    out = []
    for group, count in zip(groups, counts, strict=True):
        size = sum(count.values()) or 1
        # A term from a single segment is weak evidence: when the theme has 4 or more
        # segments, terms said in at least 2 rank first and single ones only fill up.
        floor = 2 if len(group) >= WIDELY_FROM else 1
        scored = [(term, (n / size) * math.log(1 + average / corpus[term]), n >= floor)
                  for term, n in count.items()]
        scored.sort(key=lambda x: (not x[2], -x[1], x[0]))
        strong_count = sum(1 for x in scored if x[2])
        kept = [(t, w) for t, w, strong in scored if strong or strong_count < FEW_STRONG]
        out.append([(t, round(s, 6)) for t, s in kept[:top_n]])
    return out


def make_label(keywords: Sequence[tuple[str, float]], phrases: Sequence[str],
               display: Callable[[str], str] = str, support: Mapping[str, int] | None = None,
               size: int = 0, hint_words: Collection[str] = (), stance: Stance | None = None,
               ) -> str:
    """Build a short noun-phrase label from a theme's keywords and noun phrases.

    Each acceptable phrase (``acceptable_label``) is scored by its head word (the word a
    person would file it under: "housing" in "housing after prison") and, less, its other
    words: a word counts for its keyword weight and for how widely it is said across the
    theme's segments (``support``), so a theme is named after what many members talk
    about, not one vivid remark ("Box room"). Where ``support`` is known, a phrase said in
    one segment only never names a theme of four or more ("Sheer volume", "Meat ease"),
    nor one joined by a preposition around a head that is no keyword ("Court for breach"),
    nor one without the word most of the theme says ("Stable housing" over breach);
    judging words in front are dropped ("good mental health"). Words of the code the theme
    sits nearest (``hint_words``) count extra. Where ``support`` is
    known, a keyword said in one segment only is no evidence for a phrase.
    Without an acceptable phrase: the stance most segments take (``stance.stance_label``:
    "Praise for the crew"), else "Comments on X" for the strongest keyword most segments
    say, else "Mixed comments".

    Args:
        keywords: (term, weight) pairs, best first.
        phrases: every noun phrase said in the theme's segments (repeats count).
        display: shows a term in its proper case ("iom" -> "IOM").
        support: {term or phrase: number of the theme's segments saying it}; None: unknown.
        size: the theme's number of segments (with ``support``).
        hint_words: words of the subject the theme most likely has (its nearest code).
        stance: what its segments praise or complain about (with ``support``); None: unknown.

    Returns:
        A label such as "Housing after prison", or "Mixed comments" with no keywords.
    """
    if not keywords:
        return FALLBACK
    weight = dict(keywords)
    top = max(weight.values()) or 1.0
    support = support or {}
    hint = frozenset(hint_words)

    def strength(term: str) -> float:
        # Weight counts in proportion to the share of segments saying the word: a top
        # keyword from one remark counts little in a theme of twenty segments.
        share = min(support.get(term, 0) / size, 1.0) if support and size else 1.0
        return (0.5 + weight.get(term, 0.0) / top + (0.5 if term in hint else 0.0)) * share

    strict = bool(support) and size >= WIDELY_FROM

    def widely(term: str) -> bool:
        return support.get(term, 0) >= max(2, size / 10)  # a tenth of segments, 2 at least

    def evidenced(term: str) -> bool:
        # Keywords favour vivid words one remark used ("café"): where it is known who said
        # what, a keyword is evidence only when two or more of the theme's segments say it.
        return widely(term) or (term in weight
                                and (not strict or support.get(term, 0) >= MIN_SAYERS))

    counts = Counter(trimmed_phrase(p) for p in phrases if len(p.split()) <= MAX_LABEL_WORDS)
    for term, _ in keywords:
        # Keywords side by side ("helpful pleasant") are a phrase only if someone said it.
        if " " in term and term in counts:
            counts[term] += 1
    least = 2 if strict else 1
    best, best_score, best_once = None, 0.0, ""
    for phrase, n in sorted(counts.items()):
        shown = show_phrase(phrase, display)
        if not acceptable_label(shown):
            continue
        head, others = head_word(phrase)
        whole = evidenced(phrase) and " " in phrase
        # It must hold one of the theme's keywords or be said widely itself (keywords favour
        # vivid words: "peer mentor" said by three is no keyword beside "sandwich"), and be
        # led by a word said widely.
        keyed = any(t == phrase or f" {t} " in f" {phrase} " for t in weight) or (
            strict and " " in phrase and widely(phrase) and support[phrase] >= UNKEYED_SAYERS)
        if not keyed or not (whole or evidenced(head)):
            continue
        score = (strength(phrase) if whole else 0.0) + strength(head) + 0.5 * sum(
            strength(w) for w in others)
        # Who said it, where known (a remark pasted twice is one); else how often it is said.
        said = support.get(phrase, n) if strict else n
        before = head_part(phrase.split())
        if said < least and (not all(widely(w) for w in [head, *others]) or (
                head not in weight and any(w in PREPOSITIONS for w in phrase.split())) or (
                len(before) > MIN_LABEL_WORDS and not widely(" ".join(before[:-1]))
                and support.get(head, 0) < size / 2)):
            # One remark's phrase names no theme ("Sheer volume", "Meat ease"), unless each
            # of its words is said widely in it ("Helpful advice" over helpful advice); but
            # words joined by a preposition say how they are joined: "court" and "breach"
            # said widely are no evidence for "Court for breach" (a written response's
            # answer on breach), unless its head is one of the theme's keywords ("Recall
            # to prison", "Condition of licence"). Nor are words of a compound in front said
            # apart ("mental" in "mental disorder", "health" in "ill health") evidence for
            # one remark's "Mental health treatment" (a briefing's passages on police
            # contact), unless most of the theme says its head ("Alcohol monitoring tag").
            continue
        score *= math.sqrt(said) / (1 + 0.15 * max(len(phrase.split()) - 2, 0))
        if any(w in GENERIC_HEADS for w in others):
            score *= 0.5
        if score > 0 and score > best_score:
            best, best_score, best_once = shown, score, phrase if said < least else ""
    # With no phrase to go on, a word alone names the theme only when most of its segments
    # say it: "Comments on condition" over a mixed theme sends quotes to the wrong subject.
    # ... and only a noun: one that heads a phrase said in it ("Comments on helpful" is none).
    heads = {head_word(p)[0] for p in counts}
    specific = sorted((t for t, _ in keywords if t not in GENERIC_HEADS | SPEAKER_WORDS
                       and (" " in t or t in heads or not counts)
                       and (not strict or support.get(t, 0) >= COMMENTS_SHARE * size)),
                      key=lambda t: -strength(t))
    # One remark's phrase without the word most of the theme says names a side remark
    # ("Stable housing" over breach): "Comments on breach" says what most talk about.
    side = bool(best_once and specific and f" {specific[0]} " not in f" {best_once} ")
    if best is not None and not side:
        return best[:1].upper() + best[1:]
    if stance and strict and (named := stance_label(stance, support, size, display)):
        return named
    if not specific:
        return FALLBACK
    return f"{COMMENTS_ON}{show_phrase(specific[0], display)}"


def make_labels(keywords: Sequence[Sequence[tuple[str, float]]],
                phrases: Sequence[Sequence[str]],
                display: Callable[[str], str] = str,
                fixed: Sequence[str | None] | None = None,
                evidence: Sequence[LabelEvidence] | None = None) -> list[str]:
    """Label every theme, keeping ``fixed`` labels (code names) and making all unique.

    Args:
        keywords: per theme, from ``extract_keywords``.
        phrases: per theme, all noun phrases of its segments.
        display: term display function.
        fixed: per theme, a label to use as is (a codebook name) or None.
        evidence: per theme, from ``label_evidence``; None: keywords and phrases only.

    Returns:
        One distinct label per theme; duplicates get their next keyword added.
    """
    fixed = list(fixed or [None] * len(keywords))
    evidence = list(evidence or [LabelEvidence()] * len(keywords))

    def label(i: int, words: Sequence[tuple[str, float]], said: Sequence[str]) -> str:
        e = evidence[i]
        found = make_label(words, said, display, e.support, e.size, e.hint_words, e.stance)
        # No one subject: the noun most of it says, or the two it mixes ("Mixed comments on
        # X and Y"), where they are said.
        return (found != FALLBACK and found) or comments_on_noun(words, e, display) or (
            mixed_label(words, said, e, acceptable_label, display)) or found

    labels = [f if f else label(i, k, p)
              for i, (k, p, f) in enumerate(zip(keywords, phrases, fixed, strict=False))]
    seen: Counter[str] = Counter()
    for i, first in enumerate(labels):
        seen[first.lower()] += 1
        if seen[first.lower()] > 1 and not fixed[i]:
            # Another phrase of the theme, not a keyword after a colon.
            others = [p for p in phrases[i] if p not in first.lower()]
            extra = label(i, [k for k in keywords[i] if k[0] not in first.lower()], others)
            labels[i] = extra if extra.lower() not in {x.lower() for x in labels} else (
                f"{first} ({seen[first.lower()]})")
    return labels


def readable_keywords(pairs: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """BERTopic's topic words without placeholders, fillers or stray tokens, best first.

    Args:
        pairs: ``model.get_topic(t)``.

    Returns:
        (term, weight) pairs in lower case.
    """
    out: dict[str, float] = {}
    for given, weight in pairs:
        term = re.sub(r"\s+", " ", str(given).lower()).strip()
        if re.search(r"[a-z]", term):
            out.setdefault(term, float(weight))  # the first weight of a repeated term
    return list(out.items())
