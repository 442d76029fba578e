"""Split, merge and move return new results and leave untouched themes alone."""
from __future__ import annotations

import pytest

from analysis.core.themes import merge_themes, move_segments, recluster_theme, run_analysis


@pytest.fixture
def result(segments, questions, codebook, models):
    return run_analysis(segments, questions=questions, codebook=codebook, models=models)


def test_split_makes_two_to_four_sub_themes(result, segments, embedder, models):
    target = result.themes[0]
    calls = len(embedder.calls)
    split = recluster_theme(result, target.id, segments, models)
    assert len(embedder.calls) == calls  # vectors came from the cache
    subs = [t for t in split.themes if t.id > max(x.id for x in result.themes)]
    assert 2 <= len(subs) <= 4
    assert sorted(i for t in subs for i in t.segment_ids) == target.segment_ids
    assert all(t.code == target.code and t.label != target.label for t in subs)
    assert target.id not in {t.id for t in split.themes}
    before = {t.id: t for t in result.themes if t.id != target.id}
    for theme in split.themes:
        if theme.id in before:
            assert (theme.label, theme.keywords, theme.segment_ids) == (
                before[theme.id].label, before[theme.id].keywords, before[theme.id].segment_ids)


def test_split_into_a_chosen_number(result, segments, models):
    split = recluster_theme(result, result.themes[0].id, segments, models, n_subthemes=3)
    assert len(split.themes) == len(result.themes) + 2


def test_unknown_theme_cannot_be_split(result, segments, models):
    with pytest.raises(KeyError):
        recluster_theme(result, 999, segments, models)


def test_merge_is_a_union(result, segments, models):
    a, b = result.themes[0], result.themes[1]
    merged = merge_themes(result, [a.id, b.id], segments, models, label="Both")
    theme = next(t for t in merged.themes if t.id == a.id)
    assert theme.segment_ids == sorted(a.segment_ids + b.segment_ids)
    assert theme.label == "Both" and b.id not in {t.id for t in merged.themes}
    assert all(merged.assignments[i] == a.id for i in b.segment_ids)


def test_move_to_another_theme_and_to_not_grouped(result, segments, models):
    source, target = result.themes[0], result.themes[1]
    moved = move_segments(result, source.segment_ids[:2], target.id, segments, models)
    assert all(moved.assignments[i] == target.id for i in source.segment_ids[:2])
    out = move_segments(moved, [source.segment_ids[2]], None, segments, models)
    assert source.segment_ids[2] in out.not_grouped
    assert result.assignments[source.segment_ids[2]] == source.id  # input unchanged


def test_a_rerun_is_matched_to_the_last_run(result, segments, questions, codebook, models):
    from analysis.core.themes import match_previous_themes

    previous = {t.id + 100: t.segment_ids for t in result.themes}
    rerun = run_analysis(segments, questions=questions, codebook=codebook, models=models)
    matched = match_previous_themes(previous, rerun)
    assert matched == {t.id: t.id + 100 for t in rerun.themes}
    halved = {500: result.themes[0].segment_ids[: len(result.themes[0].segment_ids) // 3]}
    assert match_previous_themes(halved, rerun) == {}
