"""run_analysis on invented forum segments with a fake embedder."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import asdict

from analysis.core.themes import (
    Codebook,
    SegmentInput,
    TextModels,
    ThemeOptions,
    acceptable_label,
    run_analysis,
)

MAJORITY = 0.7


def run(segments, questions, codebook, embedder, cache, words, **kwargs):
    return run_analysis(segments, questions=questions, codebook=codebook,
                        models=TextModels(embedder=embedder, cache=cache, words=words), **kwargs)


def test_same_input_gives_the_same_themes_in_any_order(segments, questions, codebook, embedder,
                                                       cache, words):
    first = run(segments, questions, codebook, embedder, cache, words)
    shuffled = list(segments)
    random.Random(4).shuffle(shuffled)
    again = run(shuffled, questions, codebook, embedder, cache, words,
                options=ThemeOptions(seed=5))
    assert [asdict(t) for t in first.themes] == [asdict(t) for t in again.themes]
    assert first.not_grouped == again.not_grouped


def test_every_segment_is_placed_and_small_talk_is_shown_not_hidden(
        segments, topics, questions, codebook, embedder, cache, words):
    result = run(segments, questions, codebook, embedder, cache, words)
    assert set(result.assignments) == {s.id for s in segments}
    assert len(result.not_grouped) <= 0.15 * len(segments)
    assert {topics[i] for i in result.not_grouped} == {"smalltalk"}
    assert all(result.assignments[i] is None for i in result.not_grouped)


def test_codebook_guides_segments_to_codes(segments, topics, questions, codebook, embedder,
                                           cache, words):
    result = run(segments, questions, codebook, embedder, cache, words)
    by_code = {t.code: t for t in result.themes if t.code}
    expected = {"housing": "Housing and homelessness",
                "breach": "Community sentences, conditions and breach",
                "mental": "Mental health and liaison and diversion",
                "drugs": "Drugs, alcohol and recovery", "police": "Police contact and trust"}
    for topic, code in expected.items():
        theme = by_code[code]
        assert theme.label == code and not theme.is_new
        topic_ids = {i for i, t in topics.items() if t == topic}
        assert len(topic_ids & set(theme.segment_ids)) >= MAJORITY * len(topic_ids)


def test_themes_outside_the_codebook_are_discovered_as_new(segments, topics, questions,
                                                           codebook, embedder, cache, words):
    result = run(segments, questions, codebook, embedder, cache, words)
    new = [t for t in result.themes if t.is_new]
    assert new and all(t.code is None for t in new)
    offline = max(new, key=lambda t: sum(topics[i] == "offline" for i in t.segment_ids))
    assert Counter(topics[i] for i in offline.segment_ids).most_common(1)[0][0] == "offline"
    assert acceptable_label(offline.label)  # a noun phrase naming it, made from its words


def test_without_a_codebook_all_themes_are_new(segments, questions, embedder, cache, words):
    result = run(segments, questions, Codebook(), embedder, cache, words)
    assert result.themes and all(t.is_new and t.code is None for t in result.themes)
    assert len(result.not_grouped) <= 0.15 * len(segments)


def test_theme_ids_run_from_the_largest(segments, questions, codebook, embedder, cache, words):
    result = run(segments, questions, codebook, embedder, cache, words)
    assert [t.id for t in result.themes] == list(range(len(result.themes)))
    sizes = [t.segment_count for t in result.themes]
    assert sizes == sorted(sizes, reverse=True)
    assert all(t.segment_count == len(t.segment_ids) for t in result.themes)


def test_totals_let_a_page_say_n_of_m(segments, questions, codebook, embedder, cache, words):
    result = run(segments, questions, codebook, embedder, cache, words)
    theme = result.themes[0]
    assert theme.member_total == len({s.member_id for s in segments})
    assert theme.source_total == 4
    assert 0 < theme.member_count <= theme.member_total
    assert 0 < theme.source_count <= theme.source_total


def test_reanalysis_embeds_nothing_new(segments, questions, codebook, embedder, cache, words):
    run(segments, questions, codebook, embedder, cache, words)
    calls = len(embedder.calls)
    run(segments, questions, codebook, embedder, cache, words, options=ThemeOptions(seed=3))
    assert len(embedder.calls) == calls


def test_progress_is_reported_in_order(segments, questions, codebook, embedder, cache, words):
    seen = []
    run(segments, questions, codebook, embedder, cache, words,
        progress=lambda stage, percent: seen.append((stage, percent)))
    percents = [p for _, p in seen]
    assert percents == sorted(percents) and percents[-1] == 100


def test_settings_used_are_returned(segments, questions, codebook, embedder, cache, words):
    settings = run(segments, questions, codebook, embedder, cache, words,
                   options=ThemeOptions(seed=7)).settings
    assert settings.n_segments == len(segments) and settings.seed == 7
    assert settings.embedder == "fake-concepts" and settings.method == "bertopic:spectral-ward"


def test_empty_and_tiny_inputs(questions, codebook, embedder, cache, words):
    empty = run([], questions, codebook, embedder, cache, words)
    assert empty.themes == [] and empty.not_grouped == []
    one = [SegmentInput(1, "The hostel was awful.", "h1", member_id=1, source_key="survey:1")]
    result = run(one, questions, codebook, embedder, cache, words)
    assert sum(len(t.segment_ids) for t in result.themes) + len(result.not_grouped) == 1


def test_the_fitted_model_is_kept_and_places_new_segments(segments, questions, codebook,
                                                          embedder, cache, words, tmp_path):
    from analysis.core.themes import embed_segments, load_topic_model, transform_segments

    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words),
                          model_dir=tmp_path / "model")
    assert (tmp_path / "model" / "topic_embeddings.safetensors").exists()
    model = load_topic_model(tmp_path / "model", embedder, cache)
    placed = transform_segments(model, segments, embed_segments(segments, embedder, cache), 0.0)
    same = sum(topic == result.assignments[s.id] for s, (topic, _) in zip(segments, placed,
                                                                        strict=True))
    assert same >= 0.7 * len(segments)  # the same segments mostly land where they were


def test_each_theme_says_in_how_many_resamples_it_was_found_again(segments, questions, codebook,
                                                                 embedder, cache, words):
    result = run(segments, questions, codebook, embedder, cache, words)
    assert result.settings.resamples == 10
    assert all(t.found_again is not None and 0 <= t.found_again <= 10 for t in result.themes)
    assert any(t.found_again == 10 for t in result.themes)
