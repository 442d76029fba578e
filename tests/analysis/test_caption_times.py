"""Caption cues: unusual but well-formed time lines are read; a cue that is not well formed
refuses the whole file, naming its line (a half-read file was once stored with guesses)."""
from __future__ import annotations

import pytest

from analysis.core.transcripts import TranscriptError, read_transcript


def _vtt(timing: str) -> str:
    return ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Facilitator>Welcome everyone.\n\n"
            f"{timing}\n<v Dave>I was inside for two years.\n\n"
            "00:00:09.000 --> 00:00:12.000\n<v Marcia>Me too.\n")


def _turns(text: str, name: str = "group.vtt"):
    return read_transcript(text.encode(), name).turns


@pytest.mark.parametrize("timing, start, end", [
    ("00:00:05,000 --> 00:00:08,000", 5.0, 8.0),  # SRT's comma in a VTT file
    ("00:05.000 --> 00:08.000", 5.0, 8.0),  # no hours
    ("00:00:05 --> 00:00:08", 5.0, 8.0),  # no milliseconds
    ("  00:00:05.000    -->    00:00:08.000  ", 5.0, 8.0),  # extra spaces
    ("00:00:05.000-->00:00:08.000", 5.0, 8.0),  # no spaces round the arrow
    ("00:00:05.000 --> 00:00:08.000 align:start position:10%", 5.0, 8.0),  # cue settings
])
def test_a_well_formed_time_line_is_read(timing, start, end):
    turns = _turns(_vtt(timing))
    assert [t.speaker for t in turns] == ["Facilitator", "Dave", "Marcia"]
    dave = turns[1]
    assert (dave.text, dave.start_seconds, dave.end_seconds) == (
        "I was inside for two years.", start, end)
    assert (dave.line_start, dave.line_end) == (6, 7)


@pytest.mark.parametrize("timing", [
    "0:0:5.5 --> 0:0:8.25",  # single-digit parts
    "00:00:05 .000 --> 00:00 :08.000",  # spaces inside a time
    "00:00:05.000 -> 00:00:08.000",  # a short arrow
    "00:00:05.000 -->",  # no end time
    "00:00:05.000",  # no arrow, no end
    "00:00:05.000 --> soon",  # an end that is not a time
    "00:00:o5.000 --> soon", "five past --> ten past", "00:00:05.000 >> 00:00:08.000 garbled",
])
def test_a_cue_whose_time_is_not_well_formed_refuses_the_file_naming_its_line(timing):
    with pytest.raises(TranscriptError) as refused:
        _turns(_vtt(timing))
    message = str(refused.value)
    assert message.startswith("These .vtt captions were not saved. Line 6:")
    assert f"Line 6: the time ‘{timing.strip()}’ is not in the form 00:00:00.000 --> " in message


def test_the_srt_from_the_new_user_walk_names_each_broken_line():
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out nobody met me.\n\n"
           "2\n00:01:0,500 -> 00:01:04,000\nDave: Not one person.\n\n"
           "00:01:09,000 --> 00:01:12,000\nMarcia: Same for me.\n\n"
           "4\n00:01:13,000 --> 00:01:14,000\nDave: Right.\n\n"
           "And then this, with no time.\n")
    with pytest.raises(TranscriptError) as refused:
        _turns(srt, "group.srt")
    message = str(refused.value)
    assert ("Line 6: the time ‘00:01:0,500 -> 00:01:04,000’ is not in the form "
            "00:00:00,000 --> 00:00:00,000") in message
    assert "Line 9: this cue has no number above its time" in message
    # Words after the last cue with no time may be a cue that lost its number and time line.
    assert "Line 16: ‘And then this, with no time.’ has no time line above it" in message
    assert message.startswith("These .srt captions were not saved. Line 6:")


def test_many_broken_cues_name_three_and_count_the_rest():
    srt = "".join(f"{n}\n00:00:{n:02d},000 -> 00:00:{n:02d},500\nDave: Line {n}.\n\n"
                  for n in range(1, 8))
    with pytest.raises(TranscriptError, match="More after those need correcting too."):
        _turns(srt, "group.srt")


