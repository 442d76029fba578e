"""CSV import of free-text answers from other survey tools.

Upload, then choose the respondent-id column and which text columns answer which
consultation question. The check and the import run in the worker: every bad row is
reported by its line number, and nothing is imported until the whole file is clean.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from forum.extensions import db
from forum.jobs import JobFailure, enqueue, register_job_handler
from forum.models import Consultation, Job, Member, Question, User
from forum.models.base import utcnow
from forum.services.text_direction import without_bidi_controls
from surveys.models import CsvImport, CsvImportAnswer, CsvImportStatus
from surveys.services.payload import TEXT_MAX  # the tablets' limit: one answer, one limit

JOB_KIND = "surveys.csv_import"
RESPONDENT_MAX = 200
ROWS_MAX = 50_000
PROBLEMS_SHOWN = 200


class CsvProblem(ValueError):
    """The file cannot be used at all, in plain English."""


@dataclass(frozen=True)
class Table:
    headings: list[str]
    rows: list[tuple[int, list[str]]]   # (line number where the row starts, cells)


NOT_CSV = ("This is not a CSV file: save it from your spreadsheet as CSV (comma separated) "
           "and try again")
# First bytes of files picked by mistake: pictures, PDFs, Word and Excel files (newer ones are
# zips, older ones "compound" files), sound and video.
NOT_TEXT_STARTS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04",
                   b"\xd0\xcf\x11\xe0", b"RIFF", b"ID3", b"\x1a\x45\xdf\xa3")
# Text of any encoding has almost no control characters (tab, line ends aside); NUL is left
# out of the count, as UTF-16 text has one in every other byte.
MAX_CONTROLS = 0.05
TEXT_CONTROLS = frozenset(b"\t\n\r\f\x00")
FIRST_PRINTABLE = 0x20


def _clearly_not_text(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(NOT_TEXT_STARTS):
        return True
    controls = sum(1 for byte in head if byte < FIRST_PRINTABLE and byte not in TEXT_CONTROLS)
    return controls > len(head) * MAX_CONTROLS


def decode(data: bytes) -> str:
    """UTF-8 text (with or without a byte-order mark), or a message naming the bad line.

    A picture, PDF, Word or Excel file gets its own message: "Line 1: not UTF-8" sent people
    looking for an encoding setting. Bidi controls go here, as typed input's do on the way in
    (``forum.services.text_direction``): no answer, respondent id or heading keeps one.
    """
    if _clearly_not_text(data):
        raise CsvProblem(NOT_CSV)
    try:
        return without_bidi_controls(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise CsvProblem(
            f"Line {line}: the file is not UTF-8 text. Save it as \u2018CSV UTF-8\u2019 "
                           "and upload it again.") from None


def read_table(text: str) -> Table:
    """Parse CSV text keeping each row's starting line (quoted cells may span lines)."""
    if "\x00" in text:
        raise CsvProblem("The file contains a null character: it does not look like a CSV file")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
            if len(rows) > ROWS_MAX + 1:
                raise CsvProblem(
                    f"The file has more than {ROWS_MAX:,} rows: split it into smaller files")
    except csv.Error as error:
        raise CsvProblem(
            f"Line {reader.line_num}: the file cannot be read as CSV ({error})") from None
    if not rows:
        raise CsvProblem("The file is empty: check you chose the file with the answers, saved "
                         "from your spreadsheet as CSV")
    headings = [h.strip() for h in rows[0][1]]
    problems = []
    for index, heading in enumerate(headings, start=1):
        if not heading:
            problems.append(f"Line 1: column {index} has no heading")
    seen: dict[str, int] = {}
    for index, heading in enumerate(headings, start=1):
        if heading and heading.lower() in seen:
            problems.append(
                f"Line 1: columns {seen[heading.lower()]} and {index} are both called "
                f"\u2018{heading}\u2019")
        seen.setdefault(heading.lower(), index)
    if problems:
        raise CsvProblem(". ".join(problems))
    if not any(any(cell.strip() for cell in cells) for _line, cells in rows[1:]):
        raise CsvProblem("The file has only a heading row: there are no answers in it")
    return Table(headings, rows[1:])


def _separator(text: str) -> str:
    """A comma, unless the heading row has no comma but semicolons or tabs between columns.

    Some tools (and Excel set up for much of Europe) save "CSV" with semicolons; it was read
    as one column called 'id;text' that no choice of columns could fix.
    """
    heading = text.split("\n", 1)[0]
    if "," in heading:
        return ","
    return max((";", "\t"), key=heading.count) if (";" in heading or "\t" in heading) else ","


def upload(consultation: Consultation, filename: str, data: bytes, user: User | None) -> CsvImport:
    """Store an uploaded file after checking it can be read at all."""
    text = decode(data)
    read_table(text)
    record = CsvImport(consultation=consultation, filename=(filename or "upload.csv")[-255:],
                       original_text=text, created_by=user, status=CsvImportStatus.UPLOADED)
    db.session.add(record)
    db.session.commit()
    return record


def headings(record: CsvImport) -> list[str]:
    return read_table(record.original_text).headings


