"""Quote-sized segments at sentence boundaries, and back-channel turns."""
from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core.segmenting import (
    is_backchannel,
    segment_text,
    split_into_segments,
    split_sentences,
)


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentence_splitter_respects_titles_abbreviations_and_numbers():
    text = ("My PO, Mr. Jones, said no. Then Dr. Okafor came at 3.30 p.m. with e.g. forms. "
            "J. Smith said it. See no. 5 on the list. [name] said hi! Really? Yes…\nNew line")
    assert sentences(text) == [
        "My PO, Mr. Jones, said no.", "Then Dr. Okafor came at 3.30 p.m. with e.g. forms.",
        "J. Smith said it.", "See no. 5 on the list.", "[name] said hi!", "Really?", "Yes…",
        "New line"]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences('She said "come back Monday." So I did.') == ['She said "come back Monday."',
                                                                   "So I did."]


def test_short_turn_is_one_segment():
    assert split_into_segments("Five weeks! With a forty-six quid grant.") == [
        "Five weeks! With a forty-six quid grant."]


def test_long_turn_splits_between_sentences_within_word_limits():
    sentence = ("I rang the number at seven in the morning and nobody answered because it was a "
                "Saturday.")
    text = " ".join([sentence] * 12)
    segments = segment_text(text)
    assert len(segments) > 1
    for seg in segments:
        assert seg.text == text[seg.start:seg.end]
        assert seg.text.endswith(".") and seg.text[0].isupper()
        assert 25 <= len(seg.text.split()) <= 80
        assert 1 <= len(sentences(seg.text)) <= 4


def test_a_single_very_long_sentence_stays_whole():
    clause = "then I went to the council and they sent me somewhere else and "
    text = "And " + clause * 12 + "that was it."
    assert split_into_segments(text) == [text]


def test_many_tiny_sentences_gather_past_four_to_reach_the_minimum():
    text = "Six weeks. That's it. In and out. Lost the flat. Lost the job. Back again."
    assert len(split_into_segments(text)) == 1


def test_short_tail_joins_the_segment_before():
    long = ("I was on a building site and I lost the job because the sentence was six weeks "
            "long. ") * 3
    segments = split_into_segments(long + "Every time.")
    assert segments[-1].endswith("Every time.")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc DEF.?!\n[]'\"0123"), max_size=400))
def test_segments_cover_the_text_in_order_without_losing_words(text):
    segments = segment_text(text)
    assert " ".join(s.text for s in segments).split() == text.split()
    assert all(a.end <= b.start for a, b in pairwise(segments))


@pytest.mark.parametrize("text", [
    "yeah", "Yeah.", "Mm.", "Mhm", "That's right.", "Sound.", "Yeah, that's fine.", "Go on then.",
    "Same. Exactly the same.", "Tell 'em, mate.", "Thanks, babe.", "Cheers, Alex.",
    "Well done, [name].",
    "No way.", "Ha, yeah.", "", "Thank you. Bye.",
])
def test_backchannel(text):
    assert is_backchannel(text)


@pytest.mark.parametrize("text", [
    "Five weeks.", "Friday again.", "Yeah, but that's the support that failed, not the flat.",
    "A bed ain't a home.", "Dual diagnosis.", "Yeah, lived experience, innit.", "Alex?",
])
def test_not_backchannel(text):
    assert not is_backchannel(text)
