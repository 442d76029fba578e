"""The bar-marked bench fixtures (``fixtures/pii_dev22.jsonl``, ``pii_dev23.jsonl``) are well
formed: every gold span lies inside its line, covers trimmed text and uses a label the
redactor knows, each file is what its ``pii_devNN_lines.py`` writes, and every kind is
planted, so the bench's recall and precision are measured against spans that can exist.
"""
from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from analysis.core.redact import LABELS

FIXTURES = Path(__file__).parent / "fixtures"
PARTS = ["dev22", "dev23"]


def _records(part: str) -> list[dict]:
    path = FIXTURES / f"pii_{part}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


RECORDS = {part: _records(part) for part in PARTS}


@pytest.mark.parametrize("part", PARTS)
def test_the_fixture_has_planted_lines_and_decoys(part):
    planted = [r for r in RECORDS[part] if r["spans"]]
    assert len(planted) >= 130
    assert len(RECORDS[part]) - len(planted) >= 35


@pytest.mark.parametrize("part", PARTS)
def test_every_kind_is_planted(part):
    counts = Counter(s["label"] for r in RECORDS[part] for s in r["spans"])
    assert all(counts[label] >= 2 for label in LABELS), counts


@pytest.mark.parametrize("part", PARTS)
def test_the_file_is_what_the_lines_script_writes(part):
    sys.path.insert(0, str(FIXTURES))
    try:
        parse = importlib.import_module("pii_bar_marks").parse
        lines = importlib.import_module(f"pii_{part}_lines").LINES
    finally:
        sys.path.remove(str(FIXTURES))
    assert [parse(line, part) for line in lines] == RECORDS[part]


@pytest.mark.parametrize(("part", "record"),
                         [(part, record) for part in PARTS for record in RECORDS[part]],
                         ids=lambda value: value if isinstance(value, str) else value["text"][:40])
def test_gold_spans_lie_inside_their_line_and_use_known_labels(part, record):
    text = record["text"]
    assert record["part"] == part
    for span in record["spans"]:
        assert span["label"] in LABELS, span
        assert 0 <= span["start"] < span["end"] <= len(text), span
        piece = text[span["start"]:span["end"]]
        # A span with spaces at its edges would count a hit or a miss on blank text.
        assert piece == piece.strip(), (piece, text)
