"""Round twenty-three: a name or place found only in part is grown over the rest of its
capitalised words ("Castle Craig" found as "Craig"), two surnames said as one firm are one
span ("Harland and Wolff", "Kilbride & Moss"), and a sentence's first word is joined only
when it is a noun.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


def _hidden(text, spans):
    """The text with every span's words removed, to see what is left of a name."""
    for _label, piece in spans:
        text = text.replace(piece, "#")
    return text


@pytest.mark.parametrize("text, whole", [
    ("the council funded Castle Craig for me in the end", "Castle Craig"),
    ("we ended up in Kirkby Lonsdale for the summer", "Kirkby Lonsdale"),
    ("Blackbird Leys lads are all inside now", "Blackbird Leys"),
    ("i did nights at Harland and Wolff for ten years", "Harland and Wolff"),
    ("ring Pettigrew & Doyle, they got me bail", "Pettigrew & Doyle"),
])
def test_no_part_of_a_many_word_name_is_left(text, whole, real_nlp):
    spans = found(text, real_nlp)
    assert any(piece == whole for _label, piece in spans), spans


@pytest.mark.parametrize("text, kept", [
    ("Tell Craig I said hello", "Tell"),
    ("Yesterday Craig came round with food", "Yesterday"),
    ("Poor Craig never stood a chance in there", "Poor"),
    ("Dr Okafor said I was fine to go", "said"),
    ("back in Scotland Craig was my only friend", "Scotland"),
])
def test_words_beside_a_name_that_are_not_part_of_it_still_kept(text, kept, real_nlp):
    assert kept in _hidden(text, found(text, real_nlp))


def test_two_people_joined_by_and_still_two_spans(real_nlp):
    spans = found("me and Dave and Steve went out on the Friday", real_nlp)
    assert ("name", "Dave") in spans and ("name", "Steve") in spans
