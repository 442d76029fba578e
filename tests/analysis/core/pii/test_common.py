"""The redactor's shared reading helpers: the word before an offset, a sentence's start."""
import pytest

from analysis.core.pii.common import is_sentence_start, last_word


@pytest.mark.parametrize(("text", "index", "word"), [
    ("I told June", 7, "told"),
    ("me and  \n Summer", 10, "and"),
    ("Summer", 0, ""),
    ("   Summer", 3, ""),
    ("in\tMay", 3, "in"),
    ("she said, Will", 10, "said,"),
])
def test_last_word_is_the_word_split_would_give(text, index, word):
    assert last_word(text, index) == word
    split = text[:index].rstrip().split()
    assert (split[-1] if split else "") == word


@pytest.mark.parametrize(("text", "index", "starts"), [
    ("Hope so", 0, True),
    ('He said. "Hope so', 10, True),
    ("Well: Hope so", 6, True),
    ("line one\n  Hope so", 11, True),
    ("I hope Hope is here", 7, False),
    ('said "Hope', 6, False),
])
def test_sentence_start(text, index, starts):
    assert is_sentence_start(text, index) is starts


def test_a_long_transcript_is_read_backwards_only_as_far_as_the_word():
    # A word after a million spaces is still "no word before"; nothing before it is split.
    text = "x" + " " * 1_000_000 + "June"
    assert last_word(text, len(text) - 4) == "x"
    assert last_word(" " * 1_000_000 + "June", 1_000_000) == ""
