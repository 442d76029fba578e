"""Theme-set rule: no two themes share more than ``MAX_SHARED`` of their segments.

A segment carries its own theme and up to two second themes (``rules.also_themes``); two
themes sharing most of their segments are one subject, and are merged
(``merges_for_overlap``), unless they are a document's runs, which are kept apart instead
(``kept_apart``).
"""
from __future__ import annotations

import numpy as np

__all__ = ["MAX_SHARED", "kept_apart", "merges_for_overlap", "overlapping"]

MAX_SHARED = 0.7


def overlapping(topics: np.ndarray, also: list[list[int]]) -> list[tuple[int, int]]:
    """Pairs of themes sharing more than ``MAX_SHARED`` of the smaller one's segments.

    Args:
        topics: each segment's own theme (-1 none); ids count from the largest theme.
        also: each segment's second themes.

    Returns:
        (larger, smaller) id pairs, in id order.
    """
    members: dict[int, set[int]] = {}
    for row, topic in enumerate(topics):
        for t in ([topic] if topic >= 0 else []) + also[row]:
            members.setdefault(t, set()).add(row)
    return [(a, b) for a in sorted(members) for b in sorted(members) if a < b
            and len(members[a] & members[b]) / min(len(members[a]), len(members[b])) > MAX_SHARED]


def kept_apart(topics: np.ndarray, also: list[list[int]]) -> list[list[int]]:
    """Second themes without the links that make two themes share too much.

    Runs of a document were cut apart where its subject changes: a summary run is close to
    every subject it sums up, and merging it with one of them loses both (the development
    response's opening and its crime prevention section, AMI 0.66 -> 0.56). They stay
    apart: neither counts as the other's passages' second theme, and a third theme's
    passage close to both keeps only the larger. Dropping links can make another pair
    share too much, so it runs until no pair does (each pass drops at least one link).

    Args:
        topics: each segment's own theme (-1 none); ids count from the largest theme.
        also: each segment's second themes.

    Returns:
        The second themes, with no pair of themes left sharing too much.
    """
    out = [list(extra) for extra in also]
    while pairs := overlapping(topics, out):
        for larger, smaller in pairs:
            for row, own in enumerate(topics):
                if own == larger:
                    out[row] = [t for t in out[row] if t != smaller]
                elif own == smaller:
                    out[row] = [t for t in out[row] if t != larger]
                elif larger in out[row] and smaller in out[row]:
                    out[row].remove(smaller)
    return out


def merges_for_overlap(topics: np.ndarray, also: list[list[int]]) -> dict[int, int]:
    """Which themes to merge because they share too much (each into the larger).

    Args:
        topics: each segment's own theme (-1 none); ids count from the largest theme.
        also: each segment's second themes.

    Returns:
        {smaller theme id: the larger theme id it joins}.
    """
    merge: dict[int, int] = {}
    for larger, smaller in overlapping(topics, also):
        if larger not in merge and smaller not in merge:
            merge[smaller] = larger  # the smaller id is the larger theme
    return merge
