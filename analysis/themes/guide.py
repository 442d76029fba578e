"""Codebook guidance: load codes, embed them, and assign segments and clusters to codes.

Zero-shot in BERTopic's sense: a segment close enough to one of a code's anchors (its
name with description, or any example phrase) joins that code before free clustering;
a free cluster whose centre is close enough to a code's centre is folded into it after.
What is left over becomes new themes, marked ``is_new``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

import numpy as np

from .embed import Embedder, EmbeddingCache, embed_segments, normalise_rows
from .schema import Code, Codebook, SegmentInput

__all__ = [
    "CODEBOOK_FILE",
    "CodeVectors",
    "assign_codes",
    "codebook_from_dict",
    "embed_codebook",
    "embed_free_texts",
    "load_codebook",
    "match_clusters_to_codes",
]

CODEBOOK_FILE = Path(__file__).resolve().parents[1] / "data" / "codebook.json"


def codebook_from_dict(data: dict) -> Codebook:
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
        path: a JSON file, or None for analysis/data/codebook.json.

    Returns:
        A ``Codebook``.
    """
    return codebook_from_dict(json.loads(Path(path or CODEBOOK_FILE).read_text("utf-8")))


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
    pseudo = [SegmentInput(id=i, text=t, text_hash=hashlib.sha256(t.encode("utf-8")).hexdigest())
              for i, t in enumerate(texts)]
    return embed_segments(pseudo, embedder, cache)


class CodeVectors:
    """Anchor vectors per code, and each code's centre (mean of its anchors)."""

    def __init__(self, codebook: Codebook, anchors: np.ndarray, owner: np.ndarray) -> None:
        self.codebook = codebook
        self.anchors = anchors
        self.owner = owner
        n = len(codebook.codes)
        width = anchors.shape[1] if anchors.ndim == 2 else 0
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
        anchors = [f"{code.name}: {code.description}".strip(": ")] + list(code.examples)
        texts.extend(anchors)
        owner.extend([index] * len(anchors))
    vectors = embed_free_texts(texts, embedder, cache) if texts else np.zeros((0, 0), np.float32)
    return CodeVectors(codebook, vectors, np.array(owner, dtype=int))


def assign_codes(vectors: np.ndarray, codes: CodeVectors, threshold: float,
                 margin: float) -> tuple[np.ndarray, np.ndarray]:
    """Assign a segment to a code when it is clearly closest to that code.

    Args:
        vectors: (n, d) segment unit rows.
        codes: from ``embed_codebook``.
        threshold: least similarity to one of the code's anchors.
        margin: least lead over the next code, so a segment between two codes is left
            to the clustering rather than guessed.

    Returns:
        (code index per segment or -1, best similarity per segment).
    """
    sims = codes.similarity(vectors)
    if sims.shape[1] == 0:
        return np.full(len(vectors), -1), np.zeros(len(vectors))
    order = np.argsort(-sims, axis=1, kind="stable")
    best = sims[np.arange(len(sims)), order[:, 0]]
    second = sims[np.arange(len(sims)), order[:, 1]] if sims.shape[1] > 1 else np.zeros(len(sims))
    chosen = np.where((best >= threshold) & (best - second >= margin), order[:, 0], -1)
    return chosen, best


def match_clusters_to_codes(cluster_centres: np.ndarray, code_centres: np.ndarray,
                            threshold: float) -> np.ndarray:
    """Fold free clusters into codes whose centre is close enough.

    ``code_centres`` should be the centres of segments already assigned to each code
    (falling back to the anchors' centre), so codes are compared like with like.

    Args:
        cluster_centres: (k, d) unit rows.
        code_centres: (codes, d) unit rows.
        threshold: least similarity for a match.

    Returns:
        Code index per cluster, or -1 for a new theme.
    """
    if len(cluster_centres) == 0 or len(code_centres) == 0:
        return np.full(len(cluster_centres), -1)
    sims = cluster_centres @ code_centres.T
    best = np.argmax(sims, axis=1)
    return np.where(sims[np.arange(len(sims)), best] >= threshold, best, -1)
