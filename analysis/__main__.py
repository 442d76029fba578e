"""Command line for the analysis core: ``python -m analysis <command>``.

Commands:
    redact   read text on standard input, print JSON ``{"text", "spans"}``
    parse    read a transcript file, print its turns as JSON
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

__all__ = ["main"]


def _redact(args: argparse.Namespace) -> int:
    from .core.nlp import load_nlp
    from .core.redact import redact

    text = sys.stdin.read()
    result = redact(
        text, known_names=args.known_name, keep_broad_areas=args.keep_broad_areas,
        nlp=load_nlp(args.model) if text.strip() else None,
    )
    spans = [{"start": s.start, "end": s.end, "label": s.label} for s in result.spans]
    json.dump({"text": result.text, "spans": spans}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _parse(args: argparse.Namespace) -> int:
    from .core.transcripts import TranscriptError, read_transcript

    try:
        with open(args.file, "rb") as fh:
            transcript = read_transcript(fh.read(), args.file, max_bytes=args.max_bytes)
    except (TranscriptError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out = {
        "format": transcript.format,
        "speakers": [{"speaker": k, "turns": v} for k, v in transcript.speaker_counts().items()],
        "turns": [asdict(turn) for turn in transcript.turns],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per task.

    Returns:
        The configured ``ArgumentParser``.
    """
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Forum Voice text tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    redact = commands.add_parser("redact",
                                 help="redact personal data from text on stdin; print JSON")
    redact.add_argument("--known-name", action="append", default=[], metavar="NAME",
                        help="a real name to redact wherever it appears (repeatable)")
    redact.add_argument("--keep-broad-areas", action="store_true",
                        help="keep named towns, cities, boroughs and districts (the old "
                             "policy; by default only nations and regions are kept)")
    # Redacting them is now the default; the old flag is still accepted and changes nothing.
    redact.add_argument("--redact-broad-areas", action="store_true", help=argparse.SUPPRESS)
    redact.add_argument("--model", default="en_core_web_sm", help="installed spaCy pipeline name")
    redact.set_defaults(handler=_redact)

    parse = commands.add_parser("parse", help="parse a transcript file; print turns as JSON")
    parse.add_argument("file", help=".txt, .docx, .odt, .vtt or .srt file")
    parse.add_argument("--max-bytes", type=int, default=20 * 1024 * 1024, help="size limit")
    parse.set_defaults(handler=_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command.

    Args:
        argv: arguments without the program name; None reads ``sys.argv``.

    Returns:
        The process exit status.
    """
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "themes":
        # The theme pipeline has its own argument parser (see analysis/core/themes/cli.py).
        from analysis.core.themes.cli import main as themes_main

        return themes_main(argv[1:])
    args = build_parser().parse_args(argv)
    # Transcripts are full of curly quotes and accents: never depend on the locale.
    for stream in (sys.stdin, sys.stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
