"""Public documents of a consultation: upload several at once, read their passages, delete."""
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from analysis.models import DocumentSource, DocumentStatus
from analysis.services import documents as service
from analysis.views.coding_forms import DocumentUploadForm
from forum.access import Role, allow, user_has_role
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.jobs import JobFailure, enqueue, register_job_handler, retry_job
from forum.models import Consultation, JobStatus, Segment, SegmentSource

bp = Blueprint("documents", __name__, template_folder="templates")
MANAGE = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)
READ_DOCUMENTS = "documents.read"
# A batch of 42 plans is more than one request's usual limit; each file keeps that limit.
BATCH_LIMIT_FACTOR = 10


@bp.route("/consultations/<int:consultation_id>/documents", methods=["GET", "POST"])
@allow(*MANAGE)
def index(consultation_id):
    """The consultation's documents, and the form to upload more."""
    consultation = db.get_or_404(Consultation, consultation_id)
    form, problems = DocumentUploadForm(), []
    if form.validate_on_submit():
        # Read one byte past the limit: enough to say a file is too big, no more.
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        uploads = [service.Upload(f.filename or "", f.read(limit + 1))
                   for f in request.files.getlist("files") if f and f.filename]
        try:
            documents, in_background = service.store_batch(
                consultation.id, uploads, current_user, current_app.config["DATA_DIR"],
                current_app.config["MAX_CONTENT_LENGTH"])
        except service.BatchError as error:
            problems = error.problems
        else:
            if in_background:
                _start_reading(documents)
                flash(ngettext("%(num)d document uploaded.", "%(num)d documents uploaded.",
                               len(documents))
                      + " They are being read now; refresh to see their passages.")
            else:
                passages = sum(d.passage_count for d in documents)
                flash(ngettext("%(num)d document uploaded and read: ",
                               "%(num)d documents uploaded and read: ", len(documents))
                      + ngettext("%(num)d passage.", "%(num)d passages.", passages))
            return redirect(url_for("documents.index", consultation_id=consultation.id))
    # Named upload_form so the base page does not show its own one-line error summary.
    return render_template("documents/index.html", consultation=consultation, upload_form=form,
                           problems=problems, documents=service.documents_for(consultation.id),
                           confirm=ConfirmForm(),
                           max_mb=current_app.config["MAX_CONTENT_LENGTH"] // 1_048_576)


def upload_limit() -> int:
    """Largest upload request: a batch may hold many files, each within the usual limit."""
    return current_app.config["MAX_CONTENT_LENGTH"] * BATCH_LIMIT_FACTOR


def _start_reading(documents: list[DocumentSource]) -> None:
    ids = [d.id for d in documents]
    job = enqueue(READ_DOCUMENTS, {"document_ids": ids})
    for document_id in ids:
        document = db.session.get(DocumentSource, document_id)
        if document is not None:  # stored just before, in this request
            document.job_id = job.id
    db.session.commit()


@bp.route("/documents/<int:document_id>")
@allow(*MANAGE)
def show(document_id):
    """A document's passages, as they are searched and coded."""
    document = db.get_or_404(DocumentSource, document_id)
    passages = db.session.scalars(db.select(Segment).where(
        Segment.source_type == SegmentSource.DOCUMENT, Segment.source_id == document.id)
        .order_by(Segment.position))
    return render_template("documents/show.html", document=document, passages=list(passages),
                           confirm=ConfirmForm())


@bp.route("/documents/<int:document_id>/delete", methods=["GET", "POST"])
@allow(*MANAGE)
def delete(document_id):
    """Ask, then delete a document, its passages and its file."""
    document = db.get_or_404(DocumentSource, document_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        consultation_id, title = document.consultation_id, document.title
        service.delete_document(document, current_app.config["DATA_DIR"])
        flash(f"“{title}” deleted.")
        return redirect(url_for("documents.index", consultation_id=consultation_id))
    return render_template("documents/delete.html", document=document, form=form)


@bp.route("/documents/<int:document_id>/retry", methods=["POST"])
@allow(*MANAGE)
def retry(document_id):
    """Read a document again after its job failed."""
    document = db.get_or_404(DocumentSource, document_id)
    if ConfirmForm().validate_on_submit() and document.status != DocumentStatus.READY:
        document.status, document.message = DocumentStatus.WAITING, None
        db.session.commit()
        if document.job is not None and document.job.status == JobStatus.FAILED:
            retry_job(document.job)
        else:
            _start_reading([document])
        flash(f"“{document.title}” is being read again.")
    return redirect(url_for("documents.index", consultation_id=document.consultation_id))


def read_documents_job(job, progress) -> None:
    """Read a large batch of uploaded documents into passages."""
    failures = service.read_documents(job.params.get("document_ids", []),
                                      current_app.config["DATA_DIR"], progress)
    if failures:
        raise JobFailure("Some documents could not be read: " + "; ".join(failures))


def init_documents(app) -> None:
    """Register the job, the consultation's source list entry and the upload size."""
    from forum.services.consultations import register_source_provider

    register_job_handler(READ_DOCUMENTS, read_documents_job)
    register_source_provider(app, _document_sources)
    # First of all before-request functions: CSRF checking reads the form, which is
    # when the size limit applies.
    app.before_request_funcs.setdefault(None, []).insert(0, allow_batches)


def allow_batches() -> None:
    """Let staff who may upload send a batch of documents larger than one upload."""
    # Only for staff who may upload: anyone else keeps the usual limit (and gets refused).
    if (request.endpoint == "documents.index" and request.method == "POST"
            and current_user.is_authenticated and user_has_role(*MANAGE)):
        request.max_content_length = upload_limit()


def _document_sources(consultation):
    from forum.services.consultations import Source

    return [Source(SegmentSource.DOCUMENT.label, d.title,
                   url_for("documents.show", document_id=d.id),
                   f"{d.kind.upper()}, {d.passage_count} passages"
                   if d.status == DocumentStatus.READY
                   else ("Being read" if d.status == DocumentStatus.WAITING
                         else "Could not be read"))
            for d in service.documents_for(consultation.id)]
