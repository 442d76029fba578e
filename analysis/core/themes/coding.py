"""Deductive coding: a codebook's search terms and definitions applied across sources.

The result is a framework matrix (source x code -> present?, how many passages, which
passages and why), like a comparison table of 42 police and crime plans. People confirm
or reject each match in the web layer; this module only proposes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .embed import Embedder, EmbeddingCache, embed_segments
from .guide import embed_codebook
from .schema import Codebook, SegmentInput, sort_segments
from .terms import CompiledTerm, compile_terms, find_terms
from .words import WordAnalyser, default_word_analyser

__all__ = ["CodingCell", "CodingMatch", "CodingMatrix", "CompiledTerm", "code_documents",
           "compile_terms", "find_terms"]


@dataclass(frozen=True)
class CodingMatch:
    """Why one passage was coded: "term", "meaning" or "term+meaning"."""

    passage_id: int
    how: str
    terms: tuple[str, ...]
    similarity: float


@dataclass
class CodingCell:
    """One source x code cell of the matrix."""

    source_key: str
    code: str
    present: bool = False
    count: int = 0
    passage_ids: list[int] = field(default_factory=list)
    matches: list[CodingMatch] = field(default_factory=list)


@dataclass
class CodingMatrix:
    """Sources (rows) x codes (columns); ``cells[(source, code)]``."""

    sources: list[str]
    codes: list[str]
    cells: dict[tuple[str, str], CodingCell]

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows for CSV export.

        Returns:
            One dict per cell: source, code, present ("yes"/"no"), count, passage_ids.
        """
        return [{"source": s, "code": c, "present": "yes" if self.cells[(s, c)].present else "no",
                 "count": self.cells[(s, c)].count,
                 "passage_ids": " ".join(map(str, self.cells[(s, c)].passage_ids))}
                for s in self.sources for c in self.codes]


def code_documents(passages: Sequence[SegmentInput], codebook: Codebook, *,
                   embedder: Embedder | None = None, cache: EmbeddingCache | None = None,
                   words: WordAnalyser | None = None, threshold: float = 0.55,
                   use_terms: bool = True) -> CodingMatrix:
    """Code passages against a codebook and gather the results per source.

    A passage is coded when one of the code's search terms occurs in it (lemma-aware),
    or, with an embedder, when it is at least ``threshold`` similar to the code's
    definition or one of its example phrases.

    Args:
        passages: segments from any sources (documents, transcripts, surveys).
        codebook: the codes.
        embedder: optional; without it only search terms are used.
        cache: embedding cache for the passages and code texts.
        words: word analyser for lemmas (defaults to spaCy).
        threshold: least similarity for a match by meaning.
        use_terms: False to code by meaning only.

    Returns:
        A ``CodingMatrix`` with a cell for every source and code.
    """
    ordered = sort_segments(passages)
    analyser = words or default_word_analyser()
    sources = list(dict.fromkeys(p.source_key for p in ordered))
    names = codebook.names()
    cells = {(s, c): CodingCell(s, c) for s in sources for c in names}
    tokens = analyser.lemma_tokens([p.text for p in ordered]) if use_terms else []
    sims = np.zeros((len(ordered), len(names)))
    if embedder is not None and ordered and names:
        vectors = embed_segments(ordered, embedder, cache)
        sims = embed_codebook(codebook, embedder, cache).similarity(vectors)
    found_terms = (find_terms([p.text for p in ordered], codebook, analyser, tokens)
                   if use_terms else [{} for _ in ordered])
    for row, passage in enumerate(ordered):
        hits = found_terms[row]
        for column, code in enumerate(codebook.codes):
            found = hits.get(column, ())
            close = embedder is not None and sims[row, column] >= threshold
            if not found and not close:
                continue
            how = "term+meaning" if found and close else ("term" if found else "meaning")
            cell = cells[(passage.source_key, code.name)]
            cell.matches.append(CodingMatch(passage.id, how, found,
                                            round(float(sims[row, column]), 3)))
            cell.passage_ids.append(passage.id)
            cell.count += 1
            cell.present = True
    return CodingMatrix(sources=sources, codes=names, cells=cells)
