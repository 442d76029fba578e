"""Where a code's search terms occur in a passage, as character spans to highlight.

Uses the same compiled terms as ``code_documents`` (``compile_terms``), so what a person
sees highlighted is what made the passage match.
"""
from __future__ import annotations

from dataclasses import dataclass

from .schema import Code
from .terms import CompiledTerm, compile_terms
from .vocabulary import WORD_PATTERN, prepare_text
from .words import WordAnalyser

__all__ = ["TermSpan", "find_term_spans", "split_highlights"]


@dataclass(frozen=True)
class TermSpan:
    """``text[start:end]`` matched the search term ``term``."""

    start: int
    end: int
    term: str


def find_term_spans(text: str, code: Code, analyser: WordAnalyser) -> list[TermSpan]:
    """Find every occurrence of a code's search terms in a text.

    Args:
        text: the passage.
        code: the code whose terms to look for.
        analyser: the word analyser the coding used (for lemmas).

    Returns:
        Spans in text order; overlapping spans are merged into the first.
    """
    # prepare_text swaps hyphens and slashes for spaces, so offsets stay the same.
    prepared = prepare_text(text)
    words = list(WORD_PATTERN.finditer(prepared))
    tokens = analyser.lemma_tokens([text])[0]
    if len(tokens) != len(words):  # an analyser that splits words its own way
        tokens = [(m.group().lower(), m.group().lower()) for m in words]
    spans: list[TermSpan] = []
    for term in compile_terms(code, analyser):
        if term.regex is not None:
            spans.extend(TermSpan(m.start(), m.end(), term.text)
                         for m in term.regex.finditer(text) if m.end() > m.start())
            continue
        size = len(term.words)
        for start in range(len(tokens) - size + 1):
            if size and all(_word_matches(term, offset, tokens[start + offset])
                            for offset in range(size)):
                spans.append(
                    TermSpan(words[start].start(), words[start + size - 1].end(), term.text))
    return _merge(sorted(spans, key=lambda s: (s.start, -s.end)))


def _word_matches(term: CompiledTerm, offset: int, token: tuple[str, str]) -> bool:
    lower, lemma = token
    prefix = term.prefixes[offset]
    if prefix is not None:
        return lower.startswith(prefix) or lemma.startswith(prefix)
    return lower in term.words[offset] or lemma in term.words[offset]


def _merge(spans: list[TermSpan]) -> list[TermSpan]:
    merged: list[TermSpan] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = TermSpan(last.start, max(last.end, span.end), last.term)
        else:
            merged.append(span)
    return merged


def split_highlights(text: str, spans: list[TermSpan]) -> list[tuple[str, str | None]]:
    """Cut a text into pieces for display: (piece, term it matched or None).

    Args:
        text: the passage.
        spans: from ``find_term_spans``.

    Returns:
        Pieces in order that join back to ``text``; the caller escapes each piece.
    """
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for span in spans:
        if span.start > at:
            pieces.append((text[at:span.start], None))
        pieces.append((text[span.start:span.end], span.term))
        at = span.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces
