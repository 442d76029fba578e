"""Which codebook name may label a theme: only one its segments' own words confirm.

Embeddings alone put a code's name on clusters about something near it ("Short prison
sentences and release" on members talking about Housing First: both are about leaving
prison). A name an officer will quote under must be what the segments say, so a code
labels a theme only when two things agree:

- meaning: the theme is the code's (``rules.codes_that_fit``), or its centre is nearest
  that code's anchors;
- words: at least ``MIN_TERM_SHARE`` of the theme's segments say one of the code's own
  search terms (lemma-aware, as deductive coding counts them), and no other code's terms
  are said in more of its segments.

A theme that fails keeps its segments and gets a label from its own words instead.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from .embed import normalise_rows
from .guide import CodeVectors, code_words, subject_hints
from .schema import Codebook, ThemeDraft
from .vocabulary import SegmentWords
from .words import WordAnalyser

__all__ = ["MIN_TERM_SHARE", "confirm_codes", "name_from_codes", "term_hits", "term_shares"]

# A third of a focus group on housing says "housing", "hostel" or "rent"; a cluster that
# only touches a subject says its words in a tenth to a fifth of its segments (bench:
# bench/theme_labels.py on the demo, NHS and consultation corpora).
MIN_TERM_SHARE = 0.3


def term_hits(texts: Sequence[str], codebook: Codebook, analyser: WordAnalyser) -> np.ndarray:
    """Which codes' search terms each text says.

    Args:
        texts: segment texts.
        codebook: the codes.
        analyser: gives lemmas, so "hostels" says "hostel".

    Returns:
        (texts, codes) booleans.
    """
    from .terms import find_terms

    hits = np.zeros((len(texts), len(codebook.codes)), dtype=bool)
    for row, found in enumerate(find_terms(texts, codebook, analyser)):
        hits[row, list(found)] = True
    return hits


def term_shares(rows: Sequence[int], hits: np.ndarray) -> np.ndarray:
    """Args: a theme's rows, ``term_hits``. Returns: per code, the share of rows saying it."""
    if not len(rows) or not hits.shape[1]:
        return np.zeros(hits.shape[1])
    shares: np.ndarray = hits[list(rows)].mean(axis=0)
    return shares


def _said(code: int, shares: np.ndarray) -> bool:
    """The code's words are said widely in the theme, and no other code's more widely."""
    return bool(shares[code] >= MIN_TERM_SHARE and shares[code] >= shares.max())


def confirm_codes(drafts: Sequence[ThemeDraft], hits: np.ndarray, vectors: np.ndarray,
                  codes: CodeVectors) -> None:
    """Keep a code (or a suggested code name) on a theme only where its segments say it.

    A draft whose code or suggestion fails loses it (it becomes a discovered theme and is
    named from its own words). A discovered theme whose centre is nearest a code and whose
    segments say that code's words more than any other's gets the name as a suggestion,
    when no theme holds the code already; of several such themes, the one saying the
    code's words most widely gets it.

    Args:
        drafts: the run's drafts (changed in place); ``code`` and ``suggested`` hold names.
        hits: ``term_hits`` of all rows.
        vectors: row-aligned unit vectors.
        codes: the codebook's anchors (``embed_codebook``).
    """
    names = codes.codebook.names()
    index = {name: i for i, name in enumerate(names)}
    shares = [term_shares(d.rows, hits) for d in drafts]
    for draft, share in zip(drafts, shares, strict=True):
        if draft.code is not None and not _said(index[draft.code], share):
            draft.code, draft.is_new = None, True
            draft.label = None
        if draft.suggested is not None and not _said(index[draft.suggested], share):
            draft.suggested = draft.label = None
            draft.hint_words = frozenset()
    taken = {d.code for d in drafts if d.code} | {d.suggested for d in drafts if d.suggested}
    candidates: list[tuple[float, int, int]] = []
    for number, (draft, share) in enumerate(zip(drafts, shares, strict=True)):
        if draft.code or draft.suggested or not draft.rows or not len(names):
            continue
        centre = normalise_rows(vectors[draft.rows].mean(axis=0, keepdims=True))[0]
        nearest = int(np.argmax(codes.centres @ centre))
        if _said(nearest, share) and names[nearest] not in taken:
            candidates.append((-float(share[nearest]), number, nearest))
    for _, number, code in sorted(candidates):
        if names[code] in taken:
            continue
        drafts[number].suggested = drafts[number].label = names[code]
        taken.add(names[code])


def name_from_codes(drafts: Sequence[ThemeDraft], texts: Sequence[str],
                    segment_words: Sequence[SegmentWords], vectors: np.ndarray,
                    codes: CodeVectors, words: WordAnalyser, taken: Collection[int] = ()) -> None:
    """Give drafts their code hints and suggested names, then keep only those that fit.

    A theme no code fits may still be clearly about one code's subject
    (``guide.subject_hints``): its words guide the label, and its name may be the label;
    ``confirm_codes`` then keeps codes and names only where the segments say them.

    Args:
        drafts: the run's drafts, changed in place.
        texts: row-aligned segment texts.
        segment_words: row-aligned ``SegmentWords``.
        vectors: row-aligned unit vectors.
        codes: the codebook's anchors.
        words: the run's word analyser.
        taken: code indexes already on a theme.
    """
    codebook = codes.codebook
    if not codebook.codes:
        return
    names = codebook.names()
    free = [d for d in drafts if d.code is None]
    words_of_codes = code_words(codebook, words)
    hints = subject_hints([d.rows for d in free], vectors, codes, words_of_codes,
                          segment_words, taken=taken)
    for draft, (code, named) in zip(free, hints, strict=False):
        if code is not None:
            draft.hint_words = words_of_codes[code]
            draft.label = draft.suggested = names[code] if named else None
    confirm_codes(drafts, term_hits(texts, codebook, words), vectors, codes)
