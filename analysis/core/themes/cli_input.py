"""Reading the command line's input files, with every mistake said as "line N: ...".

Segment and member ids may be strings or whole numbers. The pipeline numbers segments
1..n inside; ``InputSegments.given`` maps those numbers back to the ids as written, so
the output uses the caller's ids.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schema import QuestionInput, SegmentInput

__all__ = ["InputError", "InputSegments", "read_input", "read_questions"]


class InputError(ValueError):
    """Input the command cannot use; the message says where and what, in plain words."""


@dataclass
class InputSegments:
    """Segments numbered 1..n, and the id each was given in the file."""

    segments: list[SegmentInput] = field(default_factory=list)
    given: dict[int, str | int] = field(default_factory=dict)


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read ({error})") from error


def _an_id(row: dict[str, Any], key: str, where: str) -> str | int:
    value = row[key]
    # JSON true/false are ints to Python: refuse them, like any other non-id value.
    if isinstance(value, bool) or not isinstance(value, (str, int)) or (
            isinstance(value, str) and not value.strip()):
        raise InputError(f'{where}: "{key}" must be a string or a whole number, '
                         f"not {json.dumps(value)}")
    return value


def _segment(row: object, where: str, number: int, members: dict[str, int],
             document: str | None) -> tuple[SegmentInput, str | int]:
    if not isinstance(row, dict):
        raise InputError(f'{where}: expected an object like {{"id": "s1", "text": "..."}}')
    for key in ("id", "text"):
        if key not in row:
            raise InputError(f'{where}: "{key}" is missing')
    given = _an_id(row, "id", where)
    text = row["text"]
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: "text" must be some words, not {json.dumps(text)}')
    member = None
    if row.get("member") is not None:
        key = json.dumps(_an_id(row, "member", where))  # 4 and "4" are different members
        member = members.setdefault(key, len(members) + 1)
    group = row.get("group")
    if group is not None and not isinstance(group, (str, dict)):
        raise InputError(f'{where}: "group" must be a name or an object of answers')
    source = f"group:{group}" if isinstance(group, str) else "input"
    if row.get("document") is not None:
        # Passages of one document, in reading order: read among their neighbours.
        source = f"document:{json.dumps(_an_id(row, 'document', where))}"
    elif document is not None:
        source = f"document:{document}"
    segment = SegmentInput(
        id=number, text=text, text_hash=hashlib.sha256(text.encode()).hexdigest(),
        member_id=member, source_key=source,
        group={str(k): str(v) for k, v in group.items()} if isinstance(group, dict) else {})
    return segment, given


def read_input(path: Path, document: str | None = None) -> InputSegments:
    """Read JSON lines of {"id", "text"} with optional "member", "group" and "document".

    A line's "document" (a name or number) marks it as a passage of that document; lines of
    one document are in reading order. ``document`` does the same for every line without one.

    Args:
        path: a .jsonl file.
        document: a name for the document lines without "document" belong to, or None.

    Returns:
        The segments and their given ids.

    Raises:
        InputError: "line N: ..." for the first line that cannot be used.
    """
    out = InputSegments()
    seen: dict[str, int] = {}
    members: dict[str, int] = {}
    for line_number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {line_number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{where}: not valid JSON ({error.msg}, column {error.colno})") from error
        segment, given = _segment(row, where, len(out.segments) + 1, members, document)
        key = json.dumps(given)
        if key in seen:
            raise InputError(f"{where}: id {key} is already used on line {seen[key]}")
        seen[key] = line_number
        out.segments.append(segment)
        out.given[segment.id] = given
    if not out.segments:
        raise InputError(f"{path}: no segments (one JSON object a line)")
    return out


def read_questions(path: Path) -> list[QuestionInput]:
    """Read a JSON list of {"number", "text"} (or of the questions' words alone).

    Args:
        path: a .json file.

    Returns:
        The questions, numbered as given (or 1, 2, ... where no number is given).

    Raises:
        InputError: "questions item N: ..." for the first item that cannot be used.
    """
    try:
        raw = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: not valid JSON ({error.msg})") from error
    if not isinstance(raw, list):
        raise InputError(f'{path}: expected a list like [{{"number": "Q1", "text": "..."}}] '
                         'or ["the first question", ...]')
    questions = []
    for i, item in enumerate(raw):
        # A plain list of the questions' words is numbered 1, 2, ... as given.
        entry = {"text": item} if isinstance(item, str) else item
        text = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise InputError(f'{path}: item {i + 1}: "text" must be the question\'s words')
        questions.append(QuestionInput(id=i + 1, text=text,
                                       number=str(entry.get("number", i + 1))))
    return questions
