"""The draft editor: one page per draft, autosave, version history, restore and downloads."""
import io
from collections import Counter

from flask import abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from analysis.core.themes.quotes import evidence_rich, placeholders
from analysis.services.question_links import order_for_question, themes_by_question
from exports.models import DraftNotice, DraftVersion
from exports.renderers.view import CHART_FROM
from exports.services import drafts as service
from exports.services.downloads import FORMATS
from exports.services.draft_quotes import change_quotes
from exports.services.editing import DraftConflict, restore_version, save_draft
from exports.services.evidence import gather_evidence, methods_paragraph
from exports.views import WRITERS, bp
from exports.views.forms import EditorValues, read_editor_form, read_revision
from forum.access import allow
from forum.extensions import db
from forum.models.base import utcnow
from forum.services import audit
from forum.services.segments import safeguarding_warning
from forum.views.lookup import owned_or_404


def draft_or_404(consultation_id: int):
    return service.current_draft(consultation_id) or abort(404)


def quote_problems(draft, checks) -> dict[int, int]:
    """{section id: how many of its quotes fail their checks}, for sections with any."""
    counts = {s.id: sum(1 for q in s.quotes if checks.get(q.id) and checks[q.id].problem)
              for s in draft.sections}
    return {sid: n for sid, n in counts.items() if n}


# The opening parts of the draft, folded like the questions, and the boxes in each.
PARTS = {"cover": ("title", "organisation", "date-day", "contact"), "about": ("about",),
         "intro": ("introduction", "summary", "recommendations")}


def open_sections(draft, problems, errors, notices) -> set[int | str]:
    """The parts shown open: a question section (by id) with an error, a quote that fails its
    checks, a notice about quotes taken out, or the one the officer came back to (?open=
    question id); an opening part (cover, about, intro) with an error."""
    asked = request.args.get("open", "")
    changed = {label for notice in notices for label in notice.sections}
    questions = {s.id for s in draft.sections
                 if str(s.question_id) == asked or s.question.label in changed
                 or s.id in problems
                 or any(name.startswith(f"section-{s.id}-") for name in errors)}
    return questions | {part for part, names in PARTS.items() if set(names) & set(errors)}


def render_editor(draft, values=None, errors=None, conflict=None, status=200):
    themes = service.consultation_themes(draft.consultation_id)
    counts = themes_by_question(draft.consultation_id) if themes else {}
    # Each question's box offers the themes heard in answers to it first.
    theme_order = {s.id: order_for_question(themes, counts.get(s.question_id, Counter()))
                   for s in draft.sections}
    checks, errors = service.check_quotes(draft), errors or {}
    notices = [n for n in draft.notices if n.dismissed_at is None]
    problems = quote_problems(draft, checks)
    values = values or EditorValues()
    topics, saved = service.easy_read_topics(draft), draft.easy_read_done or {}
    page = render_template(
        "exports/drafts/edit.html", safeguarding_warning=safeguarding_warning, draft=draft,
        chart_from=CHART_FROM,
        values=values, errors=errors, conflict=conflict, themes=themes,
        theme_order=theme_order, sections=service.ordered_sections(draft),
        checks=checks, captions=service.quote_captions(draft),
        # Open, the demo draft was some 14,000 px tall at 768 wide: questions fold.
        opened=open_sections(draft, problems, errors, notices), problems=problems,
        easy_read_topics=topics,
        # Each topic's "What we did" box: what was just typed, else what is saved.
        what_we_did={t.key: values.get(f"easy_read_done-{t.key}", saved.get(t.key, ""))
                     for t in topics},
        methods=methods_paragraph(gather_evidence(draft.consultation_id)),
        notices=notices, formats=FORMATS,
        # The exports print a theme's label as it is: warn before one nobody checked is sent.
        unchecked=[t for t in service.linked_themes(draft, themes) if t.label_unchecked],
        placeholders=placeholders, evidence_rich=evidence_rich)
    return page, status


def _labels(draft) -> dict[int, str]:
    return {s.id: s.question.label for s in draft.sections}


def _change_quote(draft, action: str, target: str):
    # Back to the quote's question, open (a quote taken out leaves its question there).
    section = next((s for s in draft.sections for q in s.quotes if str(q.id) == target), None)
    flash(change_quotes(draft, current_user, action, int(target))
          or "That quote is no longer in the draft.")
    if section is None:
        return redirect(url_for("drafts.edit", consultation_id=draft.consultation_id))
    anchor = f"section-{section.question.label}" if action == "remove" else f"q-{target}"
    return redirect(url_for("drafts.edit", consultation_id=draft.consultation_id,
                            open=section.question_id, _anchor=anchor))


