"""Uploading public documents: batches all or nothing, passages, jobs, delete, never quoted."""
import io

from sqlalchemy import func, select

from analysis.models import DocumentSource, DocumentStatus
from analysis.services import documents as service
from forum.access import Role
from forum.extensions import db
from forum.models import Segment, SegmentSource
from forum.services.segments import (
    document_segments,
    quotable_segments,
    searchable_segments,
    usable_segments,
)
from tests.analysis.document_files import blank_pdf_bytes, docx_bytes, pdf_bytes

PLAN = ("Priority 2: Reducing reoffending\n\nMany people leave prison with nowhere to live. "
        "We will fund a housing first service and a through the gate team.\n\n"
        "Priority 3: Mental health\n\nThe liaison and diversion team will see everyone arrested.")


def upload(client, *files, consultation_id=1):
    data = {"files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(f"/consultations/{consultation_id}/documents", data=data,
                       content_type="multipart/form-data", follow_redirects=True)


def stored_files(app):
    folder = app.config["DATA_DIR"] / "documents"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def assert_nothing_stored(app):
    """No document, no passage and no file was kept."""
    assert db.session.scalar(select(func.count(DocumentSource.id))) == 0
    assert document_segments(1) == [] and stored_files(app) == []


def test_officer_uploads_several_types_at_once(app, auth, demo):
    auth.login(Role.POLICY_OFFICER)
    response = upload(auth.client, ("westmarsh-plan.txt", PLAN.encode()),
                      ("northvale.docx", docx_bytes(PLAN.split("\n\n"))),
                      ("eastbrook.pdf", pdf_bytes(PLAN.split("\n\n"))))
    assert response.status_code == 200
    assert "3 documents uploaded and read" in response.get_data(as_text=True)
    documents = db.session.scalars(select(DocumentSource).order_by(DocumentSource.id)).all()
    assert [d.kind for d in documents] == ["txt", "docx", "pdf"]
    assert [d.title for d in documents] == ["Westmarsh plan", "Northvale", "Eastbrook"]
    assert all(d.status == DocumentStatus.READY and d.passage_count >= 2 for d in documents)
    passages = document_segments(1)
    assert all(p.member_id is None and p.source_type == SegmentSource.DOCUMENT for p in passages)
    assert any("housing first" in p.text for p in passages if p.source_id == documents[2].id)
    # Stored in the data folder under random names, never the name it was uploaded with.
    names = stored_files(app)
    assert len(names) == 3 and all(len(n) == 32 and "." not in n for n in names)
    assert not any("plan" in n for n in names)


