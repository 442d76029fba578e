"""A consultation's own codebook: seeded from the default, edited by staff, read by analysis."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from analysis.core.patterns import PatternError, compile_pattern
from analysis.models import CodebookEntry
from forum.extensions import db

if TYPE_CHECKING:
    from analysis.core.themes.schema import Codebook

MAX_TERMS, MAX_TERM_LENGTH, MAX_EXAMPLES = 100, 200, 50


MAX_NAME = 120  # the column's width


def codebook_entries(consultation_id: int) -> list[CodebookEntry]:
    """The consultation's codes in their order (may be empty)."""
    return list(db.session.scalars(
        select(CodebookEntry).where(CodebookEntry.consultation_id == consultation_id)
        .order_by(CodebookEntry.position, CodebookEntry.id)))


def ensure_codebook(consultation_id: int) -> list[CodebookEntry]:
    """Give a consultation the default codebook the first time it is needed.

    Called by the codebook editor, the coding matrix and theme analysis, so all three
    see the same codes. A consultation that already has codes is left as it is, even
    when people have deleted some of the defaults.

    Args:
        consultation_id: the consultation.

    Returns:
        The consultation's codebook entries in order.
    """
    entries = codebook_entries(consultation_id)
    if entries:
        return entries
    from analysis.core.themes.guide import load_codebook

    for position, code in enumerate(load_codebook().codes, start=1):
        db.session.add(CodebookEntry(
            consultation_id=consultation_id, position=position, name=code.name,
            description=code.description, examples=list(code.examples),
            search_terms=list(code.search_terms)))
    db.session.commit()
    return codebook_entries(consultation_id)


def consultation_codebook(consultation_id: int) -> Codebook:
    """The consultation's codebook in the analysis core's shape.

    Args:
        consultation_id: the consultation.

    Returns:
        An ``analysis.core.themes.Codebook`` (seeded from the default if it had none).
    """
    from analysis.core.themes.schema import Code, Codebook

    return Codebook(tuple(Code(e.name, e.description, tuple(e.examples), tuple(e.search_terms))
                          for e in ensure_codebook(consultation_id)))


def split_lines(text: str | None) -> list[str]:
    """One item per non-blank line, spaces trimmed, repeats dropped."""
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))


def search_term_errors(terms: list[str]) -> list[str]:
    """Check search terms as typed; every problem is named with its line.

    Args:
        terms: the terms, one per line as typed.

    Returns:
        Plain-English problems (empty when all terms can be used).
    """
    errors = []
    if len(terms) > MAX_TERMS:
        errors.append(f"Use {MAX_TERMS} search terms or fewer")
    for number, term in enumerate(terms, start=1):
        problem = _term_problem(term)
        if problem:
            errors.append(f"Line {number} (“{term[:60]}”): {problem}")
    return errors


def _term_problem(term: str) -> str | None:
    if len(term) > MAX_TERM_LENGTH:
        return f"a search term must be {MAX_TERM_LENGTH} characters or fewer"
    if term.startswith("re:"):
        return _pattern_problem(term[3:])
    if not re.search(r"\w", term):
        return "a search term needs at least one letter or number"
    if re.search(r"\*(?=\w)", term) or re.search(r"(^|\s)\*", term):
        return "put * only at the end of a word, like “evict*”"
    return None


def _pattern_problem(pattern: str) -> str | None:
    if not pattern.strip():
        return "type a pattern after “re:”"
    try:
        re.compile(pattern, re.IGNORECASE)  # only for its plainer syntax messages
    except re.error as error:
        return f"this pattern is not valid: {_plain_regex_error(error.msg)}"
    try:
        compiled = compile_pattern(pattern)  # what analysis runs: RE2, linear time
    except PatternError as error:
        return str(error)
    if compiled.search("") is not None:
        return "this pattern matches empty text, so it would match every passage"
    return None


REGEX_PROBLEMS = (
    ("missing )", "a ( bracket is not closed"),
    ("unbalanced parenthesis", "a ) bracket has no ( before it"),
    ("unterminated character set", "a [ bracket is not closed"),
    ("nothing to repeat", "*, + or ? has nothing before it to repeat"),
    ("multiple repeat", "two repeats (*, + or ?) are next to each other"),
    ("bad escape", "a backslash is followed by a letter it cannot be used with"),
)


def _plain_regex_error(message: str) -> str:
    return next((plain for key, plain in REGEX_PROBLEMS if message.startswith(key)),
                f"check its brackets and special characters ({message})")


@dataclass
class EntryForm:
    """What was typed for one code, kept as typed so the form can show it again."""

    name: str = ""
    description: str = ""
    examples: list[str] = field(default_factory=list)
    search_terms: list[str] = field(default_factory=list)


def entry_errors(consultation_id: int, typed: EntryForm,
                 entry_id: int | None = None) -> dict[str, list[str]]:
    """Problems per field: a name that is missing or used already, bad search terms.

    Args:
        consultation_id: the consultation.
        typed: what was typed.
        entry_id: the entry being edited (so its own name is not a clash).

    Returns:
        Field name -> problems; empty when the code can be saved.
    """
    errors: dict[str, list[str]] = {}
    name = typed.name.strip()
    if not name:
        errors["name"] = ["Enter a name for the code"]
    elif len(name) > MAX_NAME:
        errors["name"] = [f"The name must be {MAX_NAME} characters or fewer"]
    else:
        clash = db.session.scalar(select(CodebookEntry.id).where(
            CodebookEntry.consultation_id == consultation_id,
            func.lower(CodebookEntry.name) == name.lower(), CodebookEntry.id != (entry_id or 0)))
        if clash:
            errors["name"] = ["Another code already has this name"]
    if len(typed.examples) > MAX_EXAMPLES:
        errors["examples"] = [f"Use {MAX_EXAMPLES} example phrases or fewer"]
    term_errors = search_term_errors(typed.search_terms)
    if term_errors:
        errors["search_terms"] = term_errors
    return errors


def save_entry(consultation_id: int, typed: EntryForm,
               entry: CodebookEntry | None = None) -> CodebookEntry:
    """Save a checked code; a new one goes to the end of the list.

    Args:
        consultation_id: the consultation.
        typed: what was typed (already checked with ``entry_errors``).
        entry: the entry to change, or None for a new one.

    Returns:
        The saved entry.
    """
    if entry is None:
        last = db.session.scalar(select(func.max(CodebookEntry.position)).where(
            CodebookEntry.consultation_id == consultation_id)) or 0
        entry = CodebookEntry(consultation_id=consultation_id, position=last + 1)
        db.session.add(entry)
    entry.name = typed.name.strip()
    entry.description = typed.description.strip()
    entry.examples = list(typed.examples)
    entry.search_terms = list(typed.search_terms)
    db.session.commit()
    return entry


def move_entry(entry: CodebookEntry, step: int) -> None:
    """Move a code one place up (-1) or down (+1); the ends stay where they are."""
    entries = codebook_entries(entry.consultation_id)
    index = next(i for i, e in enumerate(entries) if e.id == entry.id)
    other = index + step
    if 0 <= other < len(entries):
        entries[index], entries[other] = entries[other], entries[index]
    for position, item in enumerate(entries, start=1):
        item.position = position
    db.session.commit()


def delete_entry(entry: CodebookEntry) -> None:
    """Delete a code and the coding decisions made on it."""
    db.session.delete(entry)
    db.session.commit()
