"""Vocabulary for the word stage: fillers, justice terms kept whole, phrase patterns.

Kept apart from the analysers so both the spaCy and the plain analyser walk tokens the
same way, and so the lists can be read and edited in one place.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .phrase_units import (
    NO_LEXICON,
    POSSESSIVE,
    Lexicon,
    content_unit,
    label_sized,
    owner_inside,
    thing_before_day,
)
from .phrases import SPEAKER_WORDS

__all__ = [
    "FILLERS",
    "FILLER_PHRASES",
    "Lexicon",
    "PLACEHOLDER",
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
FILLERS = frozenset(
    ["yeah", "yes", "yep", "yup", "no", "nah", "like", "innit", "basically", "literally",
     "actually", "obviously", "really", "just", "right", "okay", "ok", "um", "uh", "er", "erm",
     "mm", "mhm", "hmm", "ah", "oh", "well", "gonna", "wanna", "gotta", "stuff", "thing", "things",
     "lot", "lots", "bit", "get", "got", "getting", "go", "going", "went", "gone", "say", "said",
     "says", "tell", "told", "know", "knew", "think", "thought", "mean", "want", "wanted", "need",
     "needed", "come", "came", "way", "sort", "kind", "guess", "maybe", "probably", "course",
     "sure", "cos", "cause", "etc", "people", "person", "someone", "somebody", "anybody",
     "everybody"])
# Multi-word fillers are removed as phrases before single words are looked at.
FILLER_PHRASES = ("you know", "kind of", "sort of", "i mean", "you see", "at the end of the day",
                  "to be honest", "and that", "or something", "and stuff", "a bit", "a lot")
# Prepositions of several words: their noun heads no phrase ("as a result of the change" is
# no "result of change", "on behalf of the council" no "behalf of council"), so they are
# skipped as fillers are.
COMPOUND_PREPOSITIONS = ("as a result of", "on behalf of", "in favour of", "in terms of",
                         "in front of", "in respect of", "in relation to", "with regard to",
                         "in light of", "by way of", "in spite of", "in place of",
                         "in addition to", "in line with", "by means of", "for the sake of")
# Prepositions allowed inside a noun phrase, so "housing after prison" stays one phrase.
PHRASE_PREPOSITIONS = frozenset({"after", "in", "for", "with", "from", "on", "of", "about",
                                 "without", "before", "at", "to", "into", "out"})
# A closing "+" is part of a word as people write it ("LGBT+", "LGBTQ+").
WORD_PATTERN = re.compile(r"[A-Za-z0-9&]+\+?(?:'[a-z]+)?")
# "of" (tag F) belongs to the noun before it: "proof of address" is one noun group, so a
# phrase never stops short of it ("ID without proof" of "ID without proof of address").
# An owner ("women's", "prisoners'"; tag S after its noun) names the kind of thing it owns,
# so it belongs to that thing's phrase: "residential women's centres" and "specialist women's
# services", not "residential women" and "specialist women" (which read as kinds of women).
# An adjective may stand between nouns of one phrase: "minority ethnic women" and "prison
# mental health services" were cut to "ethnic women" and "mental health services".
_PHRASE = re.compile(r"(?:A*N+S)?A*N+(?:A+N+)*(?:FA*N+)*(?:PA*N+(?:FA*N+)*)?")


@dataclass(frozen=True)
class SegmentWords:
    """Content terms (lemmas and whole justice terms) and noun phrases of one text."""

    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    # Each phrase as it was said, in lower case ("young adults" for "young adult"); may be
    # empty (then phrases are shown as their lemmas).
    forms: tuple[str, ...] = ()


def load_justice_terms(path: Path | str | None = None) -> list[str]:
    """Read the justice-term vocabulary, one term per line, '#' for comments.

    Args:
        path: a text file; defaults to analysis/core/data/justice_terms.txt.

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
    # Marks tokens inside a multi-word filler ("you know") or preposition so they are skipped.
    mask = [False] * len(lowered)
    for phrase in FILLER_PHRASES + COMPOUND_PREPOSITIONS:
        words = phrase.split()
        for i in range(len(lowered) - len(words) + 1):
            if list(lowered[i:i + len(words)]) == words:
                mask[i:i + len(words)] = [True] * len(words)
    return mask