def choose_columns(record: CsvImport, respondent_column: str, mapping: dict[str, int]) -> CsvImport:
    """Save the chosen columns and queue the check-and-import job."""
    names = headings(record)
    if respondent_column not in names:
        raise CsvProblem("Choose the column that holds the respondent id")
    mapping = {column: qid for column, qid in mapping.items() if qid}
    if not mapping:
        raise CsvProblem("Choose at least one text column and the consultation question it answers")
    if respondent_column in mapping:
        raise CsvProblem("The respondent id column cannot also be a text column")
    valid = set(
        db.session.scalars(
            select(Question.id).where(Question.consultation_id == record.consultation_id)))
    if any(column not in names or qid not in valid for column, qid in mapping.items()):
        raise CsvProblem("Map each text column to one of this consultation\u2019s questions")
    record.respondent_column, record.mapping = respondent_column, mapping
    record.status, record.problems = CsvImportStatus.CHECKING, []
    db.session.commit()
    record.job_id = enqueue(JOB_KIND, {"import_id": record.id}).id
    db.session.commit()
    return record


def check_rows(table: Table, respondent_column: str,
               mapping: dict[str, int]) -> tuple[list[str], list[dict[str, Any]]]:
    """Every problem (by line number) and, if none, the answers to store."""
    index = {name: i for i, name in enumerate(table.headings)}
    id_col = index[respondent_column]
    problems: list[str] = []
    answers: list[dict[str, Any]] = []
    first_seen: dict[str, int] = {}
    width = len(table.headings)
    for line, cells in table.rows:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, often at the end of an export
        if len(cells) != width:
            problems.append(f"Line {line}: has {len(cells)} cells but the heading row has {width}")
            continue
        respondent = cells[id_col].strip()
        if not respondent:
            problems.append(
                f"Line {line}: the respondent id (\u2018{respondent_column}\u2019) is empty")
        elif len(respondent) > RESPONDENT_MAX:
            problems.append(
                f"Line {line}: the respondent id is longer than {RESPONDENT_MAX} characters")
        elif respondent.lower() in first_seen:
            problems.append(f"Line {line}: respondent id \u2018{respondent}\u2019 is also on line "
                            f"{first_seen[respondent.lower()]}")
        else:
            first_seen[respondent.lower()] = line
        for column, question_id in mapping.items():
            text = cells[index[column]].strip()
            if len(text) > TEXT_MAX:
                problems.append(
                    f"Line {line}, column \u2018{column}\u2019: the text is longer than "
                    f"{TEXT_MAX:,} characters")
            elif text:
                answers.append(
                    {"line_number": line, "respondent_ref": respondent, "question_id": question_id,
                                "text": text})
    if not problems and not answers:
        problems.append("No answers found: the chosen text columns are empty on every line")
    return problems, answers


def run_import(job: Job, progress: Callable[[str, int], None]) -> None:
    """Worker: check every row; store all answers only if there is no problem at all."""
    record = db.session.get(CsvImport, job.params["import_id"])
    if record is None:
        raise JobFailure("The import was deleted before it could run")
    progress("Checking every row", 10)
    try:
        table = read_table(record.original_text)
    except CsvProblem as error:
        problems: list[str] = [str(error)]
        answers: list[dict[str, Any]] = []
    else:
        if record.respondent_column is None:
            raise JobFailure("Choose the column that says who answered, then run it again")
        problems, answers = check_rows(table, record.respondent_column, record.mapping)
        record.row_count = sum(1 for _line, cells in table.rows if any(c.strip() for c in cells))
    if problems:
        shown = problems[:PROBLEMS_SHOWN]
        if len(problems) > PROBLEMS_SHOWN:
            shown.append(f"\u2026 and {len(problems) - PROBLEMS_SHOWN:,} more problems")
        record.status, record.problems = CsvImportStatus.PROBLEMS, shown
        db.session.commit()
        return
    progress("Importing answers", 50)
    pseudonyms = {name.lower(): member_id for member_id, name in db.session.execute(
        select(Member.id, Member.pseudonym))}
    now = utcnow()
    for answer in answers:
        answer["member_id"] = pseudonyms.get(answer["respondent_ref"].lower())
        record.answers.append(CsvImportAnswer(created_at=now, **answer))
    record.answer_count = len(answers)
    record.status, record.problems, record.imported_at = CsvImportStatus.IMPORTED, [], now
    db.session.commit()


def imports_for(consultation_id: int) -> list[CsvImport]:
    return list(
        db.session.scalars(select(CsvImport).where(CsvImport.consultation_id == consultation_id)
                                   .order_by(CsvImport.created_at.desc())))


def linked_members(record: CsvImport) -> int:
    return db.session.scalar(select(func.count(func.distinct(CsvImportAnswer.member_id))).where(
        CsvImportAnswer.import_id == record.id, CsvImportAnswer.member_id.is_not(None))) or 0


def import_abandoned(job: Job) -> None:
    """The worker died mid-check: nothing was stored, so the columns can be chosen and run again."""
    record = db.session.get(CsvImport, job.params.get("import_id"))
    if record is not None and record.status == CsvImportStatus.CHECKING:
        record.status = CsvImportStatus.UPLOADED


def register_jobs() -> None:
    register_job_handler(JOB_KIND, run_import, on_abandoned=import_abandoned)
