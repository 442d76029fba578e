"""When a member is erased, their rows leave the raw CSV files kept with each import."""
from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member
from surveys.models import CsvImport, CsvImportAnswer


def scrub_csv_imports(member: Member) -> int:
    """Take the member's rows out of every import's stored CSV text.

    A row goes when it was imported as the member's, or its respondent id is the member's
    pseudonym (imports whose columns are not chosen yet: any cell equal to it).

    Args:
        member: the member being erased (their import answers still present).

    Returns:
        How many rows were removed.
    """
    lines: dict[int, set[int]] = {}
    for answer in db.session.scalars(
            select(CsvImportAnswer).where(CsvImportAnswer.member_id == member.id)):
        lines.setdefault(answer.import_id, set()).add(answer.line_number)
    wanted = " ".join(member.pseudonym.split()).casefold()
    removed = 0
    for record in db.session.scalars(select(CsvImport)):
        if not record.original_text:
            continue
        text, count = _without_rows(record.original_text, lines.get(record.id, set()), wanted,
                                    record.respondent_column)
        if count:
            record.original_text, removed = text, removed + count
    return removed


def _without_rows(text: str, drop_lines: set[int], pseudonym: str,
                  id_column: str | None) -> tuple[str, int]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error:
        # Not readable as CSV: drop every physical line naming them, rather than keep it all.
        kept = [raw for raw in text.splitlines(keepends=True) if pseudonym not in raw.casefold()]
        return "".join(kept), len(text.splitlines()) - len(kept)
    if not rows:
        return text, 0
    headings = [h.strip() for h in rows[0][1]]
    column = headings.index(id_column) if id_column in headings else None

    def theirs(line_number: int, cells: list[str]) -> bool:
        if line_number in drop_lines:
            return True
        values = [cells[column]] if column is not None and column < len(cells) else cells
        return any(" ".join(v.split()).casefold() == pseudonym for v in values)

    kept_rows = [rows[0][1]] + [cells for number, cells in rows[1:] if not theirs(number, cells)]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(kept_rows)
    return out.getvalue(), len(rows) - len(kept_rows)


def on_consent_changed(member: Member, erased: bool = False, **_extra: Any) -> None:
    """Receiver for ``forum.signals.consent_changed``: scrub CSV files on erasure."""
    if erased:
        scrub_csv_imports(member)
