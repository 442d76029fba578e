"""Finding the rows a URL names, or answering 404 (shared by the analysis views)."""
from flask import abort

from analysis.models import CodebookEntry
from forum.extensions import db
from forum.models import Consultation


def consultation_or_404(consultation_id: int) -> Consultation:
    return db.session.get(Consultation, consultation_id) or abort(404)


def codebook_entry_or_404(consultation_id: int, entry_id: int) -> CodebookEntry:
    entry = db.session.get(CodebookEntry, entry_id)
    if entry is None or entry.consultation_id != consultation_id:
        abort(404)
    return entry
