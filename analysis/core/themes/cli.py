"""Command line contract: ``themes IN.jsonl [--codebook F] [--questions F]
[--document | --separate] --out OUT.json``.

Input lines are {"id", "text"} with optional "member", "group" (a string names the focus
group or source; an object holds demographics) and "document" (the passage's document; a
document's lines in reading order); ``--document`` makes every line a passage of one
document. A document's passages are read among their neighbours, and long documents are cut
into runs of passages on one subject. Lines that say nothing of where they come from are
read as one document when neighbouring lines are alike (``reading_order``), unless
``--separate``. Ids may be strings or whole numbers.
A line that cannot be used stops the command with "line N: ..." and exit status 2. Output is
{"themes": [{"id", "label", "keywords", "segment_ids", "representative_ids", "new"}],
 "assignments": {segment id: theme id or null},
 "questions": {segment id: question number or null}}. Same input, same output.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .cli_input import InputError, read_input, read_questions
from .schema import AnalysisResult, Codebook, QuestionInput, SegmentInput
from .text_models import TextModels

__all__ = ["main", "read_segments", "result_to_json"]


def read_segments(path: Path) -> list[SegmentInput]:
    """Read JSON lines into segments (numbered 1..n; see ``cli_input.read_input``).

    Args:
        path: a .jsonl file.

    Returns:
        Segments; "group" strings become the source key, objects the demographics.

    Raises:
        InputError: "line N: ..." for a line that cannot be used.
    """
    return read_input(path).segments


def result_to_json(result: AnalysisResult, questions: Sequence[QuestionInput],
                   given: Mapping[int, str | int] | None = None) -> dict[str, Any]:
    """Shape a result as the command-line contract says.

    Args:
        result: from ``run_analysis``.
        questions: the questions given (to report their numbers).
        given: {segment number: the id written in the input}; None keeps the numbers.

    Returns:
        A JSON-ready dict, with segments under the ids they were given.
    """
    number = {q.id: q.number for q in questions}
    ids = given or {}

    def own(sid: int) -> str | int:
        return ids.get(sid, sid)

    return {
        "themes": [{"id": t.id, "label": t.label, "keywords": t.keywords,
                    "segment_ids": [own(s) for s in t.segment_ids],
                    "representative_ids": [own(s) for s in t.representative_ids],
                    "new": t.is_new} for t in result.themes],
        "assignments": {str(own(k)): v for k, v in result.assignments.items()},
        "questions": {
            str(own(k)): (number.get(v.question_id) if v.question_id is not None else None)
                      for k, v in result.questions.items()},
    }


def _codebook(path: Path | None) -> Codebook:
    from .guide import load_codebook

    try:
        return load_codebook(path)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read ({error})") from error
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: not valid JSON ({error.msg})") from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{path}: not a codebook ({type(error).__name__}: {error})") from error


def _as_one_document(segments: list[SegmentInput], models: TextModels) -> list[SegmentInput]:
    """Lines that say nothing of where they come from, read as one document when neighbouring
    lines are alike (``in_reading_order``); otherwise unchanged. The embeddings are cached,
    so the run does not embed them again."""
    from .embed import embed_segments
    from .reading_order import in_reading_order

    if any(s.source_key != "input" for s in segments):
        return segments
    if not in_reading_order(embed_segments(segments, models.embedder, models.cache)):
        return segments
    return [replace(s, source_key="document:1") for s in segments]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the analysis from files.

    Args:
        argv: arguments after "themes".

    Returns:
        The exit status.
    """
    from .embed import FileEmbeddingCache, InMemoryEmbeddingCache, MiniLMEmbedder
    from .pipeline import run_analysis

    parser = argparse.ArgumentParser(prog="python -m analysis themes", description=__doc__)
    parser.add_argument("input", type=Path)
    parser.add_argument("--codebook", type=Path, help="codebook JSON (default: built-in)")
    parser.add_argument("--no-codebook", action="store_true", help="discover themes freely")
    parser.add_argument("--questions", type=Path,
                        help='JSON list of {"number", "text"}, or of the questions\' words')
    parser.add_argument("--cache", type=Path, help="an .npz file to keep embeddings in")
    parser.add_argument("--out", type=Path, required=True)
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--document", action="store_true",
                       help="the lines are one document's passages in reading order (a "
                            "line's own \"document\" field says which document it is in)")
    order.add_argument("--separate", action="store_true",
                       help="each line stands alone (comments, survey answers), even when "
                            "neighbouring lines are alike")
    args = parser.parse_args(argv)

    # Bad input is the caller's to fix: say where, exit 2 (as for bad arguments), no traceback.
    try:
        read = read_input(args.input, "1" if args.document else None)
        questions = read_questions(args.questions) if args.questions else []
        codebook = Codebook() if args.no_codebook else _codebook(args.codebook)
    except InputError as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 2
    cache = FileEmbeddingCache(path=args.cache) if args.cache else InMemoryEmbeddingCache()
    models = TextModels(embedder=MiniLMEmbedder(), cache=cache)
    segments = read.segments
    if not args.separate and not args.document:
        segments = _as_one_document(segments, models)
        if segments is not read.segments:
            print(f"{parser.prog}: read as one document in reading order, because "
                  "neighbouring lines are alike (--separate reads each line by itself)",
                  file=sys.stderr)
    result = run_analysis(segments, questions=questions, codebook=codebook, models=models)
    args.out.write_text(json.dumps(result_to_json(result, questions, read.given), indent=1,
                                   sort_keys=True), "utf-8")
    print(f"{len(result.themes)} themes, {len(result.not_grouped)} not grouped -> {args.out}",
          file=sys.stderr)
    return 0
