"""Officer markup parsed into plain blocks: paragraphs, lists, sub-headings and notes.

The markup is described in ``exports.document``. Parsing never produces HTML: every piece of
the result is text plus a flag or two, so each renderer escapes it in its own way. Text is
also cleaned of control characters, which would break XML (DOCX, XLSX) and PDF text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from forum.services.text_direction import without_bidi_controls

__all__ = ["Run", "Paragraph", "BulletList", "SubHeading", "Block", "Parsed", "NoteBook",
           "clean_text", "parse", "parse_inline", "plain_text"]

# C0 controls except tab/newline/carriage return, DEL, C1 controls, lone surrogates and
# the two non-characters XML 1.0 forbids.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NOTE_DEF = re.compile(r"^\[\^([^\]\s]{1,20})\]:\s?(.*)$")
_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*"
                     r"|\[\^(?P<note>[^\]\s]{1,20})\]")


def clean_text(text: str | None) -> str:
    """Remove characters that XML and PDF text cannot carry, and explicit bidi controls
    (``forum.services.text_direction``); normalise line endings.

    Args:
        text: any text, possibly None.

    Returns:
        The text without control characters ("" for None).
    """
    if not text:
        return ""
    # Explicit bidi overrides too: they show a quote (and its attribution) turned round.
    return without_bidi_controls(
        _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style; ``note`` is set (and text empty) for a note mark."""

    text: str
    bold: bool = False
    italic: bool = False
    note: int | None = None


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Run, ...], ...]


@dataclass(frozen=True)
class SubHeading:
    text: str


Block = Paragraph | BulletList | SubHeading


@dataclass(frozen=True)
class Parsed:
    """One field's blocks; note runs carry the field's own labels until numbered."""

    blocks: tuple[Block, ...]
    notes: dict[str, str]


@dataclass
class NoteBook:
    """Numbers notes across a whole document, in the order their marks appear."""

    notes: list[tuple[int, tuple[Run, ...]]] = field(default_factory=list)

    def blocks(self, text: str | None) -> tuple[Block, ...]:
        """Parse one field, giving its notes document-wide numbers.

        Args:
            text: officer markup.

        Returns:
            The field's blocks, with ``Run.note`` set to the note's number in the document.
            A mark without a matching ``[^x]: text`` line is kept as literal text so the
            officer can see it; a note text nobody marks is still printed.
        """
        parsed = parse(text)
        numbers: dict[str, int] = {}

        def number(label: str) -> int:
            if label not in numbers:
                numbers[label] = len(self.notes) + 1
                self.notes.append((numbers[label], parse_inline(parsed.notes[label], {})))
            return numbers[label]

        def renumber(runs: tuple[Run, ...]) -> tuple[Run, ...]:
            out = []
            for run in runs:
                if run.note is None:
                    out.append(run)
                else:  # a note mark: its text is the field's own label
                    out.append(Run("", note=number(run.text)))
            return tuple(out)

        blocks: list[Block] = []
        for block in parsed.blocks:
            if isinstance(block, Paragraph):
                blocks.append(Paragraph(renumber(block.runs)))
            elif isinstance(block, BulletList):
                blocks.append(BulletList(tuple(renumber(item) for item in block.items)))
            else:
                blocks.append(block)
        for label in parsed.notes:
            number(label)
        return tuple(blocks)


def parse(text: str | None) -> Parsed:
    """Split officer markup into blocks and collect its note texts.

    Args:
        text: officer markup (see ``exports.document``); None or "" gives no blocks.

    Returns:
        ``Parsed`` whose note runs hold the field's note label in ``text`` and ``note=0``.
    """
    lines = clean_text(text).split("\n")
    notes: dict[str, str] = {}
    body: list[str] = []
    for line in lines:
        match = _NOTE_DEF.match(line.strip())
        if match and match[2].strip():
            notes[match[1]] = match[2].strip()
        else:
            body.append(line)

    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph(parse_inline(" ".join(paragraph), notes)))
            paragraph.clear()
        if bullets:
            blocks.append(BulletList(tuple(parse_inline(b, notes) for b in bullets)))
            bullets.clear()

    for raw in body:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("### "):
            flush()
            if heading := line[4:].strip():
                blocks.append(SubHeading(heading))
        elif line.startswith("- "):
            if paragraph:
                flush()
            bullets.append(line[2:].strip())
        elif bullets and raw[:1].isspace():
            bullets[-1] += " " + line  # an indented line continues the bullet above
        else:
            if bullets:
                flush()
            paragraph.append(line)
    flush()
    return Parsed(tuple(blocks), notes)


def parse_inline(text: str, notes: dict[str, str]) -> tuple[Run, ...]:
    """Split one paragraph into runs of bold, italic and plain text and note marks.

    Args:
        text: one paragraph or list item.
        notes: the field's note texts by label; a mark whose label is missing stays text.

    Returns:
        Runs in order; adjacent plain pieces are merged.
    """
    runs: list[Run] = []
    position = 0
    for match in _INLINE.finditer(text):
        _add(runs, Run(text[position:match.start()]))
        if match["bold"] is not None:
            for inner in parse_inline(match["bold"], notes):
                _add(runs, Run(inner.text, True, inner.italic, inner.note))
        elif match["italic"] is not None:
            _add(runs, Run(match["italic"], italic=True))
        elif match["note"] in notes:
            runs.append(Run(match["note"], note=0))
        else:
            _add(runs, Run(match[0]))
        position = match.end()
    _add(runs, Run(text[position:]))
    return tuple(runs)


def _add(runs: list[Run], run: Run) -> None:
    if run.note is not None:
        runs.append(run)
        return
    if not run.text:
        return
    last = runs[-1] if runs else None
    if last and last.note is None and (last.bold, last.italic) == (run.bold, run.italic):
        runs[-1] = Run(last.text + run.text, run.bold, run.italic)
    else:
        runs.append(run)


def plain_text(runs: tuple[Run, ...]) -> str:
    """The runs' words without styling or note marks (for titles and alt text)."""
    return "".join(run.text for run in runs if run.note is None)
