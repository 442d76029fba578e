"""The deductive coding matrix of a consultation: sources x codes, with people's decisions.

Coding is worked out afresh from the current passages and codebook each time (search
terms only, so it is quick and a person can always see why a passage matched). People's
confirm/reject decisions are stored by code and passage text, so they survive a re-run
whenever the passage's words are unchanged.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from analysis.models import CodebookEntry, CodingDecision, Decision, DocumentSource
from analysis.services.codebook import ensure_codebook
from forum.extensions import db
from forum.models import Segment, SegmentSource, Transcript, User
from forum.models.base import utcnow
from forum.services.segments import searchable_segments
from forum.services.spreadsheet_cells import spreadsheet_safe

if TYPE_CHECKING:
    from analysis.core.themes.words import WordAnalyser


@dataclass(frozen=True)
class SourceRow:
    """One row of the matrix: a document, a focus-group transcript or a survey."""

    key: str
    kind: str
    title: str


@dataclass
class Match:
    """A passage that matched a code, the terms it matched and any decision on it."""

    segment: Segment
    terms: tuple[str, ...]
    decision: Decision | None = None


@dataclass
class Cell:
    """Source x code: the matching passages and how many are confirmed or rejected."""

    source: SourceRow
    entry: CodebookEntry
    matches: list[Match] = field(default_factory=list)

    def count(self, decision: Decision | None = None) -> int:
        """Args: decision (None counts every match). Returns: how many matches have it."""
        return len(self.matches) if decision is None else sum(m.decision == decision
                                                              for m in self.matches)

    @property
    def unreviewed(self) -> int:
        return sum(m.decision is None for m in self.matches)

    @property
    def state(self) -> str:
        """"confirmed", "unreviewed", "rejected" (every match rejected) or "none"."""
        if self.count(Decision.CONFIRMED):
            return "confirmed"
        if self.unreviewed:
            return "unreviewed"
        return "rejected" if self.matches else "none"


@dataclass
class Matrix:
    sources: list[SourceRow]
    entries: list[CodebookEntry]
    cells: dict[tuple[str, int], Cell]

    def cell(self, source_key: str, entry_id: int) -> Cell:
        return self.cells[(source_key, entry_id)]


def source_key(segment: Segment, survey_of: dict[int, int]) -> str:
    """The matrix row a segment belongs to."""
    if segment.source_type == SegmentSource.SURVEY:
        return f"survey:{survey_of.get(segment.source_id or 0, 0)}"
    return f"{segment.source_type.value}:{segment.source_id or 0}"


def coding_matrix(consultation_id: int, analyser: WordAnalyser | None = None,
                  only_source: str | None = None) -> Matrix:
    """Code every searchable passage (documents and usable member segments).

    Args:
        consultation_id: the consultation.
        analyser: a word analyser (defaults to the quick regex one).
        only_source: a source key to code just that source (one cell's page).

    Returns:
        A ``Matrix`` with a cell for every source and code, decisions filled in.
    """
    from analysis.core.themes.coding import code_documents
    from analysis.core.themes.schema import SegmentInput
    from analysis.core.themes.words import SimpleWordAnalyser
    from analysis.services.codebook import consultation_codebook

    entries = ensure_codebook(consultation_id)
    segments = searchable_segments(consultation_id)
    survey_of = _surveys_of(segments)
    by_id = {s.id: s for s in segments}
    inputs = [SegmentInput(id=s.id, text=s.text, text_hash=s.text_hash,
                           source_key=source_key(s, survey_of)) for s in segments]
    if only_source is not None:
        inputs = [i for i in inputs if i.source_key == only_source]
    coded = code_documents(inputs, consultation_codebook(consultation_id),
                           words=analyser or SimpleWordAnalyser())
    sources = _source_rows(consultation_id, {i.source_key for i in inputs}, survey_of)
    if only_source is not None:
        sources = [row for row in sources if row.key == only_source]
    decisions = _decisions([e.id for e in entries])
    cells = {(s.key, e.id): Cell(s, e) for s in sources for e in entries}
    for entry in entries:
        for source in sources:
            found = coded.cells.get((source.key, entry.name))
            for match in (found.matches if found else []):
                segment = by_id[match.passage_id]
                cells[(source.key, entry.id)].matches.append(Match(
                    segment, match.terms, decisions.get((entry.id, segment.text_hash))))
    return Matrix(sources, entries, cells)


def _surveys_of(segments: list[Segment]) -> dict[int, int]:
    """Survey response id -> survey id, for the survey rows."""
    ids = {s.source_id for s in segments if s.source_type == SegmentSource.SURVEY}
    if not ids:
        return {}
    from surveys.models import SurveyResponse, SurveyVersion

    rows = db.session.execute(select(SurveyResponse.id, SurveyVersion.survey_id)
                              .join(SurveyVersion, SurveyVersion.id == SurveyResponse.version_id)
                              .where(SurveyResponse.id.in_(ids)))
    return {response_id: survey_id for response_id, survey_id in rows}


def _source_rows(consultation_id: int, keys: set[str],
                 survey_of: dict[int, int]) -> list[SourceRow]:
    from surveys.models import Survey

    documents = SegmentSource.DOCUMENT.label
    rows = [SourceRow(f"document:{d.id}", documents, d.title) for d in db.session.scalars(
        select(DocumentSource).where(DocumentSource.consultation_id == consultation_id)
        .order_by(DocumentSource.title, DocumentSource.id))]
    for key in sorted(k for k in keys if not k.startswith("document:")):
        kind, _, number = key.partition(":")
        if kind == "transcript":
            transcript = db.session.get(Transcript, int(number))
            rows.append(SourceRow(key, SegmentSource.TRANSCRIPT.label,
                                  transcript.session.title if transcript else "Focus group"))
        elif kind == "survey":
            survey = db.session.get(Survey, int(number))
            rows.append(SourceRow(key, SegmentSource.SURVEY.label,
                                  survey.title if survey else "Survey answers"))
        else:
            rows.append(SourceRow(key, SegmentSource.CSV_IMPORT.label,
                                  SegmentSource.CSV_IMPORT.label))
    return rows


def _decisions(entry_ids: list[int]) -> dict[tuple[int, str], Decision]:
    if not entry_ids:
        return {}
    return {(d.entry_id, d.text_hash): d.decision for d in db.session.scalars(
        select(CodingDecision).where(CodingDecision.entry_id.in_(entry_ids)))}


def decide(entry: CodebookEntry, segment: Segment, decision: Decision | None, user: User) -> None:
    """Record (or with None, clear) a person's decision on one match.

    Args:
        entry: the code.
        segment: the passage.
        decision: confirmed, rejected, or None to mark it unreviewed again.
        user: who decided.
    """
    row = db.session.scalar(select(CodingDecision).where(
        CodingDecision.entry_id == entry.id, CodingDecision.text_hash == segment.text_hash))
    if decision is None:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(CodingDecision(entry_id=entry.id, text_hash=segment.text_hash,
                                      decision=decision, decided_by_id=user.id))
    else:
        row.decision, row.decided_by_id, row.decided_at = decision, user.id, utcnow()
    db.session.commit()


def matrix_csv(matrix: Matrix) -> str:
    """One row per source and code: source, code, matches, confirmed, rejected, unreviewed.

    Args:
        matrix: from ``coding_matrix``.

    Returns:
        CSV text.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["source", "source_kind", "code", "present", "matches", "confirmed",
                     "rejected", "unreviewed"])
    for source in matrix.sources:
        for entry in matrix.entries:
            cell = matrix.cell(source.key, entry.id)
            writer.writerow([spreadsheet_safe(source.title), source.kind,
                             spreadsheet_safe(entry.name),
                             "yes" if cell.state in ("confirmed", "unreviewed") else "no",
                             cell.count(), cell.count(Decision.CONFIRMED),
                             cell.count(Decision.REJECTED), cell.unreviewed])
    return out.getvalue()


