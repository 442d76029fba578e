"""Refuse a caption file with a cue that is not well formed, naming the line.

A half-read file was once stored (a cue with a broken time kept without one, an SRT time
written ``->`` read by guessing): the facilitator had to find and check each guess, and a
guess could put a member's words in the wrong place. Now a file is read only if every cue
is well formed, and the refusal says which line to fix.

What stays allowed, because tools really write it: a byte-order mark, CRLF, WebVTT
``NOTE``/``STYLE``/``REGION`` blocks and header lines, cue identifiers, cue settings after
the end time, voice tags, no hours (``01:02.500``), no milliseconds, a comma or a dot
before the milliseconds in either format, any spaces round the arrow, no blank line at the
end, and a blank line inside a cue's words where the cue numbers round them show no cue was
lost (cue 1, the words, then cue 2). Words after a blank line with nothing to show they are
the cue's own (after the last cue, or in captions without numbers) may be a cue that lost its
number and time line, so they refuse the file like any other broken cue: one rule, here.
"""
from __future__ import annotations

import re

from .model import TranscriptError

__all__ = ["BrokenCues", "check_cues", "cue_blocks", "has_cue_times", "lost_cue"]

TIME = r"(?:\d{1,3}:)?[0-5]\d:[0-5]\d(?:[.,]\d{3})?"
GOOD_TIMING = re.compile(rf"^\s*{TIME}\s*-->\s*{TIME}(?:\s+\S.*)?\s*$")
# A line that means to be a time line: an arrow of any kind, or a line starting like a time.
MEANT_AS_TIMING = re.compile(r"-+>|–>|—>|→|^\s*\d+\s*:\s*\d+\s*:")
CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
SKIP_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")
SHOWN = 3  # problems named in full; a badly broken file says how many more
QUOTED_MAX = 60


def has_cue_times(text: str) -> bool:
    """Say whether any line of the text is meant as a cue's time line.

    Args:
        text: decoded text with ``\\n`` line endings.

    Returns:
        True if a line has an arrow (``-->``, ``->``...) after something like a time.
    """
    return any(re.match(r"^\s*\d", line) and MEANT_AS_TIMING.search(line)
               for line in text.split("\n"))


Block = list[tuple[int, str]]


def _is_header(block: Block) -> bool:
    return block[0][1].strip().lstrip("\ufeff").startswith(SKIP_BLOCKS)


def _is_more_words(previous: Block, block: Block) -> bool:
    """Whether a block is the words of the cue above after a blank line exported inside them."""
    head = [line for _, line in previous[:3]]
    timed = next((i for i, line in enumerate(head) if MEANT_AS_TIMING.search(line)), None)
    return (timed is not None and len(previous) > timed + 1
            and not _is_header(previous) and not _is_header(block)
            and not CUE_NUMBER.match(block[0][1])
            and not any(MEANT_AS_TIMING.search(line) for _, line in block[:3]))


def _cue_number(block: Block) -> int | None:
    """A cue's number: a number on its first line with a time line under it."""
    if len(block) > 1 and CUE_NUMBER.match(block[0][1]) and MEANT_AS_TIMING.search(block[1][1]):
        return int(block[0][1])
    return None


def lost_cue(previous: Block, following: list[Block]) -> bool:
    """Whether words after a blank line are a cue that lost its number and time line, not
    more words of the cue above: the numbers of the cues round them skip one (1, then 3).

    Args:
        previous: the cue above the words.
        following: the runs of lines after the words.

    Returns:
        True if the cue above and the next numbered cue are numbered with a gap.
    """
    above = _cue_number(previous)
    below = next((n for n in map(_cue_number, following) if n is not None), None)
    return above is not None and below is not None and below > above + 1


