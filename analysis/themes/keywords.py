"""Keywords (class-based TF-IDF over lemmas and justice terms) and readable theme labels.

c-TF-IDF as in BERTopic: a term's frequency in one theme's segments, weighted by how
rare it is across themes, so "hostel" ranks high for housing and "probation" does not
rank high everywhere just because it is said a lot.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Sequence

from .vocabulary import SegmentWords

__all__ = ["extract_keywords", "make_label", "make_labels"]

MAX_LABEL_WORDS = 5
# Words that say when or how much, not what about: fine as keywords, weak as a theme's name
# ("Time", "Friday and date"), so a label leads with the theme's more specific words.
GENERIC_HEADS = frozenset("""
time times year years week weeks month months day days date dates today tomorrow yesterday
morning afternoon evening night monday tuesday wednesday thursday friday saturday sunday
thing things way ways lot bit kind sort people person word words phrase good bad proper
properly sorry hate number place
""".split())


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
    for group, count in zip(groups, counts):
        size = sum(count.values()) or 1
        # A term from a single segment is weak evidence: when the theme has 4 or more
        # segments, terms said in at least 2 rank first and single ones only fill up.
        floor = 2 if len(group) >= 4 else 1
        scored = [(term, (n / size) * math.log(1 + average / corpus[term]), n >= floor)
                  for term, n in count.items()]
        scored.sort(key=lambda x: (not x[2], -x[1], x[0]))
        strong_count = sum(1 for x in scored if x[2])
        scored = [(t, w) for t, w, strong in scored if strong or strong_count < 3]
        out.append([(t, round(s, 6)) for t, s in scored[:top_n]])
    return out


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def make_label(keywords: Sequence[tuple[str, float]], phrases: Sequence[str],
               display: Callable[[str], str] = str) -> str:
    """Build a short label from a theme's keywords and noun phrases.

    The phrase that best covers the top keywords wins ("housing after prison"); when no
    phrase is said at least twice, the label joins the two best keywords ("Hostel and
    rent"). Never returns topic-model ids like "0_the_and_housing".

    Args:
        keywords: (term, weight) pairs from ``extract_keywords``, best first.
        phrases: every noun phrase said in the theme's segments (repeats count).
        display: shows a term in its proper case ("iom" -> "IOM").

    Returns:
        A label such as "Housing after prison", or "Mixed comments" with no keywords.
    """
    if not keywords:
        return "Mixed comments"
    specific = [k for k in keywords if k[0] not in GENERIC_HEADS]
    if specific:
        keywords = specific + [k for k in keywords if k[0] in GENERIC_HEADS]
    weight = dict(keywords)
    top = keywords[0][0]
    best, best_score = None, 0.0
    for phrase, n in sorted(Counter(phrases).items()):
        parts = phrase.split()
        if n < 2 or len(parts) > MAX_LABEL_WORDS:
            continue
        covered = [t for t in weight if t == phrase or f" {t} " in f" {phrase} "]
        if not covered:
            continue
        # Prefer phrases covering strong keywords and said often; long ones pay a little.
        score = sum(weight[t] for t in covered) * math.sqrt(n) / (1 + 0.15 * max(len(parts) - 2, 0))
        if score > best_score:
            best, best_score = phrase, score
    if best is not None and (f" {top} " in f" {best} " or best_score >= weight[top] * 1.5):
        return _capitalise(_show(best, display))
    # Without a repeated phrase: two keywords if the second is a noun (said inside a
    # phrase) nearly as strong as the first; else the top keyword's most common phrase
    # ("Bus fare"); else the keyword alone.
    nouns = {w for p in phrases for w in p.split()} | set(phrases)
    second = next((t for t, w in keywords[1:3] if t in nouns and t not in top
                   and top not in t and w >= 0.6 * weight[top]), None)
    if second is not None:
        return _capitalise(f"{_show(top, display)} and {_show(second, display)}")
    with_top = [p for p in phrases if f" {top} " in f" {p} " and p != top
                and len(p.split()) <= MAX_LABEL_WORDS]
    if with_top:
        counts = Counter(with_top)
        phrase = min(counts, key=lambda p: (-counts[p], len(p.split()), p))
        return _capitalise(_show(phrase, display))
    return _capitalise(_show(top, display))


def _show(phrase: str, display: Callable[[str], str]) -> str:
    # Whole-term display first ("section 136"), then word by word ("iom officer").
    shown = display(phrase)
    if shown != phrase:
        return shown
    return " ".join(display(w) for w in phrase.split())


def make_labels(keywords: Sequence[Sequence[tuple[str, float]]],
                phrases: Sequence[Sequence[str]],
                display: Callable[[str], str] = str,
                fixed: Sequence[str | None] | None = None) -> list[str]:
    """Label every theme, keeping ``fixed`` labels (code names) and making all unique.

    Args:
        keywords: per theme, from ``extract_keywords``.
        phrases: per theme, all noun phrases of its segments.
        display: term display function.
        fixed: per theme, a label to use as is (a codebook name) or None.

    Returns:
        One distinct label per theme; duplicates get their next keyword added.
    """
    fixed = list(fixed or [None] * len(keywords))
    labels = [f if f else make_label(k, p, display) for k, p, f in zip(keywords, phrases, fixed)]
    seen: Counter[str] = Counter()
    for i, label in enumerate(labels):
        seen[label.lower()] += 1
        if seen[label.lower()] > 1 and not fixed[i]:
            extra = next((display(t) for t, _ in keywords[i] if t not in label.lower()), None)
            labels[i] = f"{label}: {extra}" if extra else f"{label} ({seen[label.lower()]})"
    return labels
