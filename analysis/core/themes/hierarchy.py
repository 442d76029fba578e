"""Broader themes: BERTopic's ``hierarchical_topics`` cut into a few parent groups.

The theme list is flat, but an officer writing a response groups related themes under
one heading ("Housing after prison" and "Refuge for women" under housing). BERTopic
merges topics pairwise by c-TF-IDF distance; the closest merges, up to about the square
root of the number of themes in groups, become the broader themes. A group is named
like any theme (``make_label`` over its segments' words), but only from words that cover
the group (``group_name``); a group nothing covers, and a theme alone, have none.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .keywords import extract_keywords, make_label
from .label_evidence import label_evidence
from .mixed_names import is_mixed
from .phrases import head_word
from .said_forms import COMMENTS_ON, as_said
from .vocabulary import SegmentWords

if TYPE_CHECKING:
    from bertopic import BERTopic

__all__ = ["MIN_THEMES_FOR_GROUPS", "broader_themes", "group_name", "group_topics"]

MIN_THEMES_FOR_GROUPS = 4
# Share of a group's segments that must say a broader theme's head word: less, and the
# name is one of its themes' subjects ("Probation officer" over housing and peer support).
COVER_SHARE = 0.25
# From this many themes in a group on, one of them may lack the broader theme's head word.
ONE_MAY_MISS_FROM = 4


def group_topics(merges: Sequence[tuple[float, Sequence[int]]], n_topics: int) -> list[list[int]]:
    """Cut a topic hierarchy into about sqrt(n) groups of two or more topics.

    Args:
        merges: (distance, all topic ids under the merge) per parent in the hierarchy.
        n_topics: topics 0..n-1.

    Returns:
        Groups of topic ids (each sorted, two or more), closest merges first.
    """
    if n_topics < MIN_THEMES_FOR_GROUPS:
        return []
    wanted = max(2, round(math.sqrt(n_topics)))
    group_of = {t: frozenset([t]) for t in range(n_topics)}
    for _, topics in sorted(merges, key=lambda m: m[0]):
        if len(set(group_of.values())) <= wanted:
            break
        joined = frozenset(t for t in topics if t in group_of)
        if len(joined) == n_topics:
            break  # the root: everything in one group says nothing
        for t in joined:
            group_of[t] = joined
    groups = {g for g in group_of.values() if len(g) > 1}
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def group_name(group: Sequence[int], rows_of: Sequence[Sequence[int]],
               words: Sequence[SegmentWords], keywords: Sequence[tuple[str, float]],
               about: Sequence[frozenset[str]], display: Callable[[str], str] = str,
               labels: Sequence[str] = ()) -> str | None:
    """Name a group of themes after what they are all about, or nothing.

    A heading over several themes must hold for each of them, so its head word is one of
    what each theme is about (``about``: its label's and top keywords' words), in every
    theme of the group (all but one from four themes on), and is said in at least
    ``COVER_SHARE`` of the group's segments; a name said in one theme only names that
    theme ("Probation officer" over housing and peer support). A name that is one of its
    own themes' labels, or a word alone ("Comments on ..."), is no heading either.

    Args:
        group: theme ids of the group.
        rows_of: per theme id, its rows (into ``words``).
        words: row-aligned ``SegmentWords`` of all segments.
        keywords: the group's (term, weight) pairs, best first.
        about: per theme id, the words of its label and its top keywords (lower case).
        display: shows a term in its proper case.
        labels: per theme id, its label; empty when not known.

    Returns:
        The name, or None when nothing covers the group.
    """
    rows = [r for t in group for r in rows_of[t]]
    said = label_evidence(rows, words)
    need = len(group) - (len(group) >= ONE_MAY_MISS_FROM)

    def covers(term: str) -> bool:
        return (sum(term in about[t] for t in group) >= need
                and said.support.get(term, 0) >= COVER_SHARE * said.size)

    # Only phrases whose head covers the group: "probation officer" does not head a group
    # that is about probation throughout but about officers in one theme.
    phrases = [p for r in rows for p in words[r].phrases if covers(head_word(p)[0])]
    name = make_label([k for k in keywords if covers(k[0])], phrases, display, said.support,
                      said.size)
    own = {labels[t].lower() for t in group if t < len(labels)}
    if is_mixed(name) or name.startswith(COMMENTS_ON) or name.lower() in own:
        return None
    return as_said(name, said.forms)


def broader_themes(model: BERTopic, texts: Sequence[str], rows_of: Sequence[Sequence[int]],
                   words: Sequence[SegmentWords], display: Callable[[str], str] = str,
                   labels: Sequence[str] = ()) -> dict[int, str]:
    """Name each theme's broader theme from a fitted model's topic hierarchy.

    Args:
        model: a fitted ``BERTopic`` whose topics 0..n-1 are the run's themes.
        texts: the texts the model's topics are over (as handed to it).
        rows_of: per theme id, its rows (into ``words``).
        words: row-aligned ``SegmentWords`` of all segments.
        display: shows a term in its proper case.
        labels: per theme id, its label (a group is never named like one of its themes).

    Returns:
        Theme id -> broader theme name, for themes in a named group of two or more.
    """
    n = len(rows_of)
    if n < MIN_THEMES_FOR_GROUPS:
        return {}
    import logging

    logging.getLogger("BERTopic").setLevel(logging.ERROR)
    # Only the merges are used here (groups are named below from their segments' words),
    # so the tree's own names come from c-TF-IDF alone: the representation chain would
    # embed up to 500 segments again for every merge (most of a run's time on 2,650).
    chain, model.representation_model = model.representation_model, None
    try:
        tree = model.hierarchical_topics(list(texts))
    finally:
        model.representation_model = chain
    merges = [(float(d), [int(t) for t in topics])
              for d, topics in zip(tree["Distance"], tree["Topics"], strict=True)]
    groups = group_topics(merges, n)
    if not groups:
        return {}
    group_rows = [[r for t in g for r in rows_of[t]] for g in groups]
    grouped = {r for rows in group_rows for r in rows}
    rest = [r for r in range(len(words)) if r not in grouped]
    keywords = extract_keywords(group_rows + [rest], words)[: len(groups)]
    themed = {r for rows in rows_of for r in rows}
    alone = [r for r in range(len(words)) if r not in themed]
    own = extract_keywords(list(rows_of) + [alone], words)[:n]
    about = [frozenset(w for term, _ in kw for w in term.split())
             | frozenset(re.findall(r"[\w']+", (labels[t] if t < len(labels) else "").lower()))
             for t, kw in enumerate(own)]
    out: dict[int, str] = {}
    for group, kw in zip(groups, keywords, strict=True):
        name = group_name(group, rows_of, words, kw, about, display, labels)
        if name is not None:
            out.update(dict.fromkeys(group, name))
    return out
