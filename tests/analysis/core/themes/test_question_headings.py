"""A theme run (and so ``python -m analysis themes``) gives the question mapper each document
passage's heading, as the app does: a preamble is held at 'Check', a "Q3." heading counts."""
from __future__ import annotations

import numpy as np

from analysis.core.themes import map_questions
from analysis.core.themes.schema import QuestionInput, SegmentInput


def _segments(rows):
    return [SegmentInput(id=i + 1, text=text, text_hash=f"h{i}", source_key=source)
            for i, (source, text) in enumerate(rows)]


def test_a_documents_passages_reach_the_mapper_with_their_headings(monkeypatch):
    seen = {}

    def fake_map(passages, vectors, questions, embed, options):
        from analysis.core.questions import Mapping

        seen.update({p.id: p.heading for p in passages})
        return {p.id: Mapping(p.id, None, 0.0, "none", False, (0.5, 0.5)) for p in passages}

    monkeypatch.setattr("analysis.core.themes.questions.map_passages", fake_map)
    segments = _segments([
        ("document:1", "About us\nThe forum brings together people with lived experience."),
        ("document:1", "Q1. Housing on release\nPeople leave prison with nowhere to live."),
        ("document:1", "The council said to come back on Monday."),
        ("survey:1", "Short answer\nNobody helped me."),
        ("document:2", "Recall\nOne missed appointment and you are back inside."),
    ])
    questions = [QuestionInput(id=1, text="Housing?", number="Q1"),
                 QuestionInput(id=2, text="Recall?", number="Q2")]
    map_questions(segments, np.eye(5, 4), questions, lambda texts: np.zeros((len(texts), 4)))
    # Each document's headings hold until its next heading; a survey answer has none.
    assert seen == {1: "About us", 2: "Q1. Housing on release", 3: "Q1. Housing on release",
                    4: "", 5: "Recall"}
