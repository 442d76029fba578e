"""One consultation's export in any format, as bytes with a file name and media type."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from exports.document import ResponseDocument
from exports.models import Draft
from exports.services.drafts import current_draft, easy_read_document, response_document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportFormat:
    label: str
    suffix: str
    mimetype: str


FORMATS = {
    "pdf": ExportFormat("Response (PDF)", "pdf", "application/pdf"),
    "docx": ExportFormat("Response (Word)", "docx", DOCX),
    "easyread": ExportFormat("Easy Read summary (PDF)", "easy-read.pdf", "application/pdf"),
    "easyread-docx": ExportFormat("Easy Read summary (Word)", "easy-read.docx", DOCX),
    "csv": ExportFormat("Coded segments (CSV)", "csv", "text/csv"),
    "xlsx": ExportFormat("Coded segments (Excel)", "xlsx", XLSX),
    "qdc": ExportFormat("Codebook (REFI-QDA .qdc)", "qdc", "application/xml"),
}


class UnknownExport(ValueError):
    """No consultation with that id, or no such format."""


def _draft(consultation_id: int) -> Draft:
    draft = current_draft(consultation_id)
    if draft is None:
        raise UnknownExport(f"There is no consultation with id {consultation_id}")
    return draft


def _builders() -> dict[str, Callable[[int], bytes]]:
    from exports import data, renderers

    def response(render: Callable[[ResponseDocument], bytes]) -> Callable[[int], bytes]:
        return lambda cid: render(response_document(_draft(cid)))

    return {"pdf": response(renderers.render_pdf), "docx": response(renderers.render_docx),
            "easyread": lambda cid: renderers.render_easy_read_pdf(
                easy_read_document(_draft(cid))),
            "easyread-docx": lambda cid: renderers.render_easy_read_docx(
                easy_read_document(_draft(cid))),
            "csv": data.segments_csv, "xlsx": data.segments_xlsx, "qdc": data.codebook_qdc}


def export_file(consultation_id: int, fmt: str) -> tuple[bytes, str, str]:
    """Build one export, with every consent and quote check applied.

    Args:
        consultation_id: the consultation.
        fmt: a key of FORMATS.

    Returns:
        (file bytes, a download file name, media type).

    Raises:
        UnknownExport: for an unknown format or consultation.
    """
    if fmt not in FORMATS:
        raise UnknownExport(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    draft = current_draft(consultation_id)
    if draft is None:
        raise UnknownExport(f"There is no consultation with id {consultation_id}")
    slug = re.sub(r"[^a-z0-9]+", "-",
                  draft.consultation.title.lower()).strip("-")[:60] or "response"
    kind = FORMATS[fmt]
    return _builders()[fmt](consultation_id), f"{slug}.{kind.suffix}", kind.mimetype
