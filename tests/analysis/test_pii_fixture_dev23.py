"""The dev23 bench fixture (``fixtures/pii_dev23.jsonl``) is well formed: every gold span lies
inside its line, covers trimmed text and uses a label the redactor knows, the file is what
``pii_dev23_lines.py`` writes, and every kind is planted, so the bench's recall and precision
are measured against spans that can exist.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from analysis.core.redact import LABELS

FIXTURES = Path(__file__).parent / "fixtures"
DEV23 = FIXTURES / "pii_dev23.jsonl"
RECORDS = [json.loads(line) for line in DEV23.read_text(encoding="utf-8").splitlines() if line]


def test_the_fixture_has_planted_lines_and_decoys():
    planted = [r for r in RECORDS if r["spans"]]
    assert len(planted) >= 130
    assert len(RECORDS) - len(planted) >= 35


def test_every_kind_is_planted():
    counts = Counter(s["label"] for r in RECORDS for s in r["spans"])
    assert all(counts[label] >= 2 for label in LABELS), counts


def test_the_file_is_what_the_lines_script_writes():
    sys.path.insert(0, str(FIXTURES))
    try:
        from pii_bar_marks import parse
        from pii_dev23_lines import LINES
    finally:
        sys.path.remove(str(FIXTURES))
    assert [parse(line, "dev23") for line in LINES] == RECORDS


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["text"][:40])
def test_gold_spans_lie_inside_their_line_and_use_known_labels(record):
    text = record["text"]
    assert record["part"] == "dev23"
    for span in record["spans"]:
        assert span["label"] in LABELS, span
        assert 0 <= span["start"] < span["end"] <= len(text), span
        piece = text[span["start"]:span["end"]]
        # A span with spaces at its edges would count a hit or a miss on blank text.
        assert piece == piece.strip(), (piece, text)
