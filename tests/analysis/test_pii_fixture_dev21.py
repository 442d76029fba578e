"""The dev21 bench fixture (``fixtures/pii_dev21.jsonl``) is well formed: every gold span lies
inside its line, covers trimmed text and uses a label the redactor knows, so the bench's recall
and precision are measured against spans that can exist.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.core.redact import LABELS

DEV21 = Path(__file__).parent / "fixtures" / "pii_dev21.jsonl"
RECORDS = [json.loads(line) for line in DEV21.read_text(encoding="utf-8").splitlines() if line]


def test_the_fixture_has_planted_lines_and_decoys():
    planted = [r for r in RECORDS if r["spans"]]
    assert len(planted) >= 100
    assert len(RECORDS) - len(planted) >= 25


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["text"][:40])
def test_gold_spans_lie_inside_their_line_and_use_known_labels(record):
    text = record["text"]
    for span in record["spans"]:
        assert span["label"] in LABELS, span
        assert 0 <= span["start"] < span["end"] <= len(text), span
        piece = text[span["start"]:span["end"]]
        # A span with spaces at its edges would count a hit or a miss on blank text.
        assert piece == piece.strip(), (piece, text)
