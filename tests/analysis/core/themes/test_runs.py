"""Documents cut into runs of passages: where the subject changes, stable, joined across files."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from analysis.core.themes import TextModels, run_analysis
from analysis.core.themes.cluster import choose_settings, for_rows
from analysis.core.themes.embed import normalise_rows
from analysis.core.themes.runs import DocumentRunsClusterer, clear_changes, cut_runs


def adjusted_rand_score(truth, found) -> float:
    from sklearn.metrics import adjusted_rand_score as ari

    return float(ari(truth, found))


def document(lengths: list[int], subjects: list[int], seed: int = 4, spread: float = 0.5):
    """Rows in reading order: a run per length, about the given subject (same id, same
    centre), with noise. Returns (rows, subject per row)."""
    rng = np.random.default_rng(seed)
    middles = np.random.default_rng(99).normal(size=(max(subjects) + 1, 24))
    rows = np.concatenate([middles[s] + spread * rng.normal(size=(n, 24))
                           for n, s in zip(lengths, subjects, strict=True)])
    return normalise_rows(rows), np.repeat(subjects, lengths)


def test_a_document_is_cut_where_its_subject_changes():
    rows, truth = document([8, 12, 6, 10], [0, 1, 2, 3])
    labels = cut_runs(rows, 4, min_size=5)
    assert labels.tolist() == np.repeat([0, 1, 2, 3], [8, 12, 6, 10]).tolist()


def test_no_run_is_shorter_than_the_smallest_theme():
    rows, _ = document([8, 2, 10], [0, 1, 2])  # a two-passage aside
    labels = cut_runs(rows, 3, min_size=5)
    assert min(np.bincount(labels)) >= 5
    assert cut_runs(rows[:7], 4, min_size=5).tolist() == [0] * 7  # too short to cut


def test_leaving_out_a_tenth_of_the_passages_keeps_the_cuts():
    # What the quality bench measures (ARI between runs on two different 90% samples), on
    # a document noisy enough that free clustering of the same rows agrees only 0.59.
    rows, _ = document([14, 9, 16, 11, 12, 10], [0, 1, 2, 3, 4, 5], spread=1.5)
    sources = ["document:1"] * len(rows)
    rng = np.random.default_rng(8)
    picks = [np.sort(rng.choice(len(rows), 65, replace=False)) for _ in range(2)]
    runs = []
    for pick in picks:
        clusterer = for_rows(DocumentRunsClusterer(sources), pick)
        labels = clusterer.fit_predict(rows[pick], choose_settings(len(pick), 6), 0)
        runs.append(dict(zip(pick.tolist(), labels.tolist(), strict=True)))
    both = sorted(set(runs[0]) & set(runs[1]))
    assert adjusted_rand_score([runs[0][i] for i in both], [runs[1][i] for i in both]) > 0.9


def test_one_subject_in_two_documents_is_one_theme_and_a_document_is_never_rejoined():
    first, _ = document([10, 10], [0, 1], seed=1, spread=0.2)
    second, _ = document([10, 10], [1, 2], seed=2, spread=0.2)
    sources = ["document:1"] * 20 + ["document:2"] * 20
    labels = DocumentRunsClusterer(sources).fit_predict(
        np.concatenate([first, second]), choose_settings(40, 4), 0)
    assert len(set(labels[10:20].tolist())) == 1
    assert labels[10] == labels[20]  # subject 1, said in both documents
    assert labels[0] != labels[10] and labels[30] not in (labels[0], labels[10])


def test_a_documents_only_run_is_cut_into_runs_and_a_mixed_one_is_not(
        segments, topics, codebook, embedder, cache, words):
    # The forum fixture's ids follow its topics, so as one document it reads subject by
    # subject; the themes should be those stretches.
    as_document = [replace(s, source_key="document:1", member_id=None) for s in segments]
    models = TextModels(embedder=embedder, cache=cache, words=words)
    truth = [topics[s.id] for s in as_document]
    for guide in (None, codebook):
        result = run_analysis(as_document, models=models, codebook=guide)
        assert result.settings.method == "bertopic:document-runs"
        found = [-1 if (theme := result.assignments[s.id]) is None else theme
                 for s in as_document]
        assert adjusted_rand_score(truth, found) > 0.85
    mixed = as_document[:-1] + [replace(segments[-1], source_key="survey:1")]
    assert run_analysis(mixed, models=models).settings.method == "bertopic:spectral-ward"


def test_a_codebook_names_a_documents_runs_and_takes_no_passages_out_of_them(
        segments, codebook, embedder, cache, words):
    # Codes taking passages first pulled them out of the runs they sat in: on a held-out
    # response the built-in codebook cut agreement with the questions from 0.79 to 0.62.
    as_document = [replace(s, source_key="document:1", member_id=None) for s in segments]
    models = TextModels(embedder=embedder, cache=cache, words=words)
    free = run_analysis(as_document, models=models)
    guided = run_analysis(as_document, models=models, codebook=codebook)
    ids = [s.id for s in as_document]
    assert adjusted_rand_score([free.assignments[i] for i in ids],
                               [guided.assignments[i] for i in ids]) == 1.0
    assert any(theme.code is not None for theme in guided.themes)
    assert not any(theme.code is not None for theme in free.themes)


def test_many_short_documents_are_clustered_freely_not_one_theme_each(embedder, cache, words):
    # Thirty short responses of eight passages: runs would make each response a theme.
    from analysis.core.themes import SegmentInput
    from analysis.core.themes.runs import runs_suit

    texts = ["The hostel was awful and unsafe.", "Housing first would have kept me out.",
             "My probation officer never listened.", "Breach of my order sent me back."]
    short = [SegmentInput(id=d * 8 + i + 1, text=f"{texts[(d + i) % 4]} ({d}.{i})",
                          text_hash=f"d{d}.{i}", source_key=f"document:{d}")
             for d in range(30) for i in range(8)]
    assert not runs_suit(short)
    assert runs_suit([replace(s, source_key="document:1") for s in short])
    models = TextModels(embedder=embedder, cache=cache, words=words)
    assert run_analysis(short, models=models).settings.method == "bertopic:spectral-ward"


def test_an_empty_document_view_gives_no_labels():
    clusterer = DocumentRunsClusterer([], np.zeros((0, 24)))
    assert clusterer.fit_predict(np.zeros((0, 24)), choose_settings(0), 0).tolist() == []


def test_a_response_that_follows_the_questions_is_cut_where_its_answers_change():
    # Two answers about one subject (the same centre) read alike: by what they say alone
    # they are one run; the questions they answer tell them apart.
    rows, _ = document([10, 10, 10], [0, 0, 1], seed=3, spread=0.3)
    sources = ["document:1"] * 30
    answers = [0] * 10 + [1] * 10 + [2] * 10
    settings = choose_settings(30, 2)
    unguided = DocumentRunsClusterer(sources).fit_predict(rows, settings, 0)
    assert len(set(unguided[:20].tolist())) == 1
    guided = DocumentRunsClusterer(sources, answers=answers).fit_predict(rows, settings, 0)
    assert guided.tolist() == np.repeat([0, 1, 2], 10).tolist()
    # A 90% sample keeps the guide row by row.
    pick = np.array([r for r in range(30) if r % 10])
    sample = for_rows(DocumentRunsClusterer(sources, answers=answers), pick)
    assert adjusted_rand_score(np.repeat([0, 1, 2], 9),
                               sample.fit_predict(rows[pick], settings, 0)) == 1.0


def test_a_guide_that_does_not_match_the_rows_is_refused():
    import pytest

    with pytest.raises(ValueError, match="one entry"):
        DocumentRunsClusterer(["document:1"] * 3, answers=[0, 1])


def test_a_long_document_with_many_clear_subjects_gets_a_run_for_each():
    # Twelve subjects of eight passages: the square-root rule alone would give 7 runs.
    lengths = [8] * 12
    rows, truth = document(lengths, list(range(12)), spread=0.5)
    settings = choose_settings(len(rows))
    assert settings.n_clusters < 12
    labels = DocumentRunsClusterer(["document:1"] * len(rows)).fit_predict(rows, settings, 0)
    assert adjusted_rand_score(truth, labels) == 1.0


def test_one_subject_said_at_length_is_not_cut_for_clearness():
    rows, _ = document([60], [0], spread=1.5)
    assert clear_changes(rows, 5) == 1


def test_a_document_of_identical_passages_is_one_run():
    rows = normalise_rows(np.ones((12, 24)))
    assert clear_changes(rows, 5) == 1  # no spread: no penalty to weigh cuts by


def test_many_unlike_passages_get_at_most_twice_the_runs_asked_for():
    # Forty short subjects of three passages: each cut is clear, but forty themes from one
    # document is no reading of it.
    rows, _ = document([3] * 40, list(range(40)), spread=0.2)
    settings = choose_settings(len(rows), 6)
    labels = DocumentRunsClusterer(["document:1"] * len(rows)).fit_predict(rows, settings, 0)
    assert len(set(labels.tolist())) <= 2 * 6


def test_questions_answered_in_a_passage_or_two_do_not_cut_a_long_answer_apart():
    # Four long answers around twelve one-passage answers ("No comment."): a run per
    # question asked for sixteen runs, and runs of five passages or more could only get
    # them by cutting the long answers (a fourth held-out response: 20 questions, 7 of
    # them answered in 1-3 passages). A short answer counts as the share of a run it fills.
    lengths = [10, 10] + [1] * 12 + [10, 10]
    rows, _ = document(lengths, list(range(16)), spread=0.5)
    answers = np.repeat(np.arange(16), lengths).tolist()
    settings = choose_settings(len(rows))
    labels = DocumentRunsClusterer(["document:1"] * len(rows), answers=answers).fit_predict(
        rows, settings, 0)
    for start in (0, 10, 32, 42):
        assert len(set(labels[start:start + 10].tolist())) == 1


def test_a_flipped_answer_moves_the_cut_under_a_one_hot_guide_but_not_under_probabilities():
    # Ten passages on one subject, ten on another; the tenth reads a little more like the
    # first subject, and the mapping is torn between the two questions for it. Leaving one
    # passage out tips its best question from the first to the second (0.51 -> 0.49): a
    # one-hot guide then jumps from one question to the other and moves the cut, while its
    # probabilities barely move, so the cut stays where what it says puts it.
    a, b = np.eye(24)[0], np.eye(24)[1]
    rows = normalise_rows(np.vstack([np.tile(a, (9, 1)), 0.52 * a + 0.48 * b,
                                     np.tile(b, (10, 1))]))
    sources = ["document:1"] * 20
    settings = replace(choose_settings(20), n_clusters=2)
    full = np.array([[1.0, 0.0]] * 9 + [[0.51, 0.49]] + [[0.0, 1.0]] * 10)
    pick = np.array([r for r in range(20) if r != 3])
    sample = full[pick]
    sample[8] = [0.49, 0.51]  # the torn passage, now row 8 of the sample

    def cut(probabilities, guided_rows):
        answers = probabilities.argmax(axis=1).tolist()
        return DocumentRunsClusterer(sources[:len(guided_rows)], answers=answers,
                                     probabilities=probabilities).fit_predict(
            guided_rows, settings, 0).tolist()

    def one_hot(probabilities, guided_rows):
        answers = probabilities.argmax(axis=1).tolist()
        return DocumentRunsClusterer(sources[:len(guided_rows)], answers=answers).fit_predict(
            guided_rows, settings, 0).tolist()

    assert cut(full, rows) == [0] * 10 + [1] * 10
    assert cut(sample, rows[pick]) == [0] * 9 + [1] * 10  # the torn passage stays first
    assert one_hot(full, rows) == [0] * 10 + [1] * 10
    assert one_hot(sample, rows[pick]) == [0] * 8 + [1] * 11  # it jumped to the second run
    # A sample of the clusterer keeps each row's probabilities beside its question.
    whole = DocumentRunsClusterer(sources, answers=full.argmax(axis=1).tolist(),
                                  probabilities=full)
    assert np.array_equal(for_rows(whole, pick).probabilities, full[pick])
