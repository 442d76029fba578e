"""How long the deductive coding matrix takes to build, as the coding page builds it.

The page codes every passage on each request (search terms only), so this must stay quick
for a consultation with 42 police and crime plans and a few thousand member segments.
Passages are made from the three demo plans and the demo transcript, with a number
added so every text is different. Compares the quick regex word analyser the page
uses with spaCy lemmas (first run, then the same texts again from its memory).
Run: ``.venv/bin/python bench/coding_speed.py``.
"""
from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.core.documents import split_passages  # noqa: E402
from analysis.core.segmenting import split_into_segments  # noqa: E402
from analysis.core.themes import SegmentInput, code_documents, load_codebook  # noqa: E402
from analysis.core.themes.highlight import find_term_spans  # noqa: E402
from analysis.core.themes.words import SimpleWordAnalyser, SpacyWordAnalyser  # noqa: E402

PLANS = sorted((ROOT / "analysis" / "web" / "demo_documents").glob("*.txt"))
TRANSCRIPT = ROOT / "forum" / "demo" / "transcripts" / "housing-and-release.txt"


def passages(documents: int, per_document: int, members: int) -> list[SegmentInput]:
    plan_text = [p for path in PLANS for p in split_passages(path.read_text("utf-8"))]
    said = [s for line in TRANSCRIPT.read_text("utf-8").splitlines() if ":" in line
            for s in split_into_segments(line.split(":", 1)[1].strip())]
    out = []
    for d in range(documents):
        for i in range(per_document):
            text = f"{plan_text[(d + i) % len(plan_text)]} (paragraph {d}.{i})"
            out.append(
                SegmentInput(id=len(out), text=text, text_hash=str(len(out)),
                             source_key=f"document:{d}"))
    for i in range(members):
        out.append(
            SegmentInput(id=len(out), text=f"{said[i % len(said)]} ({i})", text_hash=str(len(out)),
                                source_key=f"transcript:{i % 4}"))
    return out


def timed(label: str, function) -> None:
    start = time.perf_counter()
    result = function()
    print(f"{label:<58} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    codebook = load_codebook()
    print(f"Default codebook: {len(codebook.codes)} codes, "
          f"{sum(len(c.search_terms) for c in codebook.codes)} search terms")
    for documents, per_document, members in ((3, 10, 100), (42, 60, 2000), (42, 120, 5000)):
        items = passages(documents, per_document, members)
        print(f"\n{documents} documents x {per_document} passages + {members} member segments = "
              f"{len(items)} passages")
        simple = SimpleWordAnalyser()
        matrix = timed("matrix, regex words (what the page uses)",
                       partial(code_documents, items, codebook, words=simple))
        found = sum(c.count for c in matrix.cells.values())
        print(f"{'  matches found':<58} {found:7d}")
        spacy = SpacyWordAnalyser()
        timed("matrix, spaCy lemmas, first time",
              partial(code_documents, items, codebook, words=spacy))
        timed("matrix, spaCy lemmas, same texts again",
              partial(code_documents, items, codebook, words=spacy))
        cell = max(matrix.cells.values(), key=lambda c: c.count)
        code = next(c for c in codebook.codes if c.name == cell.code)
        timed(f"highlights for the biggest cell ({cell.count} passages)",
              partial(highlights, items, code, cell.passage_ids, simple))


def highlights(items, code, passage_ids, words) -> list:
    """Term spans in each of these passages, as the cell page shows them."""
    return [find_term_spans(items[i].text, code, words) for i in passage_ids]


if __name__ == "__main__":
    main()
