"""Deductive coding: a codebook's search terms and definitions applied across sources.

The result is a framework matrix (source x code -> present?, how many passages, which
passages and why), like a comparison table of 42 police and crime plans. People confirm
or reject each match in the web layer; this module only proposes.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..patterns import CompiledPattern, PatternError, compile_pattern
from .embed import Embedder, EmbeddingCache, embed_segments
from .guide import embed_codebook
from .pipeline import sort_segments
from .schema import Code, Codebook, SegmentInput
from .vocabulary import word_forms
from .words import WordAnalyser, default_word_analyser

__all__ = ["CodingCell", "CodingMatch", "CodingMatrix", "CompiledTerm", "code_documents",
           "compile_terms"]


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


@dataclass(frozen=True)
class CompiledTerm:
    """One search term of a code, ready to count: an RE2 pattern, or word forms per position."""

    text: str
    regex: CompiledPattern | None = None
    words: tuple[frozenset[str], ...] = ()  # allowed forms per word position
    prefixes: tuple[str | None, ...] = ()


def compile_terms(code: Code, analyser: WordAnalyser) -> list[CompiledTerm]:
    """Prepare a code's search terms: ``re:`` regex, ``word*`` prefix, or lemma phrase.

    Args:
        code: the code.
        analyser: gives each term word's lemma, so "children" also finds "child".

    Returns:
        Compiled terms (internal shape).
    """
    compiled = []
    plain = [t for t in code.search_terms if not t.startswith("re:")]
    lemmas = analyser.lemma_tokens([t.replace("*", "") for t in plain]) if plain else []
    for term in code.search_terms:
        if term.startswith("re:"):
            try:  # RE2: linear time, so a staff pattern cannot hang a worker
                compiled.append(CompiledTerm(term, regex=compile_pattern(term[3:])))
            except PatternError:
                continue  # saved before patterns were checked for RE2: matches nothing
    for term, lemmatised in zip(plain, lemmas, strict=True):
        raw = [w for w in re.findall(r"[\w&']+\*?", term.lower())]
        tokens = lemmatised
        if not tokens or len(raw) != len(tokens):
            tokens = [(w.rstrip("*"), w.rstrip("*")) for w in raw]
        # The analyser's lemma plus simple inflections ("breach" -> "breached"), so a
        # term matches even where the lemmatiser is crude or missing.
        forms = tuple(frozenset({lower, lemma} | word_forms(lower)) for lower, lemma in tokens)
        prefixes = tuple(w.rstrip("*") if w.endswith("*") else None for w in raw)
        compiled.append(CompiledTerm(term, words=forms, prefixes=prefixes))
    return compiled


def _count(term: CompiledTerm, text: str, tokens: list[tuple[str, str]],
           starts: Sequence[int] | None = None) -> int:
    if term.regex is not None:
        return len(term.regex.findall(text))
    size, hits = len(term.words), 0
    for start in (range(len(tokens) - size + 1) if starts is None else starts):
        if start + size > len(tokens):
            continue
        for offset in range(size):
            lower, lemma = tokens[start + offset]
            prefix = term.prefixes[offset]
            if prefix is not None:
                ok = lower.startswith(prefix) or lemma.startswith(prefix)
            else:
                ok = lower in term.words[offset] or lemma in term.words[offset]
            if not ok:
                break
        else:
            hits += 1
    return hits


class _TermIndex:
    """Every code's terms by their first word, so a passage is only checked for terms
    whose first word it contains (most terms never occur in most passages)."""

    def __init__(self, compiled: list[list[CompiledTerm]]):
        self.compiled = compiled
        self.by_word: dict[str, list[tuple[int, int]]] = {}
        self.always: list[tuple[int, int]] = []  # patterns and prefixes: checked another way
        for column, terms in enumerate(compiled):
            for number, term in enumerate(terms):
                if term.regex is not None or not term.words or term.prefixes[0] is not None:
                    self.always.append((column, number))
                else:
                    for form in term.words[0]:
                        self.by_word.setdefault(form, []).append((column, number))

    def find(self, text: str, tokens: list[tuple[str, str]]) -> dict[int, tuple[str, ...]]:
        """Returns: code column -> the texts of its terms found in the passage, in term order."""
        positions: dict[str, list[int]] = {}
        for index, pair in enumerate(tokens):
            for word in set(pair):
                positions.setdefault(word, []).append(index)
        joined = " " + " ".join(positions)
        candidates = {pair for w in positions for pair in self.by_word.get(w, ())}
        for column, number in self.always:
            term = self.compiled[column][number]
            if term.regex is not None or not term.words or f" {term.prefixes[0]}" in joined:
                candidates.add((column, number))
        found: dict[int, list[str]] = {}
        for column, number in sorted(candidates):
            term = self.compiled[column][number]
            starts = None
            if term.words and term.prefixes[0] is None:
                starts = sorted({i for form in term.words[0] for i in positions.get(form, ())})
            if _count(term, text, tokens, starts):
                found.setdefault(column, []).append(term.text)
        return {column: tuple(texts) for column, texts in found.items()}


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
    index = _TermIndex(
        [compile_terms(code, analyser) if use_terms else [] for code in codebook.codes])
    for row, passage in enumerate(ordered):
        hits = index.find(passage.text, tokens[row]) if use_terms else {}
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
