"""Embedding stage: the cache means unchanged text is never embedded twice."""
from __future__ import annotations

import numpy as np

from analysis.core.themes import (
    EmbeddingCache,
    FileEmbeddingCache,
    InMemoryEmbeddingCache,
    SegmentInput,
    embed_segments,
    minilm_path,
)
from analysis.core.themes.embed import normalise_rows


def test_second_run_embeds_nothing(segments, embedder, cache):
    first = embed_segments(segments, embedder, cache)
    calls = len(embedder.calls)
    again = embed_segments(segments, embedder, cache)
    assert calls == len({s.text_hash for s in segments})
    assert len(embedder.calls) == calls  # nothing new was embedded
    assert np.allclose(first, again)


def test_only_changed_text_is_embedded(segments, embedder, cache):
    embed_segments(segments, embedder, cache)
    before = len(embedder.calls)
    edited = SegmentInput(id=999, text="A brand new remark about the hostel.", text_hash="new")
    embed_segments([*segments, edited], embedder, cache)
    assert embedder.calls[before:] == ["A brand new remark about the hostel."]


def test_same_text_embedded_once_and_rows_are_unit(embedder):
    same = [SegmentInput(id=i, text="the hostel", text_hash="h") for i in range(3)]
    vectors = embed_segments(same, embedder, None)
    assert embedder.calls == ["the hostel"]
    assert vectors.shape[0] == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_caches_follow_the_protocol(tmp_path):
    assert isinstance(InMemoryEmbeddingCache(), EmbeddingCache)
    path = tmp_path / "vectors.npz"
    FileEmbeddingCache(path=path).put_many({"abc": np.array([3.0, 4.0])}, "m")
    reloaded = FileEmbeddingCache(path=path)
    assert isinstance(reloaded, EmbeddingCache)
    assert np.allclose(reloaded.get_many(["abc", "missing"], "m")["abc"], [3.0, 4.0])
    assert reloaded.get_many(["abc"], "other-model") == {}


def test_zero_rows_stay_zero():
    rows = normalise_rows(np.array([[0.0, 0.0], [3.0, 4.0]]))
    assert np.allclose(rows, [[0, 0], [0.6, 0.8]])


def test_model_files_are_inside_the_package():
    path = minilm_path()
    assert (path / "config.json").exists()
    assert (path / "model.safetensors").exists()
