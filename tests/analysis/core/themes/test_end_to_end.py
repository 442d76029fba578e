"""One slow end-to-end run with the real MiniLM model and spaCy (marked slow)."""
from __future__ import annotations

from collections import Counter

import pytest

from analysis.core.themes import (
    InMemoryEmbeddingCache,
    MiniLMEmbedder,
    TextModels,
    ThemeOptions,
    run_analysis,
)

pytestmark = pytest.mark.slow


def test_real_models_find_codes_new_themes_and_questions(segments, topics, questions, codebook):
    cache = InMemoryEmbeddingCache()
    embedder = MiniLMEmbedder()
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache))
    again = run_analysis(segments, questions=questions, codebook=codebook,
                         models=TextModels(embedder=embedder, cache=cache),
                         options=ThemeOptions(seed=1))
    assert [(t.label, t.segment_ids) for t in result.themes] == [
        (t.label, t.segment_ids) for t in again.themes]

    by_code = {t.code: t for t in result.themes if t.code}
    for topic, code in {"housing": "Housing and homelessness",
                        "police": "Police contact and trust",
                        "drugs": "Drugs, alcohol and recovery"}.items():
        ids = {i for i, t in topics.items() if t == topic}
        # The codebook guides, it does not flatten: a code's theme is about that code
        # (most of its segments are), and it holds a fair share of what was said about it.
        held = ids & set(by_code[code].segment_ids)
        assert len(held) >= 0.6 * len(by_code[code].segment_ids)
        assert len(held) >= 0.4 * len(ids)

    offline = [t for t in result.themes if t.is_new
               and Counter(topics[i] for i in t.segment_ids).most_common(1)[0][0] == "offline"]
    assert offline and "_" not in offline[0].label
    assert len(result.not_grouped) <= 0.15 * len(segments)
    housing_ids = [i for i, t in topics.items() if t == "housing"]
    assert sum(result.questions[i].question_id == 1 for i in housing_ids) >= 0.5 * len(housing_ids)
