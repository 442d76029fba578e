"""Seconds to redact one long transcript-like text of 10, 30 and 100 thousand characters.

The text is the development fixtures' spoken lines (tests/analysis/fixtures/pii_dev*.jsonl),
each as a numbered member's turn, repeated to the size: many names, places and name-words,
so every rule runs thousands of times. A redaction that grows with the text's size, not its
square, takes about ten times as long for 100,000 characters as for 10,000. spaCy's model
is loaded before timing; its share of the time is printed too.

Run: ``.venv/bin/python bench/redaction_speed.py``
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.core.nlp import load_nlp  # noqa: E402
from analysis.core.redact import find_personal_data  # noqa: E402

FIXTURES = ROOT / "tests" / "analysis" / "fixtures"
SIZES = (10_000, 30_000, 100_000)


def spoken_lines() -> list[str]:
    """Returns: every development fixture's line, in file order."""
    lines = []
    for path in sorted(FIXTURES.glob("pii_dev*.jsonl")):
        lines += [json.loads(row)["text"] for row in path.read_text(encoding="utf-8").splitlines()
                  if row.strip()]
    return lines


def transcript(lines: list[str], size: int) -> str:
    """Returns: turns "Member N: line" until the text is ``size`` characters or more."""
    turns, length, index = [], 0, 0
    while length < size:
        turn = f"Member {index % 7}: {lines[index % len(lines)]}\n"
        turns.append(turn)
        length += len(turn)
        index += 1
    return "".join(turns)


def main() -> None:
    """Print seconds per size: the whole redaction and spaCy's part of it."""
    nlp = load_nlp()
    lines = spoken_lines()
    print(f"{'characters':>10} {'seconds':>8} {'spaCy':>8}")
    for size in SIZES:
        text = transcript(lines, size)
        start = time.perf_counter()
        for _ in nlp.pipe([text[i:i + 50_000] for i in range(0, len(text), 50_000)]):
            pass
        model = time.perf_counter() - start
        start = time.perf_counter()
        find_personal_data(text, nlp=nlp)
        print(f"{len(text):>10} {time.perf_counter() - start:>8.2f} {model:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