def collect_words(tokens: Sequence[tuple[str, str, str]], index: TermIndex,
                  stop: frozenset[str], lexicon: Lexicon = NO_LEXICON) -> SegmentWords:
    """Walk (lower, lemma, pos) tokens once, emitting terms and noun phrases.

    Phrases follow the tag pattern adjective* noun+ (preposition adjective* noun+)?, where
    each noun group keeps its "of" complements, so "housing after prison", "section 136
    detention" and "ID without proof of address" are phrases; justice terms count
    as nouns. A word the ``lexicon`` knows only as an adjective counts as one whatever the
    tagger said, so a phrase always ends in a noun that names its subject ("helpful
    pleasant" is no phrase; "helpful pleasant staff" is).

    Args:
        tokens: (lower-case word, lemma, coarse tag such as "NOUN"; "" when unknown).
        index: the justice terms.
        stop: stop words.
        lexicon: known nouns and adjectives; empty: the tags are taken as they are.

    Returns:
        ``SegmentWords`` for the text.
    """
    lowered = [t[0] for t in tokens]
    fillers = _filler_mask(lowered)
    terms: list[str] = []
    units: list[tuple[str, str]] = []  # (word as shown in a phrase, one-letter tag)
    said: list[str] = []  # each unit as it was said
    i = 0
    while i < len(tokens):
        if owner_inside(tokens, units, i):
            i += 1  # "a condition of your licence" names "condition of licence"
            continue
        hit = index.match(lowered, i)
        if hit is not None:
            terms.append(hit[1])
            units.append((hit[1], "N"))
            said.append(" ".join(lowered[i:i + hit[0]]))
            i += hit[0]
            continue
        said.append(lowered[i])
        lower, lemma, pos = tokens[i]
        # "LGBT+", "LGBTQ+": the plus is part of the word, as people write it; "move-on" is
        # one word (``phrasal_nouns``).
        letters = lemma.rstrip("+").replace("-", "")
        content = (letters.isalpha() and len(lemma) > 1 and lemma not in stop
                   and lemma not in FILLERS and lower not in stop and not fillers[i])
        if content:
            terms.append(lemma)
        unit = content_unit(lower, lemma, pos, lexicon) if content else None
        if unit is not None:
            units.append(unit)
        elif (pos == "PART" and lower in POSSESSIVE and units and units[-1][1] == "N"
              and lowered[i - 1] not in SPEAKER_WORDS):
            # Not "members' survey": whose it is names the speakers, not a subject.
            units.append((POSSESSIVE[lower], "S"))
        elif (lower in PHRASE_PREPOSITIONS and not fillers[i]
              and not thing_before_day(tokens, units, i, lexicon)):
            units.append((lower, "F" if lower == "of" else "P"))
        else:
            units.append((lower, "O"))
        i += 1
    tags = "".join(tag for _, tag in units)
    phrases, forms = [], []
    for found in _PHRASE.finditer(tags):
        for words, shown in label_sized(units, said, found.start(), found.end()):
            if len(words) > 1 or words[0] in index.shown:
                phrases.append(" ".join(words))
                forms.append(" ".join(shown))
    return SegmentWords(tuple(terms), tuple(phrases), tuple(forms))


# Redaction placeholders ("[name]", "[prison]"): what was taken out is never a theme's word.
PLACEHOLDER = re.compile(r"\[[a-z][a-z _-]*\]")


def prepare_text(text: str) -> str:
    """Blank redaction placeholders; split words joined by a hyphen or slash ("through-the-gate").

    Args:
        text: raw text.

    Returns:
        The same length of text (offsets stay valid), placeholders as spaces and such
        hyphens and slashes turned into spaces.
    """
    text = PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)
    return re.sub(r"(?<=\w)[-/](?=\w)", " ", text)
