"""The pipeline's shapes are built by name: no long rows of positional zeros."""
import pytest

from analysis.core.themes import AnalysisSettings, FoundTheme, TextModels, run_analysis
from analysis.core.themes.words import SimpleWordAnalyser


def test_settings_are_named_and_default_to_not_used():
    settings = AnalysisSettings(n_segments=12, method="split")

    assert (settings.n_clusters, settings.code_threshold, settings.embedder) == (0, 0.0, "")
    with pytest.raises(TypeError):
        AnalysisSettings(12, "split")  # type: ignore[misc]


def test_a_found_theme_needs_only_its_id_and_label():
    theme = FoundTheme(id=0, label="Housing")

    assert (theme.segment_ids, theme.member_count, theme.code) == ([], 0, None)
    with pytest.raises(TypeError):
        FoundTheme(0, "Housing")  # type: ignore[misc]


def test_run_analysis_takes_everything_but_the_segments_by_name(embedder):
    with pytest.raises(TypeError):
        run_analysis([], [], None, embedder, None)  # type: ignore[misc]

    result = run_analysis([], models=TextModels(embedder=embedder, words=SimpleWordAnalyser()))

    assert (result.themes, result.settings.method) == ([], "none")