def test_half_valid_batch_stores_nothing_and_names_the_bad_file(app, auth, demo):
    auth.login(Role.POLICY_OFFICER)
    response = upload(auth.client, ("plan-1.txt", PLAN.encode()),
                      ("plan-12.pdf", blank_pdf_bytes()),
                      ("picture.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))
    html = response.get_data(as_text=True)
    assert "Nothing was uploaded" in html
    assert "plan-12.pdf: this PDF has no text we can read – it may be a scan" in html
    assert "picture.pdf: this is not a PDF, Word (.docx) or text file." in html
    assert "plan-1.txt:" not in html
    assert_nothing_stored(app)


def test_a_file_whose_content_is_not_its_type_stores_nothing(app, auth, demo):
    """A text or SVG file named .pdf was read as a text document: its markup became passages."""
    auth.login(Role.POLICY_OFFICER)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><text>We will house people.</text></svg>'
    response = upload(auth.client, ("plan.txt", PLAN.encode()), ("report.pdf", svg),
                      ("notes.docx", PLAN.encode()))
    html = response.get_data(as_text=True)
    assert "Nothing was uploaded" in html
    assert "report.pdf is not a PDF: it holds the code of a web page or a picture" in html
    assert "notes.docx is not a Word (.docx) file: it holds plain text" in html
    assert "plan.txt" not in html
    assert_nothing_stored(app)


def test_same_document_twice_is_refused(auth, demo):
    auth.login(Role.FACILITATOR)
    upload(auth.client, ("plan.txt", PLAN.encode()))
    html = upload(auth.client, ("copy.txt", PLAN.encode())).get_data(as_text=True)
    assert "copy.txt: this document is here already, as “Plan”." in html
    assert db.session.scalar(select(func.count(DocumentSource.id))) == 1


def test_choosing_no_file_says_so(auth, demo):
    auth.login(Role.POLICY_OFFICER)
    html = upload(auth.client).get_data(as_text=True)
    assert "Choose one or more PDF, Word (.docx) or text files" in html


def test_large_batch_is_read_by_a_job(app, auth, demo, monkeypatch):
    monkeypatch.setattr(service, "INLINE_BYTES", 10)
    auth.login(Role.POLICY_OFFICER)
    html = upload(auth.client, ("a.txt", PLAN.encode()),
                  ("b.txt", (PLAN + " More.").encode())).get_data(as_text=True)
    assert "being read now" in html
    documents = db.session.scalars(select(DocumentSource)).all()
    assert len(documents) == 2 and all(d.job_id and d.status == DocumentStatus.READY
                                       for d in documents)
    assert len(document_segments(1)) == sum(d.passage_count for d in documents) > 0


def test_a_document_the_job_cannot_read_says_why_and_can_be_retried(app, auth, demo, monkeypatch):
    monkeypatch.setattr(service, "INLINE_BYTES", 10)
    auth.login(Role.POLICY_OFFICER)
    original = service.extract_text
    monkeypatch.setattr(service, "extract_text", lambda data, kind=None: (_ for _ in ()).throw(
        service.DocumentError("this PDF is damaged and cannot be read.")))
    html = upload(auth.client, ("a.txt", PLAN.encode())).get_data(as_text=True)
    document = db.session.scalar(select(DocumentSource))
    assert document.status == DocumentStatus.FAILED and "damaged" in document.message
    assert "damaged and cannot be read" in html
    monkeypatch.setattr(service, "extract_text", original)
    auth.client.post(f"/documents/{document.id}/retry")
    db.session.refresh(document)
    assert document.status == DocumentStatus.READY and document.passage_count > 0


def test_documents_are_searchable_but_never_quotable_or_clustered(auth, demo):
    from forum.models import Member
    member = db.session.scalar(select(Member).where(Member.pseudonym == "Member 1"))
    said = Segment(consultation_id=1, source_type=SegmentSource.TRANSCRIPT, source_id=1, position=1,
                   member_id=member.id, text="I had nowhere to live.", text_hash="x" * 64)
    db.session.add(said)
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    upload(auth.client, ("plan.txt", PLAN.encode()))
    documents = document_segments(1)
    assert documents
    quotable, usable = quotable_segments(1), usable_segments(1)
    assert said in quotable and said in usable
    assert not any(s.source_type == SegmentSource.DOCUMENT for s in quotable + usable)
    searchable = searchable_segments(1)
    assert said in searchable and all(d in searchable for d in documents)


def test_documents_are_listed_viewed_escaped_and_deleted(app, auth, demo):
    auth.login(Role.FACILITATOR)
    upload(auth.client,
           ("hostile.txt",
            b"<script>alert(1)</script> We will build more homes for people leaving prison."))
    document = db.session.scalar(select(DocumentSource))
    sources = auth.client.get("/consultations/1").get_data(as_text=True)
    assert "Hostile" in sources and f"/documents/{document.id}" in sources
    page = auth.client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    response = auth.client.post(f"/documents/{document.id}/delete", follow_redirects=True)
    assert "deleted" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(DocumentSource.id))) == 0
    assert document_segments(1) == [] and stored_files(app) == []


def test_peer_researchers_cannot_upload(auth, demo):
    auth.login(Role.PEER_RESEARCHER)
    assert upload(auth.client, ("plan.txt", PLAN.encode())).status_code == 403
    assert db.session.scalar(select(func.count(DocumentSource.id))) == 0


def test_a_batch_may_be_larger_than_one_upload_but_each_file_is_not(app, auth, demo):
    app.config["MAX_CONTENT_LENGTH"] = 4096
    auth.login(Role.POLICY_OFFICER)
    parts = [
        (f"plan-{i}.txt", (f"Plan {i}. " + "We will house people leaving prison. " * 80).encode())
        for i in range(3)]
    assert sum(len(data) for _, data in parts) > 4096
    response = upload(auth.client, *parts[:2])
    assert "2 documents uploaded" in response.get_data(as_text=True)
    html = upload(auth.client, ("big.txt", b"word " * 1000)).get_data(as_text=True)
    assert "big.txt: this file is too large" in html



def test_the_larger_batch_limit_is_only_for_staff_who_may_upload(app):
    from analysis.views.documents import allow_batches

    with app.test_request_context("/consultations/1/documents", method="POST"):
        allow_batches()
        from flask import request
        assert request.max_content_length == app.config["MAX_CONTENT_LENGTH"]
