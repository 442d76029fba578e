"""Command line contract: ``themes IN.jsonl [--codebook F] [--questions F] --out OUT.json``.

Input lines are {"id", "text"} with optional "member" and "group" (a string names the
focus group or source; an object holds demographics). Output is
{"themes": [{"id", "label", "keywords", "segment_ids", "representative_ids", "new"}],
 "assignments": {segment id: theme id or null},
 "questions": {segment id: question number or null}}. Same input, same output.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Sequence

from .schema import AnalysisResult, Codebook, QuestionInput, SegmentInput

__all__ = ["main", "read_segments", "result_to_json"]


def read_segments(path: Path) -> list[SegmentInput]:
    """Read JSON lines into segments.

    Args:
        path: a .jsonl file.

    Returns:
        Segments; "group" strings become the source key, objects the demographics.
    """
    segments = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        text = str(row["text"])
        group = row.get("group")
        segments.append(SegmentInput(
            id=int(row["id"]), text=text, text_hash=hashlib.sha256(text.encode()).hexdigest(),
            member_id=int(row["member"]) if row.get("member") is not None else None,
            source_key=f"group:{group}" if isinstance(group, str) else "input",
            group={str(k): str(v) for k, v in group.items()} if isinstance(group, dict) else {}))
    return segments


def result_to_json(result: AnalysisResult, questions: Sequence[QuestionInput]) -> dict:
    """Shape a result as the command-line contract says.

    Args:
        result: from ``run_analysis``.
        questions: the questions given (to report their numbers).

    Returns:
        A JSON-ready dict.
    """
    number = {q.id: q.number for q in questions}
    return {
        "themes": [{"id": t.id, "label": t.label, "keywords": t.keywords,
                    "segment_ids": t.segment_ids, "representative_ids": t.representative_ids,
                    "new": t.is_new} for t in result.themes],
        "assignments": {str(k): v for k, v in result.assignments.items()},
        "questions": {str(k): (number.get(v.question_id) if v.question_id is not None else None)
                      for k, v in result.questions.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the analysis from files.

    Args:
        argv: arguments after "themes".

    Returns:
        The exit status.
    """
    from .embed import FileEmbeddingCache, InMemoryEmbeddingCache, MiniLMEmbedder
    from .guide import load_codebook
    from .pipeline import run_analysis

    parser = argparse.ArgumentParser(prog="python -m analysis themes", description=__doc__)
    parser.add_argument("input", type=Path)
    parser.add_argument("--codebook", type=Path, help="codebook JSON (default: built-in)")
    parser.add_argument("--no-codebook", action="store_true", help="discover themes freely")
    parser.add_argument("--questions", type=Path, help='JSON list of {"number", "text"}')
    parser.add_argument("--cache", type=Path, help="an .npz file to keep embeddings in")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    segments = read_segments(args.input)
    raw = json.loads(args.questions.read_text("utf-8")) if args.questions else []
    questions = [QuestionInput(id=i + 1, text=q["text"], number=str(q.get("number", i + 1)))
                 for i, q in enumerate(raw)]
    codebook = Codebook() if args.no_codebook else load_codebook(args.codebook)
    cache = FileEmbeddingCache(path=args.cache) if args.cache else InMemoryEmbeddingCache()
    result = run_analysis(segments, questions, codebook, MiniLMEmbedder(), cache)
    args.out.write_text(json.dumps(result_to_json(result, questions), indent=1, sort_keys=True),
                        "utf-8")
    print(f"{len(result.themes)} themes, {len(result.not_grouped)} not grouped -> {args.out}",
          file=sys.stderr)
    return 0
