"""A codebook's search terms, counted in texts: lemma-aware words, ``word*`` prefixes, RE2.

Deductive coding (``coding``), highlighting (``highlight``) and whether a code's name fits
a theme (``code_fit``) all count terms the same way, here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..patterns import CompiledPattern, PatternError, compile_pattern
from .schema import Code, Codebook
from .vocabulary import word_forms
from .words import WordAnalyser

__all__ = ["CompiledTerm", "compile_terms", "find_terms"]


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


def find_terms(texts: Sequence[str], codebook: Codebook, analyser: WordAnalyser,
               tokens: Sequence[list[tuple[str, str]]] | None = None,
               ) -> list[dict[int, tuple[str, ...]]]:
    """Which of each code's search terms every text says (lemma-aware).

    Args:
        texts: the texts.
        codebook: the codes.
        analyser: gives each word's lemma.
        tokens: ``analyser.lemma_tokens(texts)`` when already made.

    Returns:
        Per text, {code index: the texts of its terms found}, codes without a term left out.
    """
    tokens = analyser.lemma_tokens(list(texts)) if tokens is None else tokens
    index = _TermIndex([compile_terms(code, analyser) for code in codebook.codes])
    return [index.find(text, found) for text, found in zip(texts, tokens, strict=True)]
