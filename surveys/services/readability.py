"""Readability of participant-facing words: reading age, long sentences, jargon.

It only warns: the builder shows the warnings and saves anyway. Aims from DESIGN.md:
Flesch-Kincaid grade 4 or lower (reading age about 9), sentences of 15 words or fewer,
no jargon (the list is ``surveys/data/jargon.txt``, with plainer words to use).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

JARGON_FILE = Path(__file__).resolve().parent.parent / "data" / "jargon.txt"
GRADE_MAX = 4
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

    @property
    def warnings(self) -> list[str]:
        notes = []
        if self.grade > GRADE_MAX:
            notes.append(f"Reading age about {self.reading_age}: aim for 9 or lower. "
                         "Use shorter words and sentences.")
        for sentence in self.long_sentences:
            notes.append(f"Long sentence ({len(sentence.split())} words): \u2018{_clip(sentence)}\u2019. "
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
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "|" not in line:
            continue
        word, plainer = (part.strip() for part in line.split("|", 1))
        pairs.append((word, plainer))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def find_jargon(text: str) -> list[tuple[str, str]]:
    """Jargon in the text, each reported once; a phrase hides the words inside it."""
    found, taken = [], []
    for word, plainer in jargon_list():
        for match in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text, re.IGNORECASE):
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
def _textstat():
    """textstat, with syllables counted by pyphen (shipped) rather than NLTK's cmudict,
    which textstat 0.7.13 would try to download at run time."""
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: None
    return textstat


def check_text(text: str) -> Readability:
    """The reading age and warnings for one participant-facing string."""
    text = (text or "").strip()
    if not text:
        return Readability(text, 0.0, 0)
    grade = max(0.0, float(_textstat().flesch_kincaid_grade(text)))
    long_ones = [s for s in sentences(text) if len(s.split()) > SENTENCE_WORDS_MAX]
    return Readability(text, grade, round(grade) + READING_AGE_OFFSET, long_ones, find_jargon(text))
