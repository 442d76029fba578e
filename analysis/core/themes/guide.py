"""Codebook guidance: load codes, embed them, and assign segments and clusters to codes.

Theme runs hand the codes to BERTopic as zero-shot topics (``engine.fit_topics``);
``CodeVectors`` (a code's name with description and example phrases) serves deductive
coding by meaning.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .embed import MATRIX_DIMS, Embedder, EmbeddingCache, embed_segments, normalise_rows
from .phrases import GENERIC_HEADS, PREPOSITIONS
from .schema import Code, Codebook, SegmentInput
from .vocabulary import SegmentWords
from .words import WordAnalyser

__all__ = [
    "CODEBOOK_FILE",
    "anchor_texts",
    "free_text_hash",
    "CodeVectors",
    "codebook_from_dict",
    "embed_codebook",
    "code_words",
    "embed_free_texts",
    "load_codebook",
    "subject_hints",
]

CODEBOOK_FILE = Path(__file__).resolve().parents[1] / "data" / "codebook.json"


def codebook_from_dict(data: dict[str, Any]) -> Codebook:
    """Build a ``Codebook`` from {"codes": [{name, description, examples, search_terms}]}.

    Args:
        data: parsed JSON.

    Returns:
        A ``Codebook``; names must be unique.

    Raises:
        ValueError: on a missing or repeated name.
    """
    codes = []
    for item in data.get("codes", []):
        name = str(item.get("name", "")).strip()
        if not name:
            raise ValueError("every code needs a name")
        codes.append(Code(name=name, description=str(item.get("description", "")),
                          examples=tuple(item.get("examples", ())),
                          search_terms=tuple(item.get("search_terms", ()))))
    names = [c.name.lower() for c in codes]
    if len(set(names)) != len(names):
        raise ValueError("code names must be unique")
    return Codebook(tuple(codes))


def load_codebook(path: Path | str | None = None) -> Codebook:
    """Read a codebook JSON file (the default is DESIGN.md's 14 seed themes).

    Args:
        path: a JSON file, or None for analysis/core/data/codebook.json.

    Returns:
        A ``Codebook``.
    """
    return codebook_from_dict(json.loads(Path(path or CODEBOOK_FILE).read_text("utf-8")))


def free_text_hash(text: str) -> str:
    """Args: a text that is no segment (a code's anchor, a question). Returns: its key in the
    embedding cache (a segment's text is keyed alike, so the same words share one vector)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def anchor_texts(name: str, description: str, examples: Sequence[str]) -> list[str]:
    """Args: a code's name, description and examples. Returns: the texts embedded as its
    anchors: "name: description", then each example."""
    return [f"{name}: {description}".strip(": "), *examples]


def embed_free_texts(texts: Sequence[str], embedder: Embedder,
                     cache: EmbeddingCache | None) -> np.ndarray:
    """Embed texts that are not segments (codes, questions) through the same cache.

    Args:
        texts: the texts.
        embedder: any ``Embedder``.
        cache: any ``EmbeddingCache`` or None.

    Returns:
        (n, d) unit rows; a re-run with the same codebook embeds nothing.
    """
    pseudo = [SegmentInput(id=i, text=t, text_hash=free_text_hash(t)) for i, t in enumerate(texts)]
    return embed_segments(pseudo, embedder, cache)


class CodeVectors:
    """Anchor vectors per code, and each code's centre (mean of its anchors)."""

    def __init__(self, codebook: Codebook, anchors: np.ndarray, owner: np.ndarray) -> None:
        self.codebook = codebook
        self.anchors = anchors
        self.owner = owner
        n = len(codebook.codes)
        width = anchors.shape[1] if anchors.ndim == MATRIX_DIMS else 0
        self.centres = (normalise_rows(np.stack([anchors[owner == c].mean(axis=0)
                                                 for c in range(n)]))
                        if n else np.zeros((0, width), dtype=np.float32))

    def similarity(self, vectors: np.ndarray) -> np.ndarray:
        """Args: (n, d) unit rows. Returns: (n, codes) best similarity to any anchor."""
        n_codes = len(self.codebook.codes)
        if n_codes == 0 or len(vectors) == 0:
            return np.zeros((len(vectors), n_codes))
        sims = vectors @ self.anchors.T
        return np.stack([sims[:, self.owner == c].max(axis=1) for c in range(n_codes)], axis=1)


def embed_codebook(codebook: Codebook, embedder: Embedder,
                   cache: EmbeddingCache | None = None) -> CodeVectors:
    """Embed each code's "name: description" and example phrases as its anchors.

    Args:
        codebook: the codebook (may be empty).
        embedder: any ``Embedder``.
        cache: optional cache for the anchor texts.

    Returns:
        ``CodeVectors``.
    """
    texts, owner = [], []
    for index, code in enumerate(codebook.codes):
        anchors = anchor_texts(code.name, code.description, code.examples)
        texts.extend(anchors)
        owner.extend([index] * len(anchors))
    vectors = embed_free_texts(texts, embedder, cache) if texts else np.zeros((0, 0), np.float32)
    return CodeVectors(codebook, vectors, np.array(owner, dtype=int))


# A theme's centre must be this much closer to one code than to any other for that code
# to hint at its subject (MiniLM similarities of clusters to codes differ by 0.0-0.1).
HINT_MARGIN = 0.04
# ... and its name becomes the label only when this share of the theme's segments say
# one of the code's own words, so a label never names a subject nobody mentioned.
HINT_SUPPORT = 0.25


def code_words(codebook: Codebook, analyser: WordAnalyser) -> list[frozenset[str]]:
    """The content words (lemmas) of each code's name and description.

    Args:
        codebook: the codebook.
        analyser: the run's word analyser.

    Returns:
        One set of words per code.
    """
    found = analyser.analyse([f"{c.name}. {c.description}" for c in codebook.codes])
    return [frozenset(w for term in f.terms + f.phrases for w in term.split()
                      if w not in GENERIC_HEADS and w not in PREPOSITIONS) for f in found]


def subject_hints(groups: Sequence[Sequence[int]], vectors: np.ndarray, codes: CodeVectors,
                  words_of_codes: Sequence[frozenset[str]], words: Sequence[SegmentWords],
                  taken: Collection[int] = ()) -> list[tuple[int | None, bool]]:
    """The code each theme is clearly nearest, and whether its name may label the theme.

    Weaker than ``rules.codes_that_fit`` (most segments fit the code): the theme's centre
    is nearest the code by ``HINT_MARGIN`` over the runner-up. Its words then guide the
    label; its name is the label when ``HINT_SUPPORT`` of the theme's segments say its
    words, no other theme is nearer that code, and the code is not ``taken``.

    Args:
        groups: per theme, row indices into ``vectors`` and ``words``.
        vectors: (n, d) unit rows.
        codes: from ``embed_codebook``.
        words_of_codes: from ``code_words``.
        words: per-row ``SegmentWords``.
        taken: codes already naming a theme.

    Returns:
        Per theme, (code index or None, name may be the label).
    """
    n_codes = len(codes.codebook.codes)
    hints: list[tuple[int | None, float, float]] = []
    for rows in groups:
        if not n_codes or not len(rows):
            hints.append((None, 0.0, 0.0))
            continue
        centre = normalise_rows(vectors[list(rows)].mean(axis=0, keepdims=True))[0]
        sims = codes.centres @ centre
        order = np.argsort(-sims, kind="stable")
        runner_up = float(sims[order[1]]) if n_codes > 1 else 0.0
        if float(sims[order[0]]) - runner_up < HINT_MARGIN:
            hints.append((None, 0.0, 0.0))
            continue
        code = int(order[0])
        said = sum(1 for r in rows if words_of_codes[code] & {
            w for term in words[r].terms + words[r].phrases for w in term.split()})
        hints.append((code, float(sims[code]), said / len(rows)))
    out: list[tuple[int | None, bool]] = []
    for hinted, sim, share in hints:
        nearest = hinted is not None and all(
            other[0] != hinted or other[1] <= sim for other in hints)
        out.append((hinted, hinted is not None and nearest and share >= HINT_SUPPORT
                    and hinted not in taken))
    return out
