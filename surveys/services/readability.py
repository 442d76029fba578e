"""Readability of participant-facing words: reading age, long sentences, hard words, jargon.

The builder shows the warnings and saves anyway; publishing with warnings asks first. Aims
from DESIGN.md: reading age 9 or lower (Flesch-Kincaid grade 4), sentences of 15 words or
fewer, no jargon (``surveys/data/jargon.txt``, with plainer words to use). The grade is worked
out here with pyphen's syllables rather than by textstat, whose import pulls in NLTK and took
seconds on the first survey page of every web worker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

JARGON_FILE = Path(__file__).resolve().parent.parent / "data" / "jargon.txt"
FAMILIAR_FILE = Path(__file__).resolve().parent.parent / "data" / "familiar.txt"
READING_AGE_MAX = 9
# Below this many words, sentence formulas are noise; words are judged one by one.
FORMULA_MIN_WORDS = 8
SENTENCE_WORDS_MAX = 15
# UK reading age is about the US school grade plus 5.
READING_AGE_OFFSET = 5


@dataclass(frozen=True)
class Readability:
    text: str
    grade: float
    reading_age: int
    long_sentences: list[str] = field(default_factory=list)
    jargon: list[tuple[str, str]] = field(default_factory=list)
    hard_words: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        notes = []
        if self.reading_age > READING_AGE_MAX:
            notes.append(
                f"Reading age about {self.reading_age}: aim for {READING_AGE_MAX} or lower. "
                         "Use shorter words and sentences.")
        if self.hard_words:
            listed = ", ".join(f"\u2018{w}\u2019" for w in self.hard_words[:5])
            notes.append(f"Words people may not know: {listed}. Try shorter, everyday words.")
        for sentence in self.long_sentences:
            notes.append(
                f"Long sentence ({len(sentence.split())} words): \u2018{_clip(sentence)}\u2019. "
                f"Keep to {SENTENCE_WORDS_MAX} words or fewer.")
        for word, plainer in self.jargon:
            notes.append(f"\u2018{word}\u2019 may not be understood. Try: \u2018{plainer}\u2019.")
        return notes

    @property
    def ok(self) -> bool:
        return not self.warnings


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


@lru_cache(maxsize=1)
def jargon_list(path: Path = JARGON_FILE) -> list[tuple[str, str]]:
    """(jargon, plainer words) pairs, longest phrase first."""
    pairs = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "|" not in line:
            continue
        word, plainer = (part.strip() for part in line.split("|", 1))
        pairs.append((word, plainer))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def find_jargon(text: str) -> list[tuple[str, str]]:
    """Jargon in the text, each reported once; a phrase hides the words inside it."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for word, plainer in jargon_list():
        for match in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text,
                                 re.IGNORECASE):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            taken.append(span)
            if word.lower() not in {w.lower() for _, w, _ in found}:
                found.append((span[0], match.group(0), plainer))
    return [(word, plainer) for _, word, plainer in sorted(found)]


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=1)
def _hyphenator() -> Pyphen:
    """pyphen's British English dictionary: syllables from hyphenation points (shipped, offline)."""
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


def syllables(word: str) -> int:
    """Syllables in one word, counted from its hyphenation points."""
    return len(_hyphenator().positions(word)) + 1


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """Words most readers know: the Dale-Chall list (shipped inside textstat, read as a file so
    textstat and NLTK are not imported) and everyday words of this forum's members."""
    from importlib.util import find_spec

    spec = find_spec("textstat")
    words = set()
    if spec and spec.origin:
        dale_chall = Path(spec.origin).parent / "resources" / "en" / "easy_words.txt"
        if dale_chall.exists():
            words.update(dale_chall.read_text(encoding="utf-8").split())
    for line in FAMILIAR_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(line.strip())
    return frozenset(w.lower() for w in words)


def is_familiar(word: str) -> bool:
    """A word, or the word it is a plural or past tense of, is on the familiar list."""
    word = word.lower().strip("\u2019'")
    known = familiar_words()
    forms = {word, word.removesuffix("\u2019s").removesuffix("'s")}
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                                ("ing", ""), ("ing", "e"), ("d", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + replacement)
    return bool(forms & known)


def words_of(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+(?:[\u2019'-][A-Za-z]+)*", text)


def word_reading_age(word: str) -> int:
    """How old a reader usually is before they know a word: a familiar word is easy at 7;
    an unknown short word at 8; longer unknown words need an older reader."""
    if is_familiar(word):
        return 7
    return {1: 8, 2: 9, 3: 11}.get(syllables(word), 13)


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade, syllables from pyphen, for text of FORMULA_MIN_WORDS or more."""
    words = words_of(text)
    count = max(1, len(sentences(text)))
    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / count + 11.8 * total / max(1, len(words)) - 15.59


def warnings_for(texts: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(where, warnings) for each labelled string that has any, in the order given."""
    checked = [(where, check_text(text).warnings) for where, text in texts]
    return [(where, warnings) for where, warnings in checked if warnings]


def check_text(text: str) -> Readability:
    """The reading age and warnings for one participant-facing string.

    Sentence formulas mean nothing on a few words ("Money" would score 13), so strings under
    FORMULA_MIN_WORDS words are judged word by word instead: familiar words are easy, unknown
    words get harder with more syllables, and jargon is always named.
    """
    text = (text or "").strip()
    if not text:
        return Readability(text, 0.0, 0)
    words = words_of(text)
    jargon = find_jargon(text)
    long_ones = [s for s in sentences(text) if len(s.split()) > SENTENCE_WORDS_MAX]
    jargon_words = {w.lower() for phrase, _ in jargon for w in words_of(phrase)}
    hard = [w for w in dict.fromkeys(words) if w.lower() not in jargon_words
            and word_reading_age(w) > READING_AGE_MAX]
    if len(words) < FORMULA_MIN_WORDS:
        age = max([word_reading_age(w) for w in words] + [7])
        return Readability(text, float(age - READING_AGE_OFFSET), age, long_ones, jargon, hard)
    grade = max(0.0, flesch_kincaid_grade(text))
    return Readability(text, grade, round(grade) + READING_AGE_OFFSET, long_ones, jargon, hard)
