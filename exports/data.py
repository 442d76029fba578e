"""Data files of a consultation's coded segments (CSV, XLSX) and its codebook (REFI-QDA .qdc).

Which words may leave the team: these files can be sent on (to a researcher, a partner, a
QDA package on another computer), so they print only what a response may quote. Rows come
from ``quotable_segments`` - redacted, not held, and from members whose *current* consent
says they take part and may be quoted - plus segments of public documents, which have no
member. A member who refused quoting or withdrew never appears; ``usable_segments`` alone
(enough for analysis inside the app) is not used here.

Needs an app context (reads the database).
"""
from __future__ import annotations

import csv
import io
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from analysis.models.themes import CodebookEntry, Theme, ThemeSegment
from analysis.services.question_links import segment_questions
from exports.markup import clean_text
from forum.extensions import db
from forum.models import Question, Segment, SegmentSource, Transcript
from forum.services.segments import document_segments, quotable_segments
from forum.services.spreadsheet_cells import spreadsheet_safe

__all__ = ["COLUMNS", "SegmentRow", "coded_rows", "segments_csv",
           "segments_xlsx", "codebook_qdc"]

COLUMNS = ("Segment ID", "Theme", "Theme label set by", "Question", "Member pseudonym",
           "Source", "Date", "Text")
QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0"
_GUIDS = uuid.UUID("5c1f9d1e-2b7a-4d5e-9a43-6f0e8c2d7b11")  # namespace for stable code GUIDs


@dataclass(frozen=True)
class SegmentRow:
    segment_id: int
    theme: str
    label_set_by: str  # a person, the analysis, or an unchecked codebook suggestion
    question: str
    member: str
    source: str
    date: date | None
    text: str

    def values(self) -> tuple:
        return (self.segment_id, self.theme, self.label_set_by, self.question, self.member,
                self.source, self.date.isoformat() if self.date else "", self.text)


def coded_rows(consultation_id: int) -> list[SegmentRow]:
    """The consultation's coded segments that may be shared, in theme then source order.

    Args:
        consultation_id: the consultation.

    Returns:
        One row per segment placed in a theme; see the module docstring for the consent gate.
    """
    # Anonymous survey answers have no member whose consent allows quoting, so they stay out.
    segments = {s.id: s for s in quotable_segments(consultation_id)
                + document_segments(consultation_id)}
    themes = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)
                                .order_by(Theme.position, Theme.id)).all()
    links = db.session.scalars(select(ThemeSegment).where(
        ThemeSegment.theme_id.in_([t.id for t in themes]))).all()
    theme_of = {link.segment_id: link.theme_id for link in links}
    labels = {t.id: clean_text(t.label) for t in themes}
    set_by = {t.id: t.label_set_by for t in themes}
    order = {t.id: index for index, t in enumerate(themes)}
    questions = _question_numbers(consultation_id)
    question_of = segment_questions(segments.values())
    sources = _SourceNames()
    rows = []
    coded = [s for s in segments.values() if s.id in theme_of]
    coded.sort(key=lambda s: (order[theme_of[s.id]], s.source_type.value, s.source_id or 0,
                              s.position, s.id))
    for segment in coded:
        # A person's link (or "answers no question") wins over the model's guess.
        question_id = question_of[segment.id]
        source, when = sources.of(segment)
        rows.append(SegmentRow(segment.id, labels[theme_of[segment.id]],
                               set_by[theme_of[segment.id]],
                               questions.get(question_id, "") if question_id else "",
                               clean_text(segment.member.pseudonym) if segment.member else "",
                               source, when, clean_text(segment.text)))
    return rows


