"""A document's run with no phrase said twice is named by the phrase nearest its meaning.

``keywords.make_label`` names a theme after what several of its segments say, so one vivid
remark never names a theme of many people's comments. A run of a document is one author's
text on one subject in a few long passages: its phrases are rarely said twice, so it came
out "Mixed comments" although it is not mixed (the written response's answers on measuring
success and on commissioning, its introduction). Such a run is named by its phrase closest
to its own centre (``MIN_CLOSENESS`` at least) and closer to it than to any other run's
centre, scored by both ("Measure of success"), as KeyBERT picks keywords; with no such
phrase it stays "Mixed comments".

Only "Mixed comments" is renamed. Renaming also the runs whose label sits nearer another
run's centre fixed some ("Information sharing" for "Prison healthcare") but named others
after a proper name or an aside ("London safer future communities network", "Potential
collaboration of pcc") on the development response and the briefing.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .embed import Embedder, EmbeddingCache, normalise_rows
from .guide import embed_free_texts
from .keywords import MAX_LABEL_WORDS, acceptable_label
from .mixed_names import is_mixed, number_mixed
from .phrases import show_phrase, trimmed_phrase
from .text_models import TextModels
from .vocabulary import SegmentWords

__all__ = ["MIN_CLOSENESS", "central_labels", "closeness"]

# A phrase this close (cosine, all-MiniLM-L6-v2) to its run's centre, at least, names it.
MIN_CLOSENESS = 0.4


def closeness(texts: Sequence[str], own: int, centres: np.ndarray, embedder: Embedder,
               cache: EmbeddingCache | None) -> tuple[np.ndarray, np.ndarray]:
    """Returns: each text's cosine to run ``own``'s centre, and how much nearer it is to
    that centre than to any other run's (negative: it names another run better)."""
    similar = embed_free_texts(list(texts), embedder, cache) @ centres.T
    rest = np.delete(similar, own, axis=1)
    near = similar[:, own]
    return near, near - (rest.max(axis=1) if rest.shape[1] else 0.0)


def central_labels(labels: Sequence[str], groups: Sequence[Sequence[int]],
                   words: Sequence[SegmentWords], texts: Sequence[str],
                   models: TextModels) -> list[str]:
    """Name each "Mixed comments" run by its most central phrase (see the module).

    Args:
        labels: each run's label as made so far.
        groups: each run's rows.
        words: row-aligned ``SegmentWords``.
        texts: row-aligned segment texts.
        models: the run's embedder, its cache and its word analyser (shows terms in case).

    Returns:
        The labels, "Mixed comments" replaced where a phrase fits.
    """
    out = list(labels)
    if len(groups) <= 1 or not all(groups):  # one run has no other subject to be told from
        return out
    embedder, cache, display = models.embedder, models.cache, models.words.display
    vectors = embed_free_texts(list(texts), embedder, cache)  # cached: the run's segments
    centres = normalise_rows(np.stack([vectors[list(rows)].mean(axis=0) for rows in groups]))
    taken = {label.lower() for label in out}
    for i, label in enumerate(labels):
        # "Mixed comments (2)": told apart by ``make_labels``, still unnamed.
        # ... or "Mixed comments on X and Y": a run's central phrase names it as one subject.
        if not is_mixed(label):
            continue
        shown = sorted({show_phrase(phrase, display) for r in groups[i]
                        for phrase in map(trimmed_phrase, words[r].phrases)
                        if len(phrase.split()) <= MAX_LABEL_WORDS})
        shown = [s for s in shown if acceptable_label(s) and s.lower() not in taken]
        if not shown:
            continue
        near, margin = closeness(shown, i, centres, embedder, cache)
        # Near its own run and nearer it than any other: "Consultation workshop" for an
        # introduction rather than the more distinctive but off-centre "Ministry of justice".
        best = int(np.argmax(np.where(near >= MIN_CLOSENESS, near + margin, -np.inf)))
        if near[best] >= MIN_CLOSENESS and margin[best] > 0:
            out[i] = shown[best][:1].upper() + shown[best][1:]
            taken.add(out[i].lower())
    return number_mixed(out)