NOT_QUOTABLE = "[not included: the member has not agreed to be quoted]"


def passages_csv(matrix: Matrix, quotable_ids: set[int]) -> str:
    """Long format: one row per matching passage and code, with its decision.

    A file can leave the system, so a member's words are written only when their
    consent allows quoting; document text is public and always written.

    Args:
        matrix: from ``coding_matrix``.
        quotable_ids: ids from ``forum.services.segments.quotable_segments``.

    Returns:
        CSV text (source, code, passage id, matched terms, decision, passage text).
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["source", "source_kind", "code", "passage_id", "matched_terms",
                     "decision", "text"])
    for (_, _), cell in matrix.cells.items():
        for match in cell.matches:
            writer.writerow([spreadsheet_safe(cell.source.title), cell.source.kind,
                             spreadsheet_safe(cell.entry.name),
                             match.segment.id, spreadsheet_safe("; ".join(match.terms)),
                             match.decision.value if match.decision else "unreviewed",
                             spreadsheet_safe(_text_for_export(match.segment, quotable_ids))])
    return out.getvalue()


def _text_for_export(segment: Segment, quotable_ids: set[int]) -> str:
    if segment.source_type == SegmentSource.DOCUMENT or segment.id in quotable_ids:
        return segment.text
    return NOT_QUOTABLE
