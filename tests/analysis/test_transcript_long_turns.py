"""A turn too long to review (a transcript pasted from a website with no line breaks was one
turn of 110 KB) is cut into turns of a readable size, at sentence ends, losing no word."""
import re

from analysis.core.transcripts import parse_text
from analysis.core.transcripts.long_turns import LONG_TURN, PIECE_MOST

SENTENCES = ["I come out of Pentonville with forty quid and a bag.",
             "Nobody asked me where I was going to sleep that night!",
             "My sister Tracey put me up in her box room for a bit?",
             "Then probation said that was housing sorted, tick."]


def prose(size):
    text, n = "", 0
    while len(text) < size:
        text += (" " if text else "") + SENTENCES[n % len(SENTENCES)]
        n += 1
    return text


def test_one_line_of_prose_becomes_turns_cut_at_sentence_ends():
    text = prose(110_000)
    turns = parse_text(text).turns
    assert len(turns) > 110_000 // PIECE_MOST
    assert [t.index for t in turns] == list(range(1, len(turns) + 1))
    assert all(len(t.text) <= PIECE_MOST for t in turns)
    assert all(t.text[-1] in ".!?" and t.text[0].isupper() for t in turns)
    assert " ".join(t.text for t in turns) == text  # every word, in order, once
    assert all(t.speaker is None and t.line_start == t.line_end == 1 for t in turns)


def test_a_long_labelled_turn_keeps_its_speaker_and_time_in_every_piece():
    text = f"[00:01:18] Dave: {prose(5000)}\n[00:04:00] Kerry: Same here.\n"
    turns = parse_text(text).turns
    daves = [t for t in turns if t.speaker == "Dave"]
    assert len(daves) > 1 and all(t.start_seconds == 78 for t in daves)
    assert " ".join(t.text for t in daves) == prose(5000)
    assert turns[-1].speaker == "Kerry" and turns[-1].index == len(turns)


def test_a_turn_under_the_limit_and_paragraphs_are_left_alone():
    text = f"Dave: {prose(LONG_TURN - 100)}\n\nKerry: Same.\n"
    assert [len(t.text) > 0 for t in parse_text(text).turns] == [True, True]


def test_text_with_no_full_stops_is_cut_between_words():
    words = " ".join(f"word{n}" for n in range(20_000))
    turns = parse_text(words).turns
    assert len(turns) > 1 and all(len(t.text) <= PIECE_MOST for t in turns)
    assert all(re.fullmatch(r"word\d+( word\d+)*", t.text) for t in turns)
    assert " ".join(t.text for t in turns) == words


def test_text_with_no_full_stops_is_not_cut_inside_a_phone_number_name_or_address():
    """Spoken text has no full stops: cut at the last space, '07700 | 900123' left the second
    half of a phone number alone at the start of a turn, where redaction did not see it."""
    chatter = "and then we went down the road again " * 31
    said = ("I live at 14 Aldgrove Road near the shop and I phone Karen Whitfield on 07700 "
            "900123 most days ") + "and then we went down the road again " * 12
    for pad in range(0, 150):
        text = " ".join((chatter[:len(chatter) - pad] + " " + said).split())
        turns = parse_text(text).turns
        assert len(turns) > 1 and " ".join(t.text for t in turns) == text
        for together in ("14 Aldgrove Road", "Karen Whitfield", "07700 900123"):
            assert any(together in t.text for t in turns), (pad, together)
