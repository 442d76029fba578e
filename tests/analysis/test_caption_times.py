"""Caption cues with loose or broken time lines: read what can be read, keep every turn."""
from __future__ import annotations

import pytest

from analysis.core.transcripts import read_transcript


def _vtt(timing: str) -> str:
    return ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Facilitator>Welcome everyone.\n\n"
            f"{timing}\n<v Dave>I was inside for two years.\n\n"
            "00:00:09.000 --> 00:00:12.000\n<v Marcia>Me too.\n")


def _turns(text: str, name: str = "group.vtt"):
    return read_transcript(text.encode(), name).turns


@pytest.mark.parametrize("timing, start, end", [
    ("00:00:05,000 --> 00:00:08,000", 5.0, 8.0),  # SRT's comma in a VTT file
    ("00:05.000 --> 00:08.000", 5.0, 8.0),  # no hours
    ("0:0:5.5 --> 0:0:8.25", 5.5, 8.25),  # single-digit parts
    ("00:00:05 --> 00:00:08", 5.0, 8.0),  # no milliseconds
    ("  00:00:05.000    -->    00:00:08.000  ", 5.0, 8.0),  # extra spaces
    ("00:00:05 .000 --> 00:00 :08.000", 5.0, 8.0),  # spaces inside a time
    ("00:00:05.000-->00:00:08.000", 5.0, 8.0),  # no spaces round the arrow
    ("00:00:05.000 -> 00:00:08.000", 5.0, 8.0),  # a short arrow
    ("00:00:05.000 --> 00:00:08.000 align:start position:10%", 5.0, 8.0),  # cue settings
    ("00:00:05.000 -->", 5.0, None),  # no end time
    ("00:00:05.000", 5.0, None),  # no arrow, no end
    ("00:00:05.000 --> soon", 5.0, None),  # an end that is not a time
])
def test_a_loose_time_line_is_read(timing, start, end):
    turns = _turns(_vtt(timing))
    assert [t.speaker for t in turns] == ["Facilitator", "Dave", "Marcia"]
    dave = turns[1]
    assert (dave.text, dave.start_seconds, dave.end_seconds) == (
        "I was inside for two years.", start, end)
    assert (dave.line_start, dave.line_end) == (6, 7)


@pytest.mark.parametrize("timing", ["00:00:o5.000 --> soon", "five past --> ten past",
                                    "00:00:05.000 >> 00:00:08.000 garbled"])
def test_a_cue_whose_time_cannot_be_read_keeps_its_words_in_order_without_a_time(timing):
    turns = _turns(_vtt(timing))
    assert [(t.speaker, t.text) for t in turns] == [
        ("Facilitator", "Welcome everyone."), ("Dave", "I was inside for two years."),
        ("Marcia", "Me too.")]
    assert (turns[1].start_seconds, turns[1].end_seconds) == (None, None)
    assert (turns[1].line_start, turns[1].line_end) == (6, 7)
    assert [t.index for t in turns] == [1, 2, 3]


def test_an_srt_cue_with_a_broken_time_drops_its_number_and_time_line_not_its_words():
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out nobody met me.\n\n"
           "2\n00:00:0x,000 --> 00:00:08,000\nDave: Not one person.\n\n"
           "3\n00:00:09,000 --> 00:00:12,000\nMarcia: Same for me.\n")
    turns = _turns(srt, "group.srt")
    # An untimed cue stays its own turn, even by the same speaker, so it can be checked alone.
    assert [(t.speaker, t.text, t.start_seconds) for t in turns] == [
        ("Dave", "When I came out nobody met me.", 1.0), ("Dave", "Not one person.", None),
        ("Marcia", "Same for me.", 9.0)]
    assert (turns[1].line_start, turns[1].line_end) == (5, 7)
