"""Words after a blank line with no number or time of their own are a cue's words only where
the cue numbers round them show that no cue was lost (1, then 2). After the last .srt cue, or
in a .vtt without numbers, nothing shows it: they may be a cue that lost its number and time
(Marcia's words stored as Dave's), so the file is refused naming the line, as any other cue
that is not well formed is, and nothing of it is stored."""
from __future__ import annotations

import pytest

from analysis.core.transcripts import TranscriptError, read_transcript


def _read(text: str, name: str):
    return read_transcript(text.encode(), name)


def test_words_after_the_last_srt_cue_refuse_the_file_naming_their_line():
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Nobody met me.\n\n"
           "Nobody met me either.\n")
    with pytest.raises(TranscriptError, match="Line 9: ‘Nobody met me either.’ has no time "
                                              "line above it"):
        _read(srt, "group.srt")


def test_words_after_a_blank_line_in_a_vtt_without_numbers_refuse_the_file():
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dave>When I came out.\n\n"
           "Nobody met me either.\n\n00:00:09.000 --> 00:00:12.000\n<v Marcia>Same for me.\n")
    with pytest.raises(TranscriptError, match="Line 6: ‘Nobody met me either.’ has no time "
                                              "line above it"):
        _read(vtt, "group.vtt")


def test_srt_words_between_cues_numbered_one_after_the_other_are_still_that_cues():
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out\n\nnobody met me.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Same for me.\n")
    assert [t.text for t in _read(srt, "group.srt").turns] == [
        "When I came out nobody met me.", "Same for me."]


def test_the_refusal_gives_its_problems_and_their_number_for_the_view_to_word():
    # Core may not import Flask-Babel: it hands over the problems, the view words the counts.
    from analysis.core.transcripts.cue_check import SHOWN, BrokenCues

    srt = "".join(f"{n}\n00:00:{n:02d},000 -> 00:00:{n:02d},500\nDave: Line {n}.\n\n"
                  for n in range(1, 8))
    with pytest.raises(BrokenCues) as refused:
        _read(srt, "group.srt")
    assert refused.value.kind == ".srt" and len(refused.value.problems) == 7
    assert refused.value.problems[0].startswith("Line 2: the time")
    message = str(refused.value)
    assert all(problem in message for problem in refused.value.problems[:SHOWN])
    assert refused.value.problems[SHOWN] not in message