def segments_csv(consultation_id: int) -> bytes:
    """Coded segments as CSV for Excel: UTF-8 with a byte order mark, formulas defused.

    Args:
        consultation_id: the consultation.

    Returns:
        CSV bytes with the ``COLUMNS`` header.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in coded_rows(consultation_id):
        writer.writerow([spreadsheet_safe(value) for value in row.values()])
    return out.getvalue().encode("utf-8-sig")


def segments_xlsx(consultation_id: int) -> bytes:
    """Coded segments as an Excel workbook; every text cell is stored as text, never a formula.

    Args:
        consultation_id: the consultation.

    Returns:
        XLSX bytes: a "Segments" sheet with the ``COLUMNS`` header.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook has one sheet
    sheet.title = "Segments"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in coded_rows(consultation_id):
        sheet.append(list(row.values()))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        sheet.cell(sheet.max_row, len(COLUMNS)).alignment = Alignment(wrap_text=True,
                                                                       vertical="top")
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFG", (11, 30, 10, 18, 28, 12, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def codebook_qdc(consultation_id: int) -> bytes:
    """The consultation's themes and codebook as a REFI-QDA codebook (.qdc).

    Codebook entries come first; a theme built from an entry sits under it (or is the same
    code when it kept the entry's name); themes the model found stand on their own.

    Args:
        consultation_id: the consultation.

    Returns:
        UTF-8 XML in the ``urn:QDA-XML:codebook:1.0`` namespace; GUIDs are stable per
        consultation, theme and entry, so re-importing updates rather than duplicates.
    """
    ET.register_namespace("", QDC_NAMESPACE)
    root = ET.Element(_q("CodeBook"), origin="Forum Voice")
    codes = ET.SubElement(root, _q("Codes"))
    entries = db.session.scalars(select(CodebookEntry).where(
        CodebookEntry.consultation_id == consultation_id)
        .order_by(CodebookEntry.position, CodebookEntry.id)).all()
    themes = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)
                                .order_by(Theme.position, Theme.id)).all()
    by_name: dict[str, ET.Element] = {}
    for entry in entries:
        element = _code(codes, f"{consultation_id}:entry:{entry.id}", entry.name,
                        _entry_description(entry))
        by_name[entry.name.strip().casefold()] = element
    for theme in themes:
        parent = by_name.get((theme.code or "").strip().casefold())
        if parent is not None and parent.get("name") == clean_text(theme.label).strip():
            _describe(parent, _theme_description(theme), append=True)
            continue
        _code(parent if parent is not None else codes, f"{consultation_id}:theme:{theme.id}",
              theme.label, _theme_description(theme))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _q(tag: str) -> str:
    return f"{{{QDC_NAMESPACE}}}{tag}"


def _code(parent: ET.Element, key: str, name: str, description: str) -> ET.Element:
    element = ET.SubElement(parent, _q("Code"), guid=str(uuid.uuid5(_GUIDS, key)),
                            name=clean_text(name).strip() or "Untitled", isCodable="true")
    _describe(element, description)
    return element


def _describe(element: ET.Element, text: str, append: bool = False) -> None:
    text = clean_text(text).strip()
    if not text:
        return
    existing = element.find(_q("Description"))
    if existing is not None and append:
        existing.text = f"{existing.text}\n\n{text}"
    elif existing is None:
        # Description must come before child codes in the schema.
        description = ET.Element(_q("Description"))
        description.text = text
        element.insert(0, description)


def _entry_description(entry: CodebookEntry) -> str:
    parts = [entry.description or ""]
    if entry.examples:
        parts.append("Examples: " + "; ".join(str(e) for e in entry.examples))
    return "\n".join(p for p in parts if p)


def _theme_description(theme: Theme) -> str:
    parts = ["Theme found in Forum Voice." if not theme.code else
             f"Theme from the codebook entry {theme.code!r}."]
    if theme.keywords:
        parts.append("Keywords: " + ", ".join(str(k) for k in theme.keywords) + ".")
    return " ".join(parts)


def _question_numbers(consultation_id: int) -> dict[int, str]:
    # As pages name them ("Q8", Question.label): a bare "8" is easy to misread in a sheet.
    rows = db.session.scalars(select(Question).where(Question.consultation_id == consultation_id))
    return {q.id: clean_text(q.label) for q in rows}


class _SourceNames:
    """Where a segment came from, and when, looked up once per source."""

    def __init__(self) -> None:
        self._cache: dict[tuple, tuple[str, date | None]] = {}

    def of(self, segment: Segment) -> tuple[str, date | None]:
        key = (segment.source_type, segment.source_id)
        if key not in self._cache:
            self._cache[key] = self._look_up(segment)
        label, when = self._cache[key]
        return label, when or segment.created_at.date()

    def _look_up(self, segment: Segment) -> tuple[str, date | None]:
        label = segment.source_type.label
        if segment.source_type == SegmentSource.TRANSCRIPT and segment.source_id:
            transcript = db.session.get(Transcript, segment.source_id)
            if transcript and transcript.session:
                return (f"{label}: {clean_text(transcript.session.title)}",
                        transcript.session.held_on)
        if segment.source_type == SegmentSource.SURVEY and segment.source_id:
            from surveys.models import SurveyResponse

            response = db.session.get(SurveyResponse, segment.source_id)
            if response:
                stamp = response.finished_at or response.received_at
                return label, stamp.date() if stamp else None
        return label, None
