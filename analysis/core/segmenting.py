"""Split turns into quote-sized segments at sentence boundaries; spot back-channel turns.

Rule-based on purpose: it runs on already-redacted text, must not need spaCy, and has to
be predictable for reviewers ("a segment never ends mid-sentence").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "SegmentSpan", "is_backchannel", "segment_text", "split_into_segments", "split_sentences",
]

MIN_WORDS, MAX_WORDS, MAX_SENTENCES = 25, 80, 4
# Past the soft sentence limit, keep adding only while short of MIN_WORDS, up to this.
HARD_MAX_SENTENCES = 6
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "mx", "dr", "prof", "st", "pc", "dc", "ds", "sgt", "insp", "rev", "fr",
     "cllr", "e.g", "i.e", "eg", "ie", "etc", "vs", "approx", "dept", "govt", "jr", "sr", "ltd",
     "inc", "co", "no", "nos", "tel", "ref", "fig"])
# Abbreviations that can also end a sentence as ordinary words ("I said no.").
ONLY_BEFORE_NUMBER = frozenset({"no", "nos", "fig"})
BOUNDARY = re.compile(r"[.?!…]+[\"”’')\]]*(?=\s+)")
NEXT_START = re.compile(r"\s+[\"“‘'(\[]?[A-Z0-9\[]")
WORD = re.compile(r"\S+")

BACKCHANNEL_WORDS = frozenset(
    ["yeah", "yes", "yep", "yup", "ya", "aye", "no", "nah", "nope", "mm", "mmm", "mhm", "hm", "hmm",
     "uh", "huh", "uh-huh", "um", "er", "erm", "ok", "okay", "right", "sure", "true", "exactly",
     "definitely", "absolutely", "totally", "same", "sound", "cheers", "thanks", "ta", "lovely",
     "fine", "cool", "good", "great", "brilliant", "nice", "fair", "god", "wow", "ha", "haha", "oh",
     "ah", "aw", "bless", "indeed", "agreed", "correct", "innit", "mate", "babe", "hun", "bro",
     "so", "well", "alright", "all", "yeah-yeah", "true-true", "[name]", "hiya", "hi", "bye"])
BACKCHANNEL_PHRASES = (
    "that's right", "that's it", "that's exactly it", "that's true", "that's fine",
    "that's fair", "that's real", "that's so true", "fair enough", "i agree", "me too",
    "same here", "same with me", "go on", "go on then", "tell 'em", "tell them", "thank you",
    "no way", "oh my god", "i know", "you're right", "too right", "bang on", "spot on",
    "fine by me", "of course", "sounds good", "well done", "exactly the same", "i get you",
    "swear down", "thank you so much", "thanks so much", "it is", "it does", "i do", "i did",
    "you know", "i hear you", "that's the one", "that's mad", "that's sad",
)
MAX_BACKCHANNEL_WORDS = 8


@dataclass(frozen=True)
class SegmentSpan:
    """A quote-sized piece of a turn: offsets into the turn's text, and the text."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Find sentence spans without a model.

    Splits after ``.``, ``?``, ``!`` or ``…`` when the next word starts with a capital,
    digit, quote or ``[`` (a placeholder), except after titles and abbreviations
    ("Mr.", "Dr.", "e.g.") and single-letter initials; line breaks always split.

    Args:
        text: the text to split.

    Returns:
        (start, end) offsets of each sentence, whitespace trimmed.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in BOUNDARY.finditer(line.group()):
            end = line.start() + m.end()
            if not NEXT_START.match(text, end) or _is_abbreviation(text, start, end):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, line.end()))
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            trimmed.append((start + lead, start + len(piece.rstrip())))
    return trimmed


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    before = text[start:end].rstrip("\"”’')]").rstrip(".").split()
    if not before or not text[start:end].rstrip("\"”’')]").endswith("."):
        return False
    word = before[-1].lower().lstrip("(\"“‘'")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if word in ONLY_BEFORE_NUMBER:
        return bool(re.match(r"\s+\d", text[end:]))
    return word in ABBREVIATIONS


def _word_count(text: str) -> int:
    return len(WORD.findall(text))


def segment_text(
    text: str, *, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS,
    max_sentences: int = MAX_SENTENCES,
) -> list[SegmentSpan]:
    """Group a turn's sentences into segments of roughly ``min_words``-``max_words`` words.

    A segment closes before a sentence that would take it past ``max_words``, or once
    it has ``max_sentences`` sentences and at least ``min_words`` words. A single
    sentence longer than ``max_words`` stays whole: never cut mid-sentence. A short
    tail is folded into the segment before it when that stays within ``max_words``.

    Args:
        text: a turn's (redacted) text.
        min_words: the smallest segment aimed for.
        max_words: the largest segment made from more than one sentence.
        max_sentences: the usual most sentences in one segment.

    Returns:
        Segments in order, with offsets into ``text``.
    """
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    words = 0
    for start, end in split_sentences(text):
        count = _word_count(text[start:end])
        full = len(current) >= max_sentences and (words >= min_words
                                                  or len(current) >= HARD_MAX_SENTENCES)
        if current and (words + count > max_words or full):
            groups.append(current)
            current, words = [], 0
        current.append((start, end))
        words += count
    if current:
        tail_fits = groups and words < min_words and (
            _word_count(text[groups[-1][0][0]:groups[-1][-1][1]]) + words <= max_words)
        if tail_fits:
            groups[-1].extend(current)
        else:
            groups.append(current)
    return [SegmentSpan(g[0][0], g[-1][1], text[g[0][0]:g[-1][1]]) for g in groups]


def split_into_segments(text: str, **kwargs: Any) -> list[str]:
    """Return just the segment texts of ``segment_text``.

    Args:
        text: a turn's (redacted) text.
        **kwargs: ``min_words``, ``max_words``, ``max_sentences``.

    Returns:
        The segments' texts in order.
    """
    return [segment.text for segment in segment_text(text, **kwargs)]


def is_backchannel(text: str) -> bool:
    """Say whether a turn is only agreement or acknowledgement ("yeah", "mm", "that's right").

    Such turns stay in the transcript for context but are not analysed or quoted.

    Args:
        text: a turn's text.

    Returns:
        True if every clause is a known back-channel word or phrase (one name being
        addressed is allowed) and the turn is at most eight words long.
    """
    cleaned = text.replace("’", "'").strip()
    if not cleaned or _word_count(cleaned) > MAX_BACKCHANNEL_WORDS:
        return not cleaned
    clauses = [c.strip(" '\"") for c in re.split(r"[,.!?;:…\-–—]+(?=\s|$)", cleaned)]
    clauses = [c for c in clauses if c]
    # One capitalised word beside agreement is someone being addressed: "Cheers, Alex."
    vocative = [c for c in clauses if re.fullmatch(r"[A-Z][a-z'-]+", c)
                and c.lower() not in BACKCHANNEL_WORDS]
    if len(vocative) == 1 and len(clauses) > 1:
        clauses.remove(vocative[0])
    for clause in (c.lower() for c in clauses):
        if clause in BACKCHANNEL_PHRASES:
            continue
        if not all(word.strip("'\"") in BACKCHANNEL_WORDS for word in clause.split()):
            return False
    return True
