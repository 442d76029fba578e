"""Imported survey answers: upload a CSV file, choose its columns, see problems by line."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from forum.access import Role, allow
from forum.extensions import db
from forum.forms.fields import add_error
from forum.models import Consultation
from forum.services.consultations import consultation_choices
from surveys.forms.imports import MappingForm, UploadForm
from surveys.models import CsvImport, CsvImportStatus
from surveys.services import imports as service
from surveys.views import bp

IMPORT = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)


@bp.route("/imports/new", methods=["GET", "POST"])
@allow(*IMPORT)
def new_import():
    """Upload a CSV file of free-text answers for a consultation."""
    form = UploadForm(consultation_id=request.args.get("consultation", type=int))
    form.consultation_id.choices = consultation_choices()
    if form.validate_on_submit():
        upload = form.file.data
        if not upload or not getattr(upload, "filename", ""):
            add_error(form.file, "Choose a CSV file")
        else:
            consultation = db.session.get(Consultation, form.consultation_id.data) or abort(400)
            try:
                record = service.upload(consultation, upload.filename, upload.read(),
                                        current_user._get_current_object())
            except service.CsvProblem as error:
                add_error(form.file, str(error))
            else:
                return redirect(url_for("surveys.show_import", import_id=record.id))
    return render_template("surveys/imports/new.html", form=form)


@bp.route("/imports/<int:import_id>", methods=["GET", "POST"])
@allow(*IMPORT)
def show_import(import_id):
    """Choose the columns, then see the check's problems by line, or what was imported."""
    record = db.get_or_404(CsvImport, import_id)
    form, problem = MappingForm(), None
    if record.status in (CsvImportStatus.UPLOADED,
                         CsvImportStatus.PROBLEMS) and form.validate_on_submit():
        names = service.headings(record)
        mapping = {name: request.form.get(f"column-{index}", type=int) or 0
                   for index, name in enumerate(names)}
        try:
            service.choose_columns(record, request.form.get("respondent_column", ""), mapping)
        except service.CsvProblem as error:
            problem = str(error)
        else:
            if record.status == CsvImportStatus.IMPORTED:
                flash(f"Imported {record.answer_count} answers from {record.row_count} rows.")
            return redirect(url_for("surveys.show_import", import_id=record.id))
    return render_template("surveys/imports/show.html", record=record,
                           headings=service.headings(record),
                           mapping_form=form, problem=problem,
                           linked=service.linked_members(record),
                           questions=record.consultation.questions, chosen=request.form)
