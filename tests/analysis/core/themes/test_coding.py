"""Deductive coding matrix: search terms (lemma-aware, prefixes, regex) and meaning."""
from __future__ import annotations

from analysis.core.themes import Code, Codebook, SegmentInput, code_documents

CODEBOOK = Codebook((
    Code("Young adults", "Young adults aged 18 to 24 in the justice system",
         search_terms=("young adult*", r"re:\b(?:1[89]|2[0-4])[- ]year[- ]olds?\b")),
    Code("Breach", "Being breached or recalled", search_terms=("breach", "recall")),
    Code("Housing", "Homes, hostels and homelessness", examples=("nowhere to live",),
         search_terms=("homeless*", "hostel")),
))

PLANS = [
    SegmentInput(1, "We will divert young adults away from custody.", "a", None, "document:1"),
    SegmentInput(2, "Offenders were breached twice and later recalled.", "b", None, "document:1"),
    SegmentInput(3, "Support for 19-year-olds leaving care.", "c", None, "document:2"),
    SegmentInput(4, "More hostels and an end to homelessness.", "d", None, "document:2"),
    SegmentInput(5, "Street lighting will improve.", "e", None, "document:3"),
]


def test_matrix_has_every_source_and_code(words):
    matrix = code_documents(PLANS, CODEBOOK, words=words)
    assert matrix.sources == ["document:1", "document:2", "document:3"]
    assert matrix.codes == ["Young adults", "Breach", "Housing"]
    assert len(matrix.cells) == 9


def test_terms_match_inflected_forms_prefixes_and_regexes(words):
    cells = code_documents(PLANS, CODEBOOK, words=words).cells
    breach = cells[("document:1", "Breach")]
    assert breach.present and breach.count == 1 and breach.passage_ids == [2]
    assert set(breach.matches[0].terms) == {"breach", "recall"}
    assert cells[("document:1", "Young adults")].passage_ids == [1]
    assert cells[("document:2", "Young adults")].passage_ids == [3]  # the regex
    assert cells[("document:2", "Housing")].passage_ids == [4]
    assert not any(cells[("document:3", c)].present for c in CODEBOOK.names())


def test_definitions_match_by_meaning(embedder, cache, words):
    passages = [SegmentInput(1, "People leave custody with nowhere to live.", "x", None,
                             "document:1")]
    matrix = code_documents(passages, CODEBOOK, embedder=embedder, cache=cache, words=words,
                            use_terms=False, threshold=0.5)
    match = matrix.cells[("document:1", "Housing")].matches[0]
    assert match.how == "meaning" and match.similarity >= 0.5


def test_rows_are_ready_for_csv(words):
    rows = code_documents(PLANS, CODEBOOK, words=words).rows()
    assert rows[0].keys() == {"source", "code", "present", "count", "passage_ids"}
    assert {"source": "document:1", "code": "Breach", "present": "yes", "count": 1,
            "passage_ids": "2"} in rows
