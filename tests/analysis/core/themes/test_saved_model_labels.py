"""The BERTopic model kept with a run names its topics as the run's final themes: a run renamed
in its question's words (``question_names``) keeps no trace of the code it lost, so segments
that join later by ``transform`` land in the renamed theme."""
from __future__ import annotations

from dataclasses import replace

from analysis.core.themes import (
    TextModels,
    embed_segments,
    load_topic_model,
    run_analysis,
    transform_segments,
)

RENAMED = "Somewhere safe to live"


def _rename_the_first_coded_run(monkeypatch, renamed: list[str]):
    """The question's words fit the first run a code named: the pipeline's own renaming step
    then runs as it does when ``question_labels`` finds the question's phrase better."""
    def better(labels, groups, answers, questions, texts, models):
        out: list[str | None] = [None] * len(labels)
        for i, label in enumerate(labels):
            if label in renamed:
                out[i] = RENAMED
                break
        return out

    monkeypatch.setattr("analysis.core.themes.question_names.question_labels", better)


def test_a_renamed_run_is_the_saved_models_topic_and_joins_take_it(
        segments, questions, codebook, models, tmp_path, monkeypatch):
    as_document = [replace(s, source_key="document:1", member_id=None) for s in segments]
    embedder, cache = models.embedder, models.cache
    code = "Housing and homelessness"
    _rename_the_first_coded_run(monkeypatch, [code])
    result = run_analysis(as_document, models=models, codebook=codebook, questions=questions,
                          model_dir=tmp_path / "model")
    renamed = next(t for t in result.themes if t.label == RENAMED)
    assert renamed.code is None and all(t.code != code for t in result.themes)

    model = load_topic_model(tmp_path / "model", embedder, cache)
    shown = model.get_topic_info().set_index("Topic")["CustomName"].to_dict()
    assert shown[renamed.id] == RENAMED
    assert all(shown[t.id] == t.label for t in result.themes)
    assert not any(code in name for name in shown.values()), shown
    # A new passage about housing joins the renamed topic, which names the renamed theme.
    new = [replace(as_document[0], id=10_000, text="The hostel said there was no room, so I "
                   "slept on a sofa until the council found me a flat.", text_hash="new")]
    (topic, _), = transform_segments(model, new, embed_segments(new, embedder, cache), 0.0)
    assert topic == renamed.id and shown[topic] == RENAMED


def test_a_free_runs_saved_model_names_its_topics_as_its_themes_and_their_codes(
        segments, questions, codebook, embedder, cache, words, tmp_path):
    # Codes as zero-shot topics: BERTopic names those after the code's text, by topic ids
    # the theme-set rules have renumbered since.
    models = TextModels(embedder=embedder, cache=cache, words=words)
    result = run_analysis(segments, models=models, codebook=codebook, questions=questions,
                          model_dir=tmp_path / "model")
    assert any(t.code is not None for t in result.themes)
    model = load_topic_model(tmp_path / "model", embedder, cache)
    shown = model.get_topic_info().set_index("Topic")["CustomName"].to_dict()
    assert {t.id: shown[t.id] for t in result.themes} == {t.id: t.label for t in result.themes}
