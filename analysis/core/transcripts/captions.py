"""Parse WebVTT (Teams, Zoom) and SRT caption files into speaker turns.

Our own small parser rather than webvtt-py, because turns must keep the line numbers
they came from and tolerate the loose files real tools write. Speakers come from voice
tags (``<v Alex Morgan>``, Teams) or a ``Name:`` prefix on the cue text (Zoom, Otter
SRT). Consecutive cues by the same speaker are merged, since Teams splits one turn
into many cues; unlabelled cues are merged until a sentence ends.

A file with a cue that is not well formed is refused before it gets here, naming the line
(``cue_check``), so every turn read has its time. What is well formed is decided there; the
patterns below read a time line loosely and need not agree with it exactly.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .cue_check import cue_blocks
from .model import ParsedTurn
from .speakers import accept_label, parse_timestamp, split_inline_label

__all__ = ["looks_like_captions", "parse_captions"]

CUE_TS = r"\d+(?:\s*:\s*\d{1,2}){1,2}(?:\s*[.,]\s*\d{1,3})?"
ARROW = r"(?:-+>|–>|—>|→)"
# With an arrow, anything after it (cue settings, an unreadable end) is allowed; without
# one, the line must be a lone start time, so words that begin with a time stay words.
TIMING = re.compile(
    rf"^\s*(?P<start>{CUE_TS})\s*(?:{ARROW}\s*(?:(?P<end>{CUE_TS})(?![\d:.,]))?.*)?$")
# A time line that cannot be read: it has an arrow or starts like a time ("00:0o:05"),
# not like a number in speech ("1.5 million").
BROKEN_TIMING = re.compile(rf"{ARROW}|^\s*\d+\s*:\s*\d")
CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
VOICE = re.compile(r"<v(?:\.[\w.-]+)*\s+([^>]+)>")
TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")  # HTML-ish tags and SRT {\an8} codes
SRT_START = re.compile(r"^\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
SKIP_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")
SENTENCE_END = tuple(".?!…\"”'")


@dataclass
class _Cue:
    speaker: str | None
    text: str
    start: float | None
    end: float | None
    line_start: int
    line_end: int


def looks_like_captions(text: str) -> bool:
    """Say whether text is a VTT or SRT file whatever its name.

    Args:
        text: decoded text.

    Returns:
        True if it starts with ``WEBVTT`` or an SRT cue.
    """
    head = text.lstrip()[:200]
    return head.startswith("WEBVTT") or bool(SRT_START.match(head))


_RawCue = tuple[str | None, str, float | None, float | None, int, int]


def _time(value: str | None) -> float | None:
    return parse_timestamp(re.sub(r"\s+", "", value)) if value else None


def _cue_times(block: list[str]) -> tuple[int, float | None, float | None]:
    """Where a cue's words start (after its number and time line), and its times if readable."""
    for i, line in enumerate(block[:3]):
        if (m := TIMING.match(line)) is not None:
            return i + 1, _time(m.group("start")), _time(m.group("end"))
    broken = next((i for i, line in enumerate(block[:3]) if BROKEN_TIMING.search(line)), None)
    if broken is not None:
        return broken + 1, None, None
    return (1 if len(block) > 1 and CUE_NUMBER.match(block[0]) else 0), None, None


def _raw_cues(text: str) -> list[_RawCue]:
    """Read (voice, body line, start, end, line_start, line_end) for every cue line."""
    out: list[_RawCue] = []
    for numbered in cue_blocks(text):
        first, block = numbered[0][0], [line for _, line in numbered]
        if block[0].strip().startswith(SKIP_BLOCKS):
            continue
        words_at, start, end = _cue_times(block)
        voice = None
        for number, line in numbered[words_at:]:
            found = VOICE.search(line)
            voice = " ".join(found.group(1).split()) if found else voice
            body = html.unescape(TAG.sub("", line)).strip()
            if body:
                out.append((voice, body, start, end, first, number))
    return out


def _label_cues(raw: list[_RawCue]) -> list[_Cue]:
    """Give each cue a speaker: its voice tag, else a plausible ``Name:`` prefix."""
    counts: dict[str, int] = {}
    for voice, body, *_ in raw:
        split = None if voice else split_inline_label(body)
        if split:
            counts[split[0].casefold()] = counts.get(split[0].casefold(), 0) + 1
    cues: list[_Cue] = []
    for voice, body, start, end, line_start, line_end in raw:
        speaker, words = voice, body
        split = None if voice else split_inline_label(body)
        if split and accept_label(split[0], counts[split[0].casefold()], where_label_belongs=True):
            speaker, words = " ".join(split[0].split()), split[2]
        elif speaker is None and cues and cues[-1].line_start == line_start:
            speaker = cues[-1].speaker  # a wrapped second line of the same cue
        cues.append(_Cue(speaker, words, start, end, line_start, line_end))
    return cues


def parse_captions(text: str) -> list[ParsedTurn]:
    """Parse VTT or SRT text into turns, merging cues as described above.

    Args:
        text: decoded caption file.

    Returns:
        Turns in order (empty if the file has no timed cues).
    """
    merged: list[_Cue] = []
    for cue in _label_cues(_raw_cues(text)):
        last = merged[-1] if merged else None
        same_speaker = last and cue.speaker is not None and cue.speaker == last.speaker
        unfinished = (last and cue.speaker is None and last.speaker is None
                      and not last.text.endswith(SENTENCE_END))
        same_cue = last and last.line_start == cue.line_start and cue.speaker == last.speaker
        # A cue without a time stays a turn of its own, to be checked where it is.
        untimed = last and (cue.start is None or last.start is None)
        if last is not None and (same_cue or (not untimed and (same_speaker or unfinished))):
            last.text = f"{last.text} {cue.text}"
            last.end = cue.end if cue.end is not None else last.end
            last.line_end = cue.line_end
        else:
            merged.append(cue)
    return [ParsedTurn(i, c.speaker, c.text, c.start, c.end, c.line_start, c.line_end)
            for i, c in enumerate(merged, start=1)]
