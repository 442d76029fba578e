"""Forum Voice text pipeline: transcripts, redaction, safeguarding flags, segments.

The core never imports Flask, the database or the app (``analysis.views`` and
``analysis.services`` are the thin layers that do). Heavy libraries load lazily.
"""
from __future__ import annotations

from .redact import LABELS, RedactionResult, Span, apply_redactions, find_personal_data, redact
from .safeguarding import RiskFlag, find_risks
from .segmenting import (
    SegmentSpan,
    is_backchannel,
    segment_text,
    split_into_segments,
    split_sentences,
)
from .transcripts import (
    DEFAULT_MAX_BYTES,
    ParsedTranscript,
    ParsedTurn,
    TranscriptError,
    parse_text,
    read_transcript,
    speaker_counts,
)

__all__ = [
    "DEFAULT_MAX_BYTES", "LABELS", "ParsedTranscript", "ParsedTurn", "RedactionResult", "RiskFlag",
    "SegmentSpan", "Span", "TranscriptError", "apply_redactions", "find_personal_data",
    "find_risks",
    "is_backchannel", "parse_text", "read_transcript", "redact", "segment_text",
    "speaker_counts", "split_into_segments", "split_sentences",
]
