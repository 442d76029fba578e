"""Per-theme description: quotes, group breakdown with suppression, overlap, dominance."""
from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from analysis.core.themes import (
    SegmentInput,
    TextModels,
    breakdown_groups,
    co_occurrence,
    dominance,
    member_groups,
    pick_representatives,
    run_analysis,
)
from analysis.core.themes.embed import normalise_rows
from analysis.core.themes.quotes import substantive


def test_representative_quotes_are_central_and_distinct(segments, questions, codebook,
                                                         embedder, cache, words):
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    text = {s.id: s.text for s in segments}
    for theme in result.themes:
        quotes = theme.representative_ids
        assert set(quotes) <= set(theme.segment_ids)
        # Ranked candidates: three times the 5 shown, so quotes a member may not be
        # quoted in can be passed over.
        # Only full thoughts are quotes ("Yeah, course." never is).
        full = [i for i in theme.segment_ids if substantive(text[i])]
        # (The fake embedder gives one vector per concept, so near-duplicates are common.)
        assert min(1, len(full)) <= len(quotes) <= 15
        assert set(quotes) <= set(full) or not full
        assert len({text[q] for q in quotes}) == len(quotes)


def test_near_duplicates_and_documents_are_not_chosen(embedder):
    texts = ["The hostel was full of drugs.", "The hostel was full of drugs.",
             "The hostel was full of drugs!", "Rent arrears cost me the flat.",
             "The council would not house me.", "Housing policy section 4.2 says hostels."]
    segs = [SegmentInput(i, t, f"h{i}", member_id=i, source_key="transcript:1") for i, t in
            enumerate(texts)]
    segs[5] = SegmentInput(5, texts[5], "h5", None, "document:9")
    vectors = normalise_rows(embedder.encode(texts))
    chosen = pick_representatives(range(6), vectors, segs, n=5)
    assert 5 not in chosen
    assert len({texts[i].rstrip("!.") for i in chosen}) == len(chosen)


def test_quotes_from_documents_only_when_nothing_else(embedder):
    texts = ["The plan builds housing.", "Hostels will close.", "Rent support is promised."]
    segs = [SegmentInput(i, t, f"d{i}", None, "document:1") for i, t in enumerate(texts)]
    vectors = normalise_rows(embedder.encode([s.text for s in segs]))
    assert len(pick_representatives(range(3), vectors, segs, n=3)) == 3


def make_members(counts: dict[str, int]) -> dict[int, dict[str, str]]:
    groups, member = {}, 0
    for value, n in counts.items():
        for _ in range(n):
            member += 1
            groups[member] = {"gender": value}
    return groups


def test_groups_under_five_are_suppressed():
    groups = make_members({"man": 12, "woman": 7, "non-binary": 2})
    cells = {c.value: c for c in breakdown_groups(set(groups), groups)["gender"]}
    assert cells["non-binary"].suppressed and cells["non-binary"].shown == "fewer than 5"
    assert cells["non-binary"].members is None and cells["non-binary"].total is None
    # Only one small cell would be hidden, so the next smallest is hidden too: otherwise
    # it could be worked out from the theme's member count.
    assert cells["woman"].suppressed and cells["man"].shown == "12"


def test_a_zero_count_is_not_suppressed():
    groups = make_members({"man": 6, "woman": 6})
    theme = {m for m, g in groups.items() if g["gender"] == "man"}
    cells = {c.value: c for c in breakdown_groups(theme, groups)["gender"]}
    assert cells["woman"].shown == "0" and cells["man"].shown == "6"


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 12), min_size=1),
       st.integers(0, 10_000))
def test_no_count_from_one_to_four_is_ever_shown(counts, seed):
    groups = make_members(counts)
    rng = np.random.default_rng(seed)
    theme = {m for m in groups if rng.random() < 0.6}
    for cells in breakdown_groups(theme, groups).values():
        for cell in cells:
            assert cell.members is None or cell.members == 0 or cell.members >= 5
            assert cell.total is None or cell.total >= 5 or cell.total == 0


def test_members_without_an_answer_are_counted_as_not_stated():
    segs = [SegmentInput(1, "a", "a", 1, "s", {"age": "25-39"}), SegmentInput(2, "b", "b", 2, "s")]
    groups = member_groups(segs)
    values = {c.value for c in breakdown_groups({1, 2}, groups)["age"]}
    assert values == {"25-39", "not stated"}


def test_one_talkative_member_is_flagged(segments, topics, questions, codebook, embedder, cache,
                                         words):
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    travel = next(t for t in result.themes
                  if sum(topics[i] == "travel" for i in t.segment_ids) >= 4)
    assert travel.dominated_by_one_member and travel.top_member_share > 0.5
    assert not any(t.dominated_by_one_member for t in result.themes if t is not travel)


def test_dominance_needs_enough_segments():
    segs = [SegmentInput(i, "x", str(i), 7, "s") for i in range(3)]
    assert dominance(range(3), segs) == (False, 1.0)
    segs.append(SegmentInput(3, "y", "3", 8, "s"))
    assert dominance(range(4), segs) == (True, 0.75)


def test_co_occurrence_counts_shared_members_and_sources():
    segs = [SegmentInput(0, "a", "a", 1, "t:1"), SegmentInput(1, "b", "b", 1, "t:2"),
            SegmentInput(2, "c", "c", 2, "t:1"), SegmentInput(3, "d", "d", 3, "t:3")]
    overlaps = co_occurrence({0: [0], 1: [1, 2], 2: [3]}, segs)
    first = {c.theme_id: c for c in overlaps[0]}
    assert (first[1].shared_members, first[1].shared_sources) == (1, 1)
    assert 2 not in first and overlaps[2] == []
