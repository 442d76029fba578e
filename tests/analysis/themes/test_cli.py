"""The command-line contract's input and output shapes (without the real model)."""
from __future__ import annotations

import json

from analysis.themes import QuestionInput, run_analysis
from analysis.themes.cli import read_segments, result_to_json


def test_reads_jsonl_with_optional_member_and_group(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "Hostel"}\n\n'
                    '{"id": 2, "text": "Bus", "member": 4, "group": "Leeds"}\n'
                    '{"id": 3, "text": "Rent", "group": {"age": "18-24"}}\n')
    one, two, three = read_segments(path)
    assert (one.member_id, one.source_key) == (None, "input")
    assert (two.member_id, two.source_key) == (4, "group:Leeds")
    assert three.group == {"age": "18-24"}


def test_output_has_the_contract_shape(segments, codebook, embedder, cache, words):
    questions = [QuestionInput(1, "Where will people live after prison?", "Q18")]
    result = run_analysis(segments, questions, codebook, embedder, cache, words=words)
    out = json.loads(json.dumps(result_to_json(result, questions)))
    assert set(out) == {"themes", "assignments", "questions"}
    assert set(out["themes"][0]) == {"id", "label", "keywords", "segment_ids",
                                     "representative_ids", "new"}
    assert set(out["assignments"]) == {str(s.id) for s in segments}
    assert set(out["questions"].values()) <= {"Q18", None}
