"""Store uploaded public documents and turn them into document segments (passages).

A batch is all or nothing: every file is checked (type by content and agreeing with its
name, size, opens, has text) before any file or row is stored. Small batches are read in
the request; a large one is stored and read by a background job, which records per
document why it failed.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path, PurePath

from sqlalchemy import delete, select

from analysis.core.documents import (
    DocumentError,
    DocumentText,
    NameMismatch,
    check_document,
    extract_text,
    split_passages,
)
from analysis.models import DocumentSource, DocumentStatus
from forum.extensions import db
from forum.jobs import Progress
from forum.models import Segment, SegmentSource, User
from forum.services.segments import text_hash

MAX_FILES = 100
# Past this much work a batch is read in the background, so the upload page answers quickly.
INLINE_PDF_PAGES, INLINE_BYTES = 30, 3 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """One file of a batch as received: the name it had and its bytes."""

    filename: str
    data: bytes


class BatchError(ValueError):
    """A batch that was not stored, with one plain-English line per file that is wrong."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def document_dir(data_dir: Path) -> Path:
    """Where document files live: in the data folder, never under static."""
    path = Path(data_dir) / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _display_name(filename: str) -> str:
    return PurePath((filename or "").replace("\\", "/")).name[:255] or "document"


def store_batch(consultation_id: int, uploads: list[Upload], user: User, data_dir: Path,
                max_bytes: int) -> tuple[list[DocumentSource], bool]:
    """Check a batch, then store every file and read the small ones.

    Args:
        consultation_id: the consultation the documents are evidence for.
        uploads: the files.
        user: who uploaded them.
        data_dir: the app's data folder.
        max_bytes: the largest single file accepted.

    Returns:
        The new documents, and whether a background job must read them (large batch).

    Raises:
        BatchError: nothing was stored; says which files are wrong and why.
    """
    if not uploads:
        raise BatchError(["Choose one or more PDF, Word (.docx) or text files"])
    if len(uploads) > MAX_FILES:
        raise BatchError([f"Upload {MAX_FILES} files or fewer at a time"])
    known = {d.sha256: d.title for d in db.session.scalars(
        select(DocumentSource).where(DocumentSource.consultation_id == consultation_id))}
    problems: list[str] = []
    checked: list[tuple[Upload, str, str, DocumentText]] = []
    seen: dict[str, str] = {}
    for upload in uploads:
        name = _display_name(upload.filename)
        digest = hashlib.sha256(upload.data).hexdigest()
        try:
            found = check_document(upload.data, max_bytes, name)
        except NameMismatch as error:
            problems.append(f"{name} {error}")  # "report.pdf is not a PDF: ..."
            continue
        except DocumentError as error:
            problems.append(f"{name}: {error}")
            continue
        if digest in known:
            problems.append(f"{name}: this document is here already, as “{known[digest]}”.")
        elif digest in seen:
            problems.append(f"{name}: this is the same file as {seen[digest]}.")
        seen[digest] = name
        checked.append((upload, name, digest, found))
    if problems:
        raise BatchError(problems)
    in_background = (sum(f.pages for *_, f in checked) > INLINE_PDF_PAGES
                     or sum(len(u.data) for u, *_ in checked) > INLINE_BYTES)
    texts: dict[str, str] = {}
    if not in_background:
        for upload, name, digest, found in checked:
            try:
                texts[digest] = extract_text(upload.data,
                                             found.kind).text if found.kind == "pdf" else found.text
            except DocumentError as error:
                problems.append(f"{name}: {error}")
        if problems:
            raise BatchError(problems)
    return _save(consultation_id, checked, texts, user, data_dir), in_background


def _save(consultation_id: int, checked: list[tuple[Upload, str, str, DocumentText]],
          texts: dict[str, str], user: User, data_dir: Path) -> list[DocumentSource]:
    folder = document_dir(data_dir)
    written, documents = [], []
    try:
        for upload, name, digest, found in checked:
            stored = secrets.token_hex(16)
            (folder / stored).write_bytes(upload.data)
            written.append(folder / stored)
            document = DocumentSource(
                consultation_id=consultation_id, title=_title(name), filename=name,
                stored_name=stored, kind=found.kind, size=len(upload.data), sha256=digest,
                pages=found.pages, uploaded_by_id=getattr(user, "id", None))
            db.session.add(document)
            db.session.flush()
            if digest in texts:
                _replace_passages(document, texts[digest])
            documents.append(document)
        db.session.commit()
    except BaseException:
        # Half a batch must never stay behind: no rows, no files.
        db.session.rollback()
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return documents


def _title(filename: str) -> str:
    stem = PurePath(filename).stem if "." in filename else filename
    words = " ".join(stem.replace("_", " ").replace("-", " ").split())[:200]
    return (words[:1].upper() + words[1:]) or "Document"


def _replace_passages(document: DocumentSource, text: str) -> int:
    db.session.execute(delete(Segment).where(Segment.source_type == SegmentSource.DOCUMENT,
                                             Segment.source_id == document.id))
    passages = split_passages(text)
    for position, passage in enumerate(passages):
        db.session.add(Segment(
            consultation_id=document.consultation_id, source_type=SegmentSource.DOCUMENT,
            source_id=document.id, member_id=None, position=position, text=passage,
            text_hash=text_hash(passage)))
    document.passage_count = len(passages)
    document.status, document.message = DocumentStatus.READY, None
    return len(passages)


def read_documents(document_ids: list[int], data_dir: Path,
                   progress: Progress | None = None) -> list[str]:
    """Read waiting (or failed) documents into passages, one commit per document.

    Args:
        document_ids: the documents of one batch.
        data_dir: the app's data folder.
        progress: optional ``progress(stage, percent)`` callback.

    Returns:
        One "file: reason" line per document that could not be read.
    """
    failures = []
    for done, document_id in enumerate(document_ids):
        document = db.session.get(DocumentSource, document_id)
        if document is None or document.status == DocumentStatus.READY:
            continue
        if progress:
            progress(f"Reading {document.filename}", 100 * done // max(1, len(document_ids)))
        try:
            data = (document_dir(data_dir) / document.stored_name).read_bytes()
            _replace_passages(document, extract_text(data, document.kind).text)
        except (DocumentError, OSError) as error:
            db.session.rollback()
            failed = db.session.get(DocumentSource, document_id)
            reason = str(error) if isinstance(error,
                                              DocumentError) else "the stored file is missing."
            if failed is not None:  # still there after the rollback (not deleted meanwhile)
                failed.status, failed.message = DocumentStatus.FAILED, reason
                failures.append(f"{failed.filename}: {reason}")
        db.session.commit()
    return failures


def delete_document(document: DocumentSource, data_dir: Path) -> None:
    """Delete a document, its passages and its stored file."""
    db.session.execute(delete(Segment).where(Segment.source_type == SegmentSource.DOCUMENT,
                                             Segment.source_id == document.id))
    path = document_dir(data_dir) / document.stored_name
    db.session.delete(document)
    db.session.commit()
    path.unlink(missing_ok=True)


def documents_for(consultation_id: int) -> list[DocumentSource]:
    """The consultation's documents, newest first."""
    return list(db.session.scalars(
        select(DocumentSource).where(DocumentSource.consultation_id == consultation_id)
        .order_by(DocumentSource.created_at.desc(), DocumentSource.id.desc())))
