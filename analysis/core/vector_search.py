"""Brute-force meaning search: one float32 matrix of stored vectors, one matrix product a query.

Vectors are keyed by text hash, and a text's vector never changes, so a process keeps
every vector it has loaded and only ever adds rows: nothing to invalidate. On two CPU
cores a product over 50,000 x 384 vectors takes a few milliseconds
(``bench/search_speed.py``), so no approximate index is needed at this size.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence

import numpy as np

__all__ = ["VectorStore"]


class VectorStore:
    """Unit vectors by text hash for one model, in one growing matrix (thread-safe)."""

    def __init__(self, dimensions: int | None = None) -> None:
        self._row: dict[str, int] = {}
        self._matrix = np.zeros((0, dimensions or 0), dtype=np.float32)
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._size

    def missing(self, hashes: Sequence[str]) -> list[str]:
        """Args: text hashes. Returns: those not held yet, without repeats."""
        return [h for h in dict.fromkeys(hashes) if h not in self._row]

    def add(self, vectors: Mapping[str, np.ndarray]) -> None:
        """Hold more vectors (rows are scaled to unit length; known hashes are skipped).

        Args:
            vectors: {text hash: vector}, all of one length.
        """
        fresh = [(h, v) for h, v in vectors.items() if h not in self._row]
        if not fresh:
            return
        block = np.stack([np.asarray(v, dtype=np.float32) for _, v in fresh])
        norms = np.linalg.norm(block, axis=1, keepdims=True)
        block /= np.where(norms == 0, 1.0, norms)
        with self._lock:
            if self._matrix.shape[1] not in (0, block.shape[1]):
                raise ValueError("vectors of different lengths cannot share one store")
            need = self._size + len(fresh)
            if need > len(self._matrix):  # grow by doubling: adding stays cheap
                grown = np.zeros((max(need, 2 * len(self._matrix)), block.shape[1]), np.float32)
                if self._size:
                    grown[:self._size] = self._matrix[:self._size]
                self._matrix = grown
            self._matrix[self._size:need] = block
            for i, (text_hash, _) in enumerate(fresh):
                self._row[text_hash] = self._size + i
            self._size = need

    def load(self, hashes: Sequence[str],
             fetch: Callable[[list[str]], Mapping[str, np.ndarray]]) -> None:
        """Fetch and hold the vectors of any hashes not held yet.

        Args:
            hashes: text hashes wanted.
            fetch: returns {hash: vector} for the hashes it has (a cache's ``get_many``).
        """
        wanted = self.missing(hashes)
        if wanted:
            self.add(fetch(wanted))

    def index_of(self, hashes: Sequence[str]) -> np.ndarray:
        """Args: text hashes. Returns: each one's row (-1 where no vector is held)."""
        rows = self._row
        return np.fromiter((rows.get(h, -1) for h in hashes), dtype=np.int64, count=len(hashes))

    def scores(self, query: np.ndarray, index: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query to the rows ``index_of`` gave.

        Args:
            query: one vector of the store's length.
            index: rows from ``index_of`` (rows are never moved, so an index stays valid).

        Returns:
            A float32 array, one value per row; NaN where the row is -1.
        """
        with self._lock:
            matrix = self._matrix[:self._size]
        query = np.asarray(query, dtype=np.float32).ravel()
        out = np.full(len(index), np.nan, dtype=np.float32)
        if not len(matrix) or query.shape[0] != matrix.shape[1]:
            return out
        query = query / (float(np.linalg.norm(query)) or 1.0)
        known = index >= 0
        # Scoring every held row beats gathering rows first: one product, no copy.
        out[known] = (matrix @ query)[index[known]]
        return out

    def similarities(self, query: np.ndarray, hashes: Sequence[str]) -> np.ndarray:
        """Cosine similarity of the query to each hash's vector.

        Args:
            query: one vector of the store's length.
            hashes: the texts to score, in the order wanted.

        Returns:
            A float32 array, one value per hash; NaN where no vector is held.
        """
        return self.scores(query, self.index_of(hashes))
