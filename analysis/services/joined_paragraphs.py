"""Paragraphs with no name before them, joined to the turn above as the same person still
speaking: the transcript and review pages mark each one for the facilitator to check."""
from __future__ import annotations

from analysis.services.transcripts import UNLABELLED
from forum.models import Transcript

__all__ = ["joined_paragraphs"]


def joined_paragraphs(transcript: Transcript) -> dict[int, list[int]]:
    """Turns that took in a paragraph with no name before it, as the same person still speaking.

    The parser joins such a paragraph to the turn above (``speakers.parse_speaker_text``,
    the only place two paragraphs of one turn are kept apart by a line break); usually right,
    but a new speaker whose name was left out would be put in someone else's mouth, so the
    facilitator is shown each one to check.

    Args:
        transcript: a transcript whose original words are still held.

    Returns:
        {turn number: file lines where a joined paragraph starts} (no lines for Word and
        OpenDocument files, which have none to point to), in turn order. None for captions:
        words there with no time of their own refuse the file (``cue_check``).
    """
    if not transcript.original_text or transcript.format in ("vtt", "srt"):
        return {}
    lines = transcript.original_text.split("\n")
    joined: dict[int, list[int]] = {}
    above = None
    for turn in transcript.turns:
        # A long turn cut to a readable size (long_turns): its pieces keep its speaker and
        # lines, and one may start at the joined paragraph, where it was cut.
        piece = (above is not None and above.speaker_id == turn.speaker_id
                 and (above.line_start, above.line_end) == (turn.line_start, turn.line_end))
        above = turn
        text = turn.original_text or ""
        if turn.speaker is None or turn.speaker.label == UNLABELLED:
            continue
        starts = [number for number in range(turn.line_start + 1, turn.line_end + 1)
                  if lines[number - 1].strip() and not lines[number - 2].strip()]
        mine = [number for number in starts if _begins(text, lines[number - 1], piece)]
        if mine or "\n" in text:
            joined[turn.index] = [] if transcript.format != "txt" else (mine or starts)
    return joined


def _begins(text: str, line: str, piece: bool) -> bool:
    """Whether a paragraph starting with ``line`` starts in this turn's text: after a line
    break in it, or (a piece of a cut turn) at its start."""
    head = " ".join(line.split())[:40]
    flat = "\n".join(" ".join(part.split()) for part in text.split("\n"))
    return f"\n{head}" in flat or (piece and flat.startswith(head))
