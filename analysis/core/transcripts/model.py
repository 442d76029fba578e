"""The shapes a parsed transcript comes out in, and the one error parsing raises."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["ParsedTranscript", "TranscriptError", "ParsedTurn", "speaker_counts"]


class TranscriptError(ValueError):
    """A file could not be read as a transcript; the message is for the facilitator."""


@dataclass(frozen=True)
class ParsedTurn:
    """One speaker's uninterrupted contribution, with where it came from in the file."""

    index: int  # numbered from 1, as people count
    speaker: str | None
    text: str
    start_seconds: float | None
    end_seconds: float | None
    line_start: int
    line_end: int


@dataclass(frozen=True)
class ParsedTranscript:
    """A parsed transcript: its format, the decoded text and its turns in order."""

    format: str
    text: str
    turns: list[ParsedTurn] = field(default_factory=list)

    def speaker_counts(self) -> dict[str | None, int]:
        """Return turns per speaker, in order of first appearance (see ``speaker_counts``)."""
        return speaker_counts(self.turns)


def speaker_counts(turns: Iterable[ParsedTurn]) -> dict[str | None, int]:
    """Count turns per speaker, in order of first appearance.

    Args:
        turns: parsed turns.

    Returns:
        Speaker label to number of turns; unlabelled turns are counted under None.
    """
    counts: dict[str | None, int] = {}
    for turn in turns:
        counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
    return counts
