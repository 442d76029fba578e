"""Vocabulary for the word stage: fillers, justice terms kept whole, phrase patterns.

Kept apart from the analysers so both the spaCy and the plain analyser walk tokens the
same way, and so the lists can be read and edited in one place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

__all__ = [
    "FILLERS",
    "FILLER_PHRASES",
    "SegmentWords",
    "TermIndex",
    "collect_words",
    "load_justice_terms",
    "prepare_text",
    "word_forms",
]

DATA = Path(__file__).resolve().parents[1] / "data"
JUSTICE_TERMS_FILE = DATA / "justice_terms.txt"

# Single-word fillers and generic speech verbs: frequent in transcripts, never a theme.
FILLERS = frozenset("""
yeah yes yep yup no nah like innit basically literally actually obviously really just
right okay ok um uh er erm mm mhm hmm ah oh well gonna wanna gotta stuff thing things
lot lots bit get got getting go going went gone say said says tell told know knew think
thought mean want wanted need needed come came way sort kind guess maybe
probably course sure cos cause etc people person someone somebody anybody everybody
""".split())
# Multi-word fillers are removed as phrases before single words are looked at.
FILLER_PHRASES = ("you know", "kind of", "sort of", "i mean", "you see", "at the end of the day",
                  "to be honest", "and that", "or something", "and stuff", "a bit", "a lot")
# Prepositions allowed inside a noun phrase, so "housing after prison" stays one phrase.
PHRASE_PREPOSITIONS = frozenset({"after", "in", "for", "with", "from", "on", "of", "about",
                                 "without", "before", "at", "to", "into", "out"})
MAX_PHRASE_WORDS = 5
WORD_PATTERN = re.compile(r"[A-Za-z0-9&]+(?:'[a-z]+)?")
_PHRASE = re.compile(r"A*N+(?:PA*N+)?")


@dataclass(frozen=True)
class SegmentWords:
    """Content terms (lemmas and whole justice terms) and noun phrases of one text."""

    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()


def load_justice_terms(path: Path | str | None = None) -> list[str]:
    """Read the justice-term vocabulary, one term per line, '#' for comments.

    Args:
        path: a text file; defaults to analysis/data/justice_terms.txt.

    Returns:
        The terms as written (display case).
    """
    text = Path(path or JUSTICE_TERMS_FILE).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def word_forms(word: str) -> set[str]:
    """Cheap inflections of a word ("breach" -> "breached", "breaches", "breaching").

    Lets "breached" match "breach" without a lemmatiser; forms that are not words
    never occur in text, so they do no harm.

    Args:
        word: a lower-case word.

    Returns:
        The word and its simple -s/-es/-ed/-d/-ing forms.
    """
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    return forms


@dataclass
class TermIndex:
    """Greedy longest-match lookup of multi-word terms over lower-cased token lists."""

    terms: Sequence[str]
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for term in self.terms:
            words = tuple(WORD_PATTERN.findall(term.lower()))
            if not words:
                continue
            canonical = " ".join(words)
            self.shown[canonical] = term
            for last in word_forms(words[-1]):
                form = words[:-1] + (last,)
                self.by_first.setdefault(form[0], []).append((form, canonical))
        for options in self.by_first.values():
            options.sort(key=lambda o: -len(o[0]))  # longest first: "on licence" before "on"

    def match(self, lowered: Sequence[str], start: int) -> tuple[int, str] | None:
        """Args: lowered tokens, start index. Returns: (length, canonical term) or None."""
        for form, canonical in self.by_first.get(lowered[start], ()):
            if tuple(lowered[start:start + len(form)]) == form:
                return len(form), canonical
        return None


def _filler_mask(lowered: Sequence[str]) -> list[bool]:
    # Marks tokens inside a multi-word filler ("you know") so they are skipped.
    mask = [False] * len(lowered)
    for phrase in FILLER_PHRASES:
        words = phrase.split()
        for i in range(len(lowered) - len(words) + 1):
            if list(lowered[i:i + len(words)]) == words:
                mask[i:i + len(words)] = [True] * len(words)
    return mask


def collect_words(tokens: Sequence[tuple[str, str, str]], index: TermIndex,
                  stop: frozenset[str]) -> SegmentWords:
    """Walk (lower, lemma, pos) tokens once, emitting terms and noun phrases.

    Phrases follow the tag pattern adjective* noun+ (preposition adjective* noun+)?, so
    "housing after prison" and "section 136 detention" are phrases; justice terms count
    as nouns.

    Args:
        tokens: (lower-case word, lemma, coarse tag such as "NOUN"; "" when unknown).
        index: the justice terms.
        stop: stop words.

    Returns:
        ``SegmentWords`` for the text.
    """
    lowered = [t[0] for t in tokens]
    fillers = _filler_mask(lowered)
    terms: list[str] = []
    units: list[tuple[str, str]] = []  # (word as shown in a phrase, one-letter tag)
    i = 0
    while i < len(tokens):
        hit = index.match(lowered, i)
        if hit is not None:
            terms.append(hit[1])
            units.append((hit[1], "N"))
            i += hit[0]
            continue
        lower, lemma, pos = tokens[i]
        content = (lemma.isalpha() and len(lemma) > 1 and lemma not in stop
                   and lemma not in FILLERS and lower not in stop and not fillers[i])
        if content:
            terms.append(lemma)
        if content and pos in ("NOUN", "PROPN"):
            units.append((lemma if pos == "NOUN" else lower, "N"))
        elif content and pos == "ADJ":
            units.append((lower, "A"))
        elif content and not pos:
            units.append((lemma, "O" if lower.endswith(("ed", "ly")) else "N"))
        elif lower in PHRASE_PREPOSITIONS and not fillers[i]:
            units.append((lower, "P"))
        else:
            units.append((lower, "O"))
        i += 1
    tags = "".join(tag for _, tag in units)
    phrases = []
    for found in _PHRASE.finditer(tags):
        words = [units[k][0] for k in range(found.start(), found.end())]
        if (len(words) > 1 or words[0] in index.shown) and len(words) <= MAX_PHRASE_WORDS:
            phrases.append(" ".join(words))
    return SegmentWords(tuple(terms), tuple(phrases))


def prepare_text(text: str) -> str:
    """Split words joined by a hyphen or slash, as people say them ("through-the-gate").

    Args:
        text: raw text.

    Returns:
        The text with such hyphens and slashes turned into spaces.
    """
    return re.sub(r"(?<=\w)[-/](?=\w)", " ", text)