def test_words_without_a_time_line_refuse_the_file():
    vtt = _vtt("00:00:05.000 --> 00:00:08.000") + "\nNOTE checked\n\nand this was left over\n"
    with pytest.raises(TranscriptError, match="Line 14: ‘and this was left over’ has no time "
                                              "line above it"):
        _turns(vtt)


def test_unusual_but_valid_caption_files_are_read():
    vtt = ("\ufeffWEBVTT - made by Teams\r\nKind: captions\r\n\r\n"
           "STYLE\r\n::cue { color: yellow }\r\n\r\nNOTE a note\r\nover two lines\r\n\r\n"
           "cue-1\r\n00:01.000 --> 00:04.000 line:90%\r\n<v.loud Alex Morgan>Hello.</v>\r\n\r\n"
           "01:00:05.000 --> 01:00:08.000\r\n<v Sam>Hi there.")  # no blank line at the end
    assert [(t.speaker, t.text, t.start_seconds) for t in _turns(vtt)] == [
        ("Alex Morgan", "Hello.", 1.0), ("Sam", "Hi there.", 3605.0)]
    srt = "1\n00:00:01,000 --> 00:00:03,000\nDave: Hello.\n\n2\n00:00:04.000 --> 00:00:05.000\nOk"
    assert [t.text for t in _turns(srt, "group.srt")] == ["Hello.", "Ok"]


def test_a_srt_or_vtt_that_is_really_plain_text_is_still_read():
    assert [t.speaker for t in _turns("Dave: hello\nMarcia: hi\n", "group.srt")] == [
        "Dave", "Marcia"]


def test_pasted_captions_starting_with_a_byte_order_mark_are_read():
    from analysis.core.transcripts import parse_text

    srt = "\ufeff1\r\n00:00:01,000 --> 00:00:03,000\r\nDave: Hello.\r\n"
    assert [(t.speaker, t.text) for t in parse_text(srt, "srt").turns] == [("Dave", "Hello.")]


def test_a_blank_line_inside_a_cues_words_keeps_them_in_that_cue():
    # Real exported files put a blank line inside a cue's text; the words after it are that
    # cue's, not a cue of their own without a time.
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out\n\nnobody met me.\n\n"
           "2\n00:00:05,000 --> 00:00:08,000\nMarcia: Same for me.\n")
    turns = _turns(srt, "group.srt")
    assert [(t.speaker, t.text, t.start_seconds, t.line_start, t.line_end) for t in turns] == [
        ("Dave", "When I came out nobody met me.", 1.0, 1, 5),
        ("Marcia", "Same for me.", 5.0, 7, 9)]
    # Numbered .vtt cues show it the same way (a .vtt without numbers cannot:
    # test_caption_lost_cues.py).
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Dave>When I came out\n\n"
           "nobody met me.\n\n2\n00:00:05.000 --> 00:00:08.000\n<v Marcia>Same for me.\n")
    assert [(t.speaker, t.text, t.line_end) for t in _turns(vtt)] == [
        ("Dave", "When I came out nobody met me.", 7), ("Marcia", "Same for me.", 11)]


def test_words_after_a_blank_line_are_refused_where_no_cue_is_above_them():
    with pytest.raises(TranscriptError, match="Line 3: ‘and this was left over’ has no time"):
        _turns("WEBVTT\n\nand this was left over\n\n00:00:01.000 --> 00:00:02.000\nHi.\n")
    with pytest.raises(TranscriptError, match="Line 5: ‘7’ has no time line above it"):
        _turns("1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n7\n\n00:00:03,000 --> 00:00:04,000\n"
               "Dave: Yes.\n", "group.srt")


def test_srt_words_of_a_cue_that_lost_its_number_and_time_refuse_the_file():
    # Read as more words of the cue above (a blank line inside its text), Marcia's words were
    # stored as Dave's. The numbers going from 1 to 3 say a cue lost its number and time.
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nDave: When I came out.\n\n"
           "Marcia: Nobody met me either.\n\n"
           "3\n00:00:09,000 --> 00:00:12,000\nDave: Same for me.\n")
    with pytest.raises(TranscriptError, match=r"not saved\. Line 5: ‘Marcia: "
                       r"Nobody met me either\.’ has no number or time line above it"):
        _turns(srt, "group.srt")
