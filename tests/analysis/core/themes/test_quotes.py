"""Quotes worth printing: substantive, evidence-rich first, spread over members."""
from __future__ import annotations

import hashlib

import numpy as np

from analysis.core.themes import SegmentInput, pick_representatives
from analysis.core.themes.embed import normalise_rows
from analysis.core.themes.quotes import evidence_rich, has_placeholder, substantive

# Auto-pinned on the demo before issue #11: none is a quote.
BACK_CHANNEL = ["I hate that phrase, but yeah.", "No, I get you. That's sad, though, [name].",
                "Yeah, yeah, you know what I mean, innit.",
                "[name] at [prison] with [name] and [name]."]


def test_back_channel_and_placeholders_are_not_substantive():
    for text in BACK_CHANNEL:
        assert not substantive(text), text
    assert substantive("When I came out of prison I had nowhere to live and slept in a doorway.")


def test_experience_and_proposals_are_evidence_rich():
    assert evidence_rich("When I came out I slept in a doorway for a week.")
    assert evidence_rich("Probation should ring before they change an appointment.")
    assert not evidence_rich("It is what it is, really, all of it.")


def test_placeholders_are_found():
    assert has_placeholder("I was at [prison] then.")
    assert not has_placeholder("I was in prison then.")


def _segment(i, text, member):
    return SegmentInput(id=i, text=text, text_hash=hashlib.sha256(text.encode()).hexdigest(),
                        member_id=member, source_key="transcript:1")


def test_quotes_skip_back_channel_and_spread_over_members():
    talkative = [_segment(i, f"I waited {i} weeks for a housing appointment after my release.", 1)
                 for i in range(1, 7)]
    others = [_segment(10, "The council told me I was not a priority when I got out.", 2),
              _segment(11, "They should find people a flat before the release date comes.", 3)]
    chatter = [_segment(20, "I hate that phrase, but yeah.", 4)]
    segments = talkative + others + chatter
    rng = np.random.default_rng(0)
    base = rng.normal(size=16)
    vectors = normalise_rows(np.stack([base + 0.6 * rng.normal(size=16) for _ in segments]))
    vectors[-1] = normalise_rows((base + 0.01 * rng.normal(size=16))[None])[0]  # most central
    chosen = pick_representatives(list(range(len(segments))), vectors, segments, n=3)
    assert 20 not in chosen
    members = {s.member_id for s in segments if s.id in chosen}
    assert members == {1, 2, 3}  # three quotes, three members, though member 1 said most


def test_placeholders_are_named_once_each_in_order():
    from analysis.core.themes.quotes import placeholders

    assert placeholders("[name] said [prison] was worse than [name] thought.") == ["[name]",
                                                                                   "[prison]"]
    assert placeholders("I was in prison then.") == []


def test_a_passage_that_only_points_to_another_answer_is_not_a_quote():
    # Picked as a quote for the answer on alcohol tags (a fourth held-out response).
    for pointer in ["Please see our answer to Question 19, where we set out what members "
                    "think should be measured.",
                    "We have nothing to add beyond our response to Q4 on early support.",
                    "As we said in our answer to question 3 above, the same applies here."]:
        assert not substantive(pointer)
    # A long passage that also refers back still says something of its own.
    assert substantive("As we said in answer to Question 3, prescriptions stop on release: "
                       "Gaz waited four days for his script and used on the second night, "
                       "and three members told us the same happened to them last winter.")
