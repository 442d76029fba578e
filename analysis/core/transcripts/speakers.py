"""Split plain transcript text into speaker turns.

Shapes understood, mixed freely in one file:

* ``Name: text`` and ``Speaker 2: text``
* ``[00:01:23] Name: text`` (also ``(00:01:23)`` or a bare time before the name)
* Otter/Teams/Rev style: ``Name  0:03`` or ``Name (00:01:23):`` alone on a line, then the
  words on the following lines (Teams' ``Surname, Forename  0:03`` too)
* ``Name:`` alone on a line, then the words
* unlabelled text: one turn per paragraph, speaker None

A label must start a line, be short (at most 4 words, 40 characters) and either recur,
be a generic label (Speaker 2, Facilitator), or look like a name where a speaker label
belongs (with a time, on its own line, or opening a paragraph). So "Note: ..." inside
prose, URLs and clock times are not taken for speakers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import ParsedTurn

__all__ = ["accept_label", "parse_speaker_text", "parse_timestamp", "split_inline_label"]

TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
INLINE = re.compile(
    rf"^\s*(?:[\[(]?(?P<ts>{TS})[\])]?\s*[-–]?\s*)?(?P<label>[^\s:\[(][^:\n]{{0,39}}?)\s*"
    rf"(?:[\[(](?P<ts2>{TS})[\])])?\s*:\s+(?:[\[(](?P<ts3>{TS})[\])]\s*)?(?P<text>\S.*)$"
)
HEADER_WITH_TIME = re.compile(
    rf"^\s*(?P<label>[^\s:\[(\d][^:\n]{{0,39}}?)\s*(?:[-–|]\s*)?[\[(]?(?P<ts>{TS})[\])]?\s*:?\s*$"
)
HEADER_COLON = re.compile(r"^\s*(?P<label>[^\s:\[(\d][^:\n]{0,39}?)\s*:\s*$")
TIME_ONLY = re.compile(rf"^\s*[\[(]?(?P<ts>{TS})[\])]?\s*$")

GENERIC = re.compile(
    r"^(?:speaker|participant|interviewee|interviewer|respondent|person|member|voice|guest"
    r"|facilitator|moderator|observer|notetaker|researcher|p|r|s|spk)\s*[-_]?\s*\d{1,3}$",
    re.IGNORECASE,
)
ROLES = frozenset({
    "facilitator", "co-facilitator", "interviewer", "interviewee", "moderator", "researcher",
    "peer researcher", "participant", "observer", "notetaker", "note taker", "host", "unknown",
    "unknown speaker", "inaudible", "all", "group", "several", "q", "a", "respondent",
})
NOT_LABELS = frozenset(
    ["note", "notes", "nb", "ps", "update", "edit", "warning", "tip", "example", "source", "date",
     "time", "location", "venue", "present", "attendees", "apologies", "subject", "re", "title",
     "session", "topic", "agenda", "duration", "transcript", "recording", "http", "https", "total",
     "summary", "action", "actions", "outcome", "file", "url", "link", "email", "tel", "phone",
     "mobile", "address", "ref", "dear", "to", "from", "cc", "important", "quote", "key", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "so", "and", "but", "well",
     "also", "basically", "honestly", "because", "then", "now", "yes", "no", "yeah", "okay", "ok",
     "right", "like", "listen", "look", "anyway", "obviously", "actually", "remember", "thanks",
     "sorry", "hi", "hello", "hey", "oh", "please", "cheers"])
# Any letter, not only A-Z: "Zoë:", "Siân:" and "Łukasz:" start turns as "Zoe:" does (they
# were read as more of the turn before, so the words went to whoever spoke last).
LETTER = r"[^\W\d_]"
_WORD = rf"{LETTER}(?:{LETTER}|['’.-])*"
PARTICLES = frozenset(["de", "da", "di", "van", "von", "der", "del", "la", "le", "bin", "al",
                       "el", "ap"])
LABEL_CHARS = re.compile(rf"^{LETTER}(?:{LETTER}|[ '’.-])*$")
# Teams names people as an organisation's directory does: "Okonjo, Sam", "Le Roux, Anne-Marie".
_NAME = rf"{_WORD}(?: {_WORD})?"
DIRECTORY_NAME = re.compile(rf"^{_NAME}, {_NAME}$")


def _name_word(word: str) -> bool:
    """A capitalised word of letters (any alphabet), or a lower-case particle ("van", "de")."""
    return word in PARTICLES or (word[:1].isupper() and re.fullmatch(_WORD, word) is not None)


def _directory_name(label: str) -> bool:
    return DIRECTORY_NAME.match(label) is not None and all(
        w[:1].isupper() for w in label.replace(",", " ").split())


# A speaker label is a name or a role: longer text before a colon is speech.
MAX_LABEL_CHARS, MAX_LABEL_WORDS = 40, 4
SEEN_TWICE = 2  # a label used twice in a file is a speaker, not a one-off "Note:"


def parse_timestamp(value: str | None) -> float | None:
    """Convert ``h:mm:ss``, ``mm:ss`` or either with ``.mmm``/``,mmm`` to seconds.

    Args:
        value: a time as written in a transcript, or None.

    Returns:
        Seconds as a float, or None.
    """
    if not value:
        return None
    main, _, frac = value.replace(",", ".").partition(".")
    seconds = 0.0
    for part in main.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds + (float(f"0.{frac}") if frac else 0.0)


def _norm(label: str) -> str:
    return " ".join(label.split()).casefold()


def _looks_like_name(label: str) -> bool:
    words = label.split()
    return bool(words) and words[0][:1].isupper() and all(_name_word(w) for w in words)


def accept_label(label: str, count: int, *, where_label_belongs: bool,
                 header: bool = False) -> bool:
    """Decide whether a candidate label is a speaker.

    Args:
        label: the text before the colon or time.
        count: how many lines in the file start with this label (any case).
        where_label_belongs: True if the line has a time, is a header on its own
            line, or opens a paragraph.
        header: True if the line has a time or is a header on its own line.

    Returns:
        True if the label should be treated as a speaker.
    """
    label = " ".join(label.split())
    norm = label.casefold()
    if not label or len(label) > MAX_LABEL_CHARS or len(label.split()) > MAX_LABEL_WORDS:
        return False
    if norm in NOT_LABELS or norm.split()[0].rstrip(",") in NOT_LABELS:
        return False
    if GENERIC.match(label) or norm in ROLES:
        return True
    if _directory_name(label):
        # Teams gives each its time on a line of its own; "Mum, Dad: neither came" on the
        # line after a turn is speech that carries it on.
        return count >= SEEN_TWICE or header
    if not LABEL_CHARS.match(label):
        return False
    return count >= SEEN_TWICE or (where_label_belongs and _looks_like_name(label))


def split_inline_label(line: str) -> tuple[str, str | None, str] | None:
    """Split ``[time] Label: text`` into (label, time, text) without judging the label.

    Args:
        line: one line of text.

    Returns:
        (label, time or None, text), or None if the line has no such shape.
    """
    m = INLINE.match(line)
    if not m:
        return None
    # A bracketed time just after the colon ("Lee: [00:01:10] ...") is the turn's time too.
    return (m.group("label").strip(), m.group("ts") or m.group("ts2") or m.group("ts3"),
            m.group("text").strip())


@dataclass
class _Candidate:
    kind: str  # "inline" or "header"
    label: str
    ts: str | None
    text: str = ""


@dataclass
class _Open:
    speaker: str | None
    start: float | None
    line_start: int
    line_end: int
    parts: list[str] = field(default_factory=list)
    gap: bool = False  # a blank line since the last text line


def _candidate(line: str) -> _Candidate | None:
    inline = split_inline_label(line)
    if inline:
        return _Candidate("inline", *inline)
    m = HEADER_WITH_TIME.match(line) or HEADER_COLON.match(line)
    if m:
        return _Candidate("header", m.group("label").strip(), m.groupdict().get("ts"))
    return None


def parse_speaker_text(text: str) -> list[ParsedTurn]:
    """Split plain text into turns (see the module docstring for the shapes).

    Args:
        text: decoded transcript text with ``\\n`` line endings.

    Returns:
        Turns in order, numbered from 0; line numbers start at 1.
    """
    lines = text.split("\n")
    cands = [_candidate(line) for line in lines]
    counts: dict[str, int] = {}
    for cand in cands:
        if cand:
            counts[_norm(cand.label)] = counts.get(_norm(cand.label), 0) + 1
    spelling: dict[str, str] = {}  # first spelling seen wins: "DAVE" and "Dave" are one
    turns: list[ParsedTurn] = []
    current: _Open | None = None
    pending_ts: str | None = None

    def close() -> None:
        nonlocal current
        if current and current.parts:
            turns.append(ParsedTurn(len(turns) + 1, current.speaker, "".join(current.parts).strip(),
                              current.start, None, current.line_start, current.line_end))
        current = None

    after_label = True  # the previous line was blank, a label, or the start of the file
    for number, (line, cand) in enumerate(zip(lines, cands, strict=True), start=1):
        belongs = bool(cand and (cand.ts or cand.kind == "header")) or after_label
        after_label = not line.strip()
        if cand and accept_label(cand.label, counts[_norm(cand.label)],
                                 where_label_belongs=belongs,
                                 header=bool(cand.ts or cand.kind == "header")):
            after_label = True
            close()
            speaker = spelling.setdefault(_norm(cand.label), " ".join(cand.label.split()))
            current = _Open(speaker, parse_timestamp(cand.ts or pending_ts), number, number)
            pending_ts = None
            if cand.text:
                current.parts.append(cand.text)
            continue
        if not line.strip():
            if current and current.speaker is None:
                close()  # unlabelled text: one turn per paragraph
            elif current:
                current.gap = True
            continue
        time_only = TIME_ONLY.match(line)
        if time_only:
            close()
            after_label = True
            pending_ts = time_only.group("ts")
            continue
        if current is None:
            current = _Open(None, parse_timestamp(pending_ts), number, number)
            pending_ts = None
        elif current.parts:
            current.parts.append("\n" if current.gap else " ")
        current.parts.append(line.strip())
        current.line_end = number
        current.gap = False
    close()
    return turns
