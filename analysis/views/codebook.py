"""Codebook editor: a consultation's codes, their search terms and their order."""
from flask import Blueprint, flash, redirect, render_template, request, url_for

from analysis.models import CodebookEntry
from analysis.services import codebook as service
from analysis.views.coding_forms import CodebookEntryForm
from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation
from forum.views.lookup import owned_or_404

bp = Blueprint("codebook", __name__, template_folder="templates",
               url_prefix="/consultations/<int:consultation_id>/codebook")
EDIT = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)


@bp.route("/")
@allow(*EDIT)
def index(consultation_id):
    """The codes in order, seeded from the default codebook the first time."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return render_template("codebook/index.html", consultation=consultation,
                           entries=service.ensure_codebook(consultation.id), form=ConfirmForm())


def _typed(form: CodebookEntryForm) -> service.EntryForm:
    return service.EntryForm(name=form.name.data or "", description=form.description.data or "",
                             examples=service.split_lines(form.examples.data),
                             search_terms=service.split_lines(form.search_terms.data))


def _edit(consultation: Consultation, entry: CodebookEntry | None):
    if entry is not None and request.method == "GET":
        form = CodebookEntryForm(name=entry.name, description=entry.description,
                                 examples="\n".join(entry.examples),
                                 search_terms="\n".join(entry.search_terms))
    else:
        form = CodebookEntryForm()
    if form.validate_on_submit():
        typed = _typed(form)
        problems = service.entry_errors(consultation.id, typed, entry.id if entry else None)
        for field, messages in problems.items():
            getattr(form, field).errors.extend(messages)
        if not problems:
            saved = service.save_entry(consultation.id, typed, entry)
            flash(f"Code “{saved.name}” saved.")
            return redirect(
                url_for("codebook.index", consultation_id=consultation.id) + f"#code-{saved.id}")
    return render_template("codebook/edit.html", consultation=consultation, entry=entry, form=form)


@bp.route("/new", methods=["GET", "POST"])
@allow(*EDIT)
def new(consultation_id):
    """Add a code at the end of the codebook."""
    return _edit(db.get_or_404(Consultation, consultation_id), None)


@bp.route("/<int:entry_id>", methods=["GET", "POST"])
@allow(*EDIT)
def edit(consultation_id, entry_id):
    """Change a code's name, meaning, example phrases and search terms."""
    consultation = db.get_or_404(Consultation, consultation_id)
    entry = owned_or_404(CodebookEntry, entry_id, consultation_id=consultation_id)
    return _edit(consultation, entry)


@bp.route("/<int:entry_id>/move", methods=["POST"])
@allow(*EDIT)
def move(consultation_id, entry_id):
    """Move a code one place up or down."""
    entry = owned_or_404(CodebookEntry, entry_id, consultation_id=consultation_id)
    if ConfirmForm().validate_on_submit():
        service.move_entry(entry, -1 if request.form.get("direction") == "up" else 1)
    return redirect(
        url_for("codebook.index", consultation_id=consultation_id) + f"#code-{entry.id}")


@bp.route("/<int:entry_id>/delete", methods=["GET", "POST"])
@allow(*EDIT)
def delete(consultation_id, entry_id):
    """Ask, then delete a code and the decisions made on it."""
    consultation = db.get_or_404(Consultation, consultation_id)
    entry = owned_or_404(CodebookEntry, entry_id, consultation_id=consultation_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        name = entry.name
        service.delete_entry(entry)
        flash(f"Code “{name}” deleted.")
        return redirect(url_for("codebook.index", consultation_id=consultation_id))
    return render_template("codebook/delete.html", consultation=consultation, entry=entry,
                           form=form)