@bp.route("", methods=["GET", "POST"])
@allow(*WRITERS)
def edit(consultation_id):
    """The draft response: cover, about, introduction, summary, recommendations and sections."""
    draft = draft_or_404(consultation_id)
    if request.method == "GET":
        return render_editor(draft)
    edit_data, errors = read_editor_form(request.form, _labels(draft))
    values = EditorValues(request.form)
    revision = read_revision(request.form)
    if revision is None:
        errors["revision"] = "This form is out of date. Reload the page and try again"
    if errors or revision is None:  # no revision is one of the errors
        return render_editor(draft, values, errors, status=400)
    try:
        save_draft(draft, edit_data, revision, current_user,
                   keep_about=bool(request.form.get("keep_about")))
    except DraftConflict as conflict:
        return render_editor(conflict.draft, values, conflict=conflict, status=409)
    action, _, target = request.form.get("action", "save").partition(":")
    if action in ("up", "down", "remove") and target.isdigit():
        return _change_quote(draft, action, target)
    if action == "pick" and target.isdigit():
        return redirect(
            url_for("drafts.quotes", consultation_id=consultation_id, question_id=int(target)))
    flash("Draft saved.")
    return redirect(url_for("drafts.edit", consultation_id=consultation_id))


@bp.route("/autosave", methods=["POST"])
@allow(*WRITERS)
def autosave(consultation_id):
    """Save the editor in the background; 409 with the other person's change on a conflict."""
    draft = draft_or_404(consultation_id)
    edit_data, errors = read_editor_form(request.form, _labels(draft))
    revision = read_revision(request.form)
    if revision is None or errors:
        return jsonify(saved=False, message="Not saved: " + "; ".join(
            errors.values() or ["reload the page and try again"]) + "."), 400
    try:
        save_draft(draft, edit_data, revision, current_user, autosave=True)
    except DraftConflict as conflict:
        return jsonify(saved=False, conflict=True, message=str(conflict),
                       changes=[{"what": what, "theirs": theirs}
                                for what, theirs in conflict.differences]), 409
    return jsonify(saved=True, revision=draft.revision,
                   message=f"Saved automatically at {draft.updated_at:%H:%M:%S}.")


@bp.route("/versions")
@allow(*WRITERS)
def versions(consultation_id):
    """Every saved version of the draft, newest first, each with a restore button."""
    draft = draft_or_404(consultation_id)
    return render_template("exports/drafts/versions.html", draft=draft, versions=draft.versions)


@bp.route("/versions/<int:version_id>/restore", methods=["POST"])
@allow(*WRITERS)
def restore(consultation_id, version_id):
    """Put an earlier version back; the current one stays in the history."""
    draft = draft_or_404(consultation_id)
    version = owned_or_404(DraftVersion, version_id, draft_id=draft.id)
    revision = read_revision(request.form)
    try:
        dropped = restore_version(draft, version, current_user,
                                  revision if revision is not None else -1)
    except DraftConflict as conflict:
        flash(f"Not restored: {conflict} Look at the history again before restoring.", "error")
        return redirect(url_for("drafts.versions", consultation_id=consultation_id))
    message = "Version restored."
    if dropped:
        message += f" Quotes that can no longer be used stayed out of {', '.join(dropped)}."
    flash(message)
    return redirect(url_for("drafts.edit", consultation_id=consultation_id))


@bp.route("/notices/<int:notice_id>/dismiss", methods=["POST"])
@allow(*WRITERS)
def dismiss_notice(consultation_id, notice_id):
    """Hide a notice about quotes taken out of the draft (it stays in the audit log)."""
    draft = draft_or_404(consultation_id)
    notice = owned_or_404(DraftNotice, notice_id, draft_id=draft.id)
    notice.dismissed_at = utcnow()
    db.session.commit()
    return redirect(url_for("drafts.edit", consultation_id=consultation_id))


@bp.route("/download/<export_format>")
@allow(*WRITERS)
def download(consultation_id, export_format):
    """Download the response or the data files; every download is in the audit log."""
    from exports.services.downloads import UnknownExport, export_file

    draft = draft_or_404(consultation_id)
    try:
        data, filename, mimetype = export_file(consultation_id, export_format)
    except UnknownExport:
        abort(404)
    audit.record("exported", current_user, draft.consultation, ip=request.remote_addr,
                 format=export_format, what="consultation response")
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                     download_name=filename)
