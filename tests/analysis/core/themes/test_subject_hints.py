"""A theme clearly nearest one code takes the code's words as a label hint, and its name
as the label when the theme's segments say those words."""
from __future__ import annotations

import numpy as np

from analysis.core.themes import Codebook, SimpleWordAnalyser
from analysis.core.themes.guide import CodeVectors, code_words, subject_hints
from analysis.core.themes.schema import Code

CODEBOOK = Codebook(codes=[
    Code("Housing and homelessness", "Hostels, councils, landlords and somewhere to live."),
    Code("Drugs, alcohol and recovery", "Methadone scripts, detox, rehab and relapse."),
    Code("Employment, benefits and criminal records", "Universal credit, jobs and DBS checks."),
])
# Three orthogonal code centres (one anchor each) in 4 dimensions.
CODES = CodeVectors(CODEBOOK, np.eye(4, dtype=np.float32)[:3], np.array([0, 1, 2]))


def _unit(*weights):
    v = np.array(weights, dtype=np.float32)
    return v / np.linalg.norm(v)


def _run(groups, vectors, texts, taken=()):
    words = SimpleWordAnalyser()
    return subject_hints(groups, np.stack(vectors), CODES, code_words(CODEBOOK, words),
                         words.analyse(texts), taken)


HOUSING_TEXTS = ["The hostel had no bed.", "The council said I was not a priority.",
                 "No landlord takes a record.", "I slept on a sofa."]
JOB_TEXTS = ["My sister was lovely.", "I went to the gym.", "It rained all week.",
             "The café was nice."]


def test_code_words_are_the_lemmas_of_name_and_description():
    words = code_words(CODEBOOK, SimpleWordAnalyser())
    assert {"housing", "hostel", "council", "landlord"} <= words[0]
    assert {"methadone", "detox"} <= words[1]


def test_clear_nearest_code_said_by_the_segments_names_the_theme():
    vectors = [_unit(1, 0.3, 0, 0.5)] * 4
    assert _run([[0, 1, 2, 3]], vectors, HOUSING_TEXTS) == [(0, True)]


def test_nearest_code_nobody_mentions_is_a_hint_only():
    vectors = [_unit(1, 0.3, 0, 0.5)] * 4
    assert _run([[0, 1, 2, 3]], vectors, JOB_TEXTS) == [(0, False)]


def test_no_clear_nearest_code_gives_no_hint():
    vectors = [_unit(1, 0.98, 0, 0.5)] * 4  # housing and drugs within the margin
    assert _run([[0, 1, 2, 3]], vectors, HOUSING_TEXTS) == [(None, False)]


def test_a_code_names_one_theme_only_and_never_one_already_on_a_theme():
    vectors = [_unit(1, 0.2, 0, 0.2)] * 4 + [_unit(1, 0.3, 0, 0.8)] * 4
    texts = HOUSING_TEXTS * 2
    assert _run([[0, 1, 2, 3], [4, 5, 6, 7]], vectors, texts) == [(0, True), (0, False)]
    assert _run([[0, 1, 2, 3]], vectors[:4], HOUSING_TEXTS, taken={0}) == [(0, False)]


def test_no_codes_no_hints():
    empty = CodeVectors(Codebook(), np.zeros((0, 4), np.float32), np.zeros(0, int))
    words = SimpleWordAnalyser()
    assert subject_hints([[0]], np.stack([_unit(1, 0, 0, 0)]), empty, [],
                         words.analyse(["hostel"])) == [(None, False)]
