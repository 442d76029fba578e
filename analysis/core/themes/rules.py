"""Theme-set rules on a fitted BERTopic model, as i.AI's ThemeFinder uses them.

Each theme holds at least max(5, 0.1% of segments); no two themes share more than 70%
of their segments; no two labels are more than 0.9 similar (``label_rules``).
Segments of dissolved themes and outliers go through BERTopic's ``reduce_outliers``; "not
grouped" is capped. A segment close to more than one theme carries up to three.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .embed import normalise_rows
from .overlap import kept_apart, merges_for_overlap
from .schema import ThemeOptions

if TYPE_CHECKING:
    from bertopic import BERTopic

__all__ = ["MAX_THEMES_PER_SEGMENT", "Settled", "also_themes", "centres", "codes_that_fit",
           "min_theme_size",
           "neighbour_similarity", "refresh_model", "settle_topics"]

MIN_THEME_SEGMENTS = 5
MIN_THEME_SHARE = 0.001
MAX_THEMES_PER_SEGMENT = 3
# A second theme counts when the segment is nearly as close to it as to its own.
ALSO_MARGIN = 0.05


@dataclass
class Settled:
    """Final topic per row (-1 none), topic -> code index, extra themes per row."""

    topics: np.ndarray
    code_of_topic: dict[int, int]
    also: list[list[int]]


def neighbour_similarity(vectors: np.ndarray, k: int = 3, block: int = 2048) -> np.ndarray:
    """Mean similarity of each row to its k nearest other rows (how isolated it is).

    Args:
        vectors: (n, d) unit rows.
        k: neighbours.
        block: rows per block, to bound memory.

    Returns:
        (n,) similarities; 0 when there is no other row.
    """
    n = len(vectors)
    k = min(k, n - 1)
    if k < 1:
        return np.zeros(n)
    out = np.empty(n)
    for start in range(0, n, block):
        sims = vectors[start:start + block] @ vectors.T
        local = np.arange(sims.shape[0])
        sims[local, start + local] = -np.inf
        out[start:start + block] = (-np.partition(-sims, k - 1, axis=1)[:, :k]).mean(axis=1)
    return out


def min_theme_size(n: int) -> int:
    """Args: segments in the run. Returns: the fewest segments a theme may hold."""
    return max(MIN_THEME_SEGMENTS, math.ceil(MIN_THEME_SHARE * n))


def _renumber(topics: np.ndarray,
              code_of_topic: dict[int, int]) -> tuple[np.ndarray, dict[int, int]]:
    # Largest first, then first row, so ids are stable for the same input.
    found = [t for t in np.unique(topics) if t >= 0]
    first = {t: int(np.flatnonzero(topics == t)[0]) for t in found}
    order = sorted(found, key=lambda t: (-int((topics == t).sum()), first[t]))
    mapping = {t: i for i, t in enumerate(order)}
    new = np.array([mapping.get(t, -1) for t in topics], dtype=int)
    return new, {mapping[t]: c for t, c in code_of_topic.items() if t in mapping}


def centres(vectors: np.ndarray, topics: np.ndarray) -> np.ndarray:
    """Args: unit rows, topic per row. Returns: (k, d) unit centres of topics 0..k-1."""
    count = int(topics.max()) + 1 if len(topics) and topics.max() >= 0 else 0
    return normalise_rows(np.stack([vectors[topics == t].mean(axis=0) for t in range(count)])
                          if count else np.zeros((0, vectors.shape[1])))


def refresh_model(model: BERTopic, texts: Sequence[str], topics: np.ndarray,
                  vectors: np.ndarray, representation: list[Any] | None = None) -> None:
    """Give a fitted BERTopic model new topics: c-TF-IDF, words and centroid vectors.

    Args:
        model: the fitted ``BERTopic``.
        texts: all segment texts.
        topics: topic per row, 0..k-1 and -1.
        vectors: row-aligned unit vectors (topic vectors are their centroids).
        representation: BERTopic representation models to run, or None for c-TF-IDF only.
    """
    import logging

    import pandas as pd

    # update_topics warns that custom topics are "the last step": here they are, and the
    # topic vectors are rebuilt from the segments just below.
    logging.getLogger("BERTopic").setLevel(logging.ERROR)
    model.update_topics(list(texts), topics=topics.tolist(),
                        vectorizer_model=model.vectorizer_model,
                        ctfidf_model=model.ctfidf_model, representation_model=representation)
    documents = pd.DataFrame({"Document": list(texts), "Topic": topics.tolist(),
                              "ID": range(len(texts)), "Image": None})
    # Centroids of the segments (not of keyword embeddings): transform and
    # reduce_outliers then place a segment by what was said.
    model._create_topic_vectors(documents=documents, embeddings=np.asarray(vectors))
    if representation is not None:
        model._save_representative_docs(documents)


def also_themes(vectors: np.ndarray, topics: np.ndarray, floor: float) -> list[list[int]]:
    """Extra themes for segments close to more than one (up to three in all).

    Args:
        vectors: unit rows.
        topics: final topic per row.
        floor: least similarity to a theme's centre to count.

    Returns:
        Per row, other topic ids, closest first.
    """
    middle = centres(vectors, topics)
    if not len(middle):
        return [[] for _ in topics]
    sims = vectors @ middle.T
    out: list[list[int]] = []
    for row, topic in enumerate(topics):
        if topic < 0:
            out.append([])
            continue
        own = sims[row, topic]
        order = np.argsort(-sims[row], kind="stable")
        extra = [int(t) for t in order if t != topic
                 and sims[row, t] >= max(floor, own - ALSO_MARGIN)]
        out.append(extra[:MAX_THEMES_PER_SEGMENT - 1])
    return out


def codes_that_fit(topics: np.ndarray, code_of_topic: dict[int, int], code_sims: np.ndarray,
                   min_similarity: float, min_share: float = 0.5) -> dict[int, int]:
    """Name a discovered theme after a code only where most of its segments fit that code.

    A theme is given code c when at least ``min_share`` of its segments have c as their
    closest code, at least ``min_similarity`` close; a code already on a theme is not
    given twice. So a code never lands on a cluster about something else ("Community
    sentences" on paragraphs about the prison population).

    Args:
        topics: final topic per row.
        code_of_topic: topic -> code index from zero-shot matching.
        code_sims: (rows, codes) similarity of each segment to each code's anchors.
        min_similarity: least similarity for a segment to fit a code.
        min_share: share of the theme's segments that must fit the same code.

    Returns:
        A new topic -> code index mapping.
    """
    out = dict(code_of_topic)
    if code_sims.shape[1] == 0:
        return out
    best = np.argmax(code_sims, axis=1)
    fits = code_sims[np.arange(len(best)), best] >= min_similarity
    for topic in range(int(topics.max()) + 1 if len(topics) else 0):
        rows = topics == topic
        if topic in out or not rows.any():
            continue
        votes = np.bincount(best[rows & fits], minlength=code_sims.shape[1])
        code = int(np.argmax(votes))
        if votes[code] >= min_share * rows.sum() and code not in out.values():
            out[topic] = code
    return out


def join_code_twins(settled: Settled, code_sims: np.ndarray, min_similarity: float,
                    vectors: np.ndarray, threshold: float, min_share: float = 0.5) -> Settled:
    """Let a discovered theme that fits a code already on another theme join that theme.

    ``codes_that_fit`` gives each code to one theme only; a second cluster whose segments
    mostly fit the same code (housing talk split in two by wording) is the same subject,
    so it joins the code's theme instead of standing beside it under a made-up label.

    Args:
        settled: the themes after ``codes_that_fit``.
        code_sims: (rows, codes) similarity of each segment to each code.
        min_similarity: least similarity for a segment to fit a code.
        vectors: row-aligned unit vectors (for the second themes of each row).
        threshold: least similarity for a second theme (as in ``settle_topics``).
        min_share: share of the theme's segments that must fit the code.

    Returns:
        ``Settled`` with the twins joined and ids renumbered (unchanged when none).
    """
    if code_sims.shape[1] == 0 or not settled.code_of_topic:
        return settled
    topics = settled.topics.copy()
    owner = {code: topic for topic, code in settled.code_of_topic.items()}
    best = np.argmax(code_sims, axis=1)
    fits = code_sims[np.arange(len(best)), best] >= min_similarity
    joined = False
    for topic in range(int(topics.max()) + 1 if len(topics) else 0):
        rows = settled.topics == topic
        if topic in settled.code_of_topic or not rows.any():
            continue
        votes = np.bincount(best[rows & fits], minlength=code_sims.shape[1])
        code = int(np.argmax(votes))
        if votes[code] >= min_share * rows.sum() and code in owner:
            topics[rows] = owner[code]
            joined = True
    if not joined:
        return settled
    topics, code_of_topic = _renumber(topics, dict(settled.code_of_topic))
    return Settled(topics, code_of_topic, also_themes(vectors, topics, threshold))


def settle_topics(model: BERTopic, texts: Sequence[str], fitted: Settled, vectors: np.ndarray,
                  *, options: ThemeOptions, own: np.ndarray | None = None,
                  keep_apart: bool = False) -> Settled:
    """Apply the theme-set rules and settle outliers with BERTopic's ``reduce_outliers``.

    Args:
        model: the fitted ``BERTopic`` (fitted on some of the rows of ``texts``).
        texts: all segment texts.
        fitted: the fit's topic per row of ``texts`` (-1 for outliers and rows left out of
            fitting) and topic id -> codebook code index (``also`` unused).
        vectors: row-aligned unit vectors.
        options: ``reassign_threshold``, the least similarity to join a theme through
            ``reduce_outliers``, and ``max_not_grouped``, the most of all rows left "not
            grouped" (the closest of the rest join).
        own: each row's own vector (``vectors`` may blend in its neighbours): an outlier
            joins a theme by what it says itself, so "Yeah." stays out of every theme.
        keep_apart: themes that share too many segments lose the second-theme links
            between them instead of merging (a document's runs, ``overlap.kept_apart``).

    Returns:
        ``Settled``; the model is refreshed to the final topics (c-TF-IDF only).
    """
    n, threshold = len(texts), options.reassign_threshold
    smallest = min_theme_size(n)
    topics, code_of_topic = fitted.topics.copy(), dict(fitted.code_of_topic)
    for _ in range(3):  # dissolving or merging can leave another theme too small
        sizes = {t: int((topics == t).sum()) for t in np.unique(topics) if t >= 0}
        topics[np.isin(topics, [t for t, s in sizes.items() if s < smallest])] = -1
        topics, code_of_topic = _renumber(topics, code_of_topic)
        if not (topics >= 0).any():
            # Too few to split: one theme holds everything.
            return Settled(np.zeros(n, dtype=int), {}, [[] for _ in range(n)])
        refresh_model(model, texts, topics, vectors)
        if (topics < 0).any():
            topics = np.asarray(model.reduce_outliers(
                list(texts), topics.tolist(), strategy="embeddings",
                embeddings=vectors if own is None else own, threshold=threshold), dtype=int)
        merge = {} if keep_apart else merges_for_overlap(
            topics, also_themes(vectors, topics, threshold))
        if not merge and all((topics == t).sum() >= smallest for t in range(topics.max() + 1)):
            break
        for source, target in merge.items():
            topics[topics == source] = target
            if source in code_of_topic and target not in code_of_topic:
                code_of_topic[target] = code_of_topic[source]
            code_of_topic.pop(source, None)
    topics, code_of_topic = _renumber(topics, code_of_topic)
    left = np.flatnonzero(topics < 0)
    allowed = int(math.floor(options.max_not_grouped * n))
    if len(left) > allowed:
        sims = vectors[left] @ centres(vectors, topics).T
        order = left[np.argsort(-sims.max(axis=1), kind="stable")]
        take = order[: len(left) - allowed]
        topics[take] = np.argmax(vectors[take] @ centres(vectors, topics).T, axis=1)
    also = also_themes(vectors, topics, threshold)
    return Settled(topics, code_of_topic, kept_apart(topics, also) if keep_apart else also)
