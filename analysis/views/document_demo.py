"""Demo documents: three short fictional police and crime plans, read into passages."""
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.models import Consultation, User

DEMO_DOCUMENTS = Path(__file__).resolve().parent / "demo_documents"
CONSULTATION = "Reducing reoffending: call for evidence"


def load_demo_documents() -> dict:
    """Upload the demo plans to the demo consultation, with a few coding decisions.

    Returns:
        How many documents and passages were created.
    """
    from analysis.models import Decision
    from analysis.services.coding import coding_matrix, decide
    from analysis.services.documents import Upload, store_batch

    consultation = db.session.scalar(select(Consultation).where(Consultation.title == CONSULTATION))
    officer = db.session.scalar(select(User).where(User.role == Role.POLICY_OFFICER))
    if consultation is None or officer is None:
        return {"documents": 0, "passages": 0}
    uploads = [Upload(path.name, path.read_bytes())
               for path in sorted(DEMO_DOCUMENTS.glob("*.txt"))]
    documents, _ = store_batch(consultation.id, uploads, officer, current_app.config["DATA_DIR"],
                               current_app.config["MAX_CONTENT_LENGTH"])
    # A few decisions, so the matrix shows confirmed and rejected cells as well as new ones.
    matrix = coding_matrix(consultation.id)
    for source in matrix.sources[:2]:
        for entry in matrix.entries[:4]:
            matches = matrix.cell(source.key, entry.id).matches
            if matches:
                decide(entry, matches[0].segment, Decision.CONFIRMED, officer)
    rejected = next((c for c in matrix.cells.values() if c.source.key.startswith("document:")
                     and c.entry.name.startswith("Police") and c.matches), None)
    if rejected is not None:
        decide(rejected.entry, rejected.matches[-1].segment, Decision.REJECTED, officer)
    return {"documents": len(documents), "passages": sum(d.passage_count for d in documents)}
