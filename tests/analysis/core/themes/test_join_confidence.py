"""How sure a segment that joins a theme after the run is: the calibrated similarity."""
from __future__ import annotations

import numpy as np

from analysis.core.questions import CHECK_BELOW
from analysis.core.themes import (
    SegmentInput,
    ThemeOptions,
    embed_segments,
    joined_in_context,
    load_topic_model,
    run_analysis,
    transform_segments,
)
from analysis.core.themes.join_confidence import join_confidence


def test_confidence_is_a_probability_that_never_falls_as_similarity_rises():
    similarity = np.linspace(-1.0, 1.0, 401)
    sure = join_confidence(similarity)
    assert sure.shape == similarity.shape
    assert np.all((sure >= 0) & (sure <= 1))
    assert np.all(np.diff(sure) > 0)
    # The measured curve (bench/check_calibration.py), not the similarity itself: held out,
    # a join at similarity 0.5 was right about 55-60% of the time, at 0.9 about 90%.
    assert 0.5 < join_confidence(0.5) < 0.65 and join_confidence(0.9) > CHECK_BELOW
    assert join_confidence(0.3) < 0.5 and join_confidence(-0.5) < 0.05


def test_a_documents_passage_joined_among_its_neighbours_is_less_sure():
    # Blended with its neighbours, a passage sits closer to every centre: held out, 0.85
    # was right about 62% of the time for the development document.
    plain, passage = join_confidence([0.85, 0.85], [False, True])
    assert passage < CHECK_BELOW <= plain
    segments = [SegmentInput(1, "a", "a", source_key="document:3"),
                SegmentInput(2, "b", "b", source_key="transcript:4"),
                SegmentInput(3, "c", "c", source_key="survey:1")]
    assert joined_in_context(segments).tolist() == [True, False, False]


def test_near_a_themes_centre_is_sure_and_far_is_not(segments, models, embedder, cache,
                                                      tmp_path):
    result = run_analysis(segments, models=models, model_dir=tmp_path / "model")
    model = load_topic_model(tmp_path / "model", embedder, cache)
    theme = result.themes[0]
    rows = [r for r, s in enumerate(segments) if s.id in set(theme.segment_ids)]
    own = embed_segments(segments, embedder, cache)
    centre = own[rows].mean(axis=0)
    chatter = SegmentInput(id=9001, text="Oh yes, and me too.", text_hash="chatter")
    new = [SegmentInput(id=9000, text="centre", text_hash="centre"), chatter]
    vectors = np.stack([centre / np.linalg.norm(centre),
                        embed_segments([chatter], embedder, cache)[0]])
    placed = transform_segments(model, new, vectors, ThemeOptions().reassign_threshold)
    near, far = join_confidence([similarity for _, similarity in placed])
    assert placed[0][0] == theme.id and near >= CHECK_BELOW
    assert far < CHECK_BELOW
    # So far from every theme that it is not placed at all: it stays "not grouped".
    assert placed[1][0] is None