def cue_blocks(text: str) -> list[Block]:
    """Split caption text into cues and header blocks, each line with its number.

    Args:
        text: decoded text with ``\\n`` line endings.

    Returns:
        Each run of non-blank lines as (line number, line) pairs; a run that is more words
        of the timed cue above (a blank line exported inside its text) joins that cue only
        where the next numbered cue is numbered one after it; any other run of words stays
        a block of its own, which ``check_cues`` refuses as a cue with no time line.
    """
    runs: list[Block] = []
    run: Block = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            run.append((number, line))
        elif run:
            runs.append(run)
            run = []
    blocks: list[Block] = []
    for index, run in enumerate(runs):
        if blocks and _is_more_words(blocks[-1], run) \
                and _next_in_order(blocks[-1], runs[index + 1:]):
            blocks[-1].extend(run)
        else:
            blocks.append(run)
    return blocks


def _next_in_order(previous: Block, following: list[Block]) -> bool:
    """Whether the next numbered cue is numbered one after the cue above: none was lost."""
    above = _cue_number(previous)
    below = next((n for n in map(_cue_number, following) if n is not None), None)
    return above is not None and below == above + 1


def _quoted(line: str) -> str:
    line = line.strip()
    return f"‘{line if len(line) <= QUOTED_MAX else line[:QUOTED_MAX] + '…'}’"


def _block_problem(first: int, block: list[str], srt: bool, lost: bool = False) -> str | None:
    """The problem with one cue, as a sentence starting with its line number, or None.

    lost: the cue lost its number and time line (``lost_cue``)."""
    form = "00:00:00,000 --> 00:00:00,000" if srt else "00:00:00.000 --> 00:00:00.000"
    timing_at = next((i for i, line in enumerate(block[:3]) if MEANT_AS_TIMING.search(line)),
                     None)
    if timing_at is None and lost:
        return (f"Line {first}: {_quoted(block[0])} has no number or time line above it: the "
                "cue numbers round it skip one, so it looks like a cue that lost them.")
    if timing_at is None:
        return (f"Line {first}: {_quoted(block[0])} has no time line above it (if it belongs to "
                "the cue above, take out the blank line before it).")
    line = block[timing_at]
    if not GOOD_TIMING.match(line):
        return f"Line {first + timing_at}: the time {_quoted(line)} is not in the form {form}."
    if srt and (timing_at != 1 or not CUE_NUMBER.match(block[0])):
        return (f"Line {first + timing_at}: this cue has no number above its time (each cue is "
                "its number on a line of its own, the time, then the words).")
    if not srt and timing_at > 1:
        return (f"Line {first}: {_quoted(block[0])} comes before the time line of its cue. "
                "Each cue is an optional name on one line, the time, then the words.")
    return None


class BrokenCues(TranscriptError):
    """Caption cues that are not well formed: each problem as a sentence naming its line.

    Core code may not word counts (no Flask-Babel here), so the view words "1 cue needs" or
    "5 cues need" from ``problems``; ``str()`` is a plain fallback without counts.
    """

    def __init__(self, problems: list[str], kind: str) -> None:
        self.problems, self.kind = problems, kind
        more = " More after those need correcting too." if len(problems) > SHOWN else ""
        super().__init__(f"These {kind} captions were not saved. "  # pasted ones are checked too
                         + " ".join(problems[:SHOWN]) + more
                         + " Correct the captions and upload them again.")


def check_cues(text: str, srt: bool) -> None:
    """Raise if any cue of a caption file is not well formed, naming its line.

    Args:
        text: the decoded caption file, ``\\n`` line endings.
        srt: check as SRT (each cue numbered) rather than WebVTT.

    Raises:
        BrokenCues: every problem, each naming its line; nothing of the file is kept.
    """
    problems: list[str] = []
    blocks = cue_blocks(text)
    for index, block in enumerate(blocks):
        if not _is_header(block):
            lost = index > 0 and lost_cue(blocks[index - 1], blocks[index + 1:])
            problem = _block_problem(block[0][0], [line for _, line in block], srt, lost)
            if problem:
                problems.append(problem)
    if problems:
        raise BrokenCues(problems, ".srt" if srt else ".vtt")
