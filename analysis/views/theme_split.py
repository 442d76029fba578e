"""Splitting a theme: the worker's preview of 2-4 sub-themes, its progress, and the confirm."""
from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.models import Theme
from analysis.services import theme_jobs
from analysis.services import theme_split as splitting
from analysis.views.segment_info import segments_by_id
from analysis.views.theme_forms import SplitForm
from analysis.views.theme_gone import theme_or_gone
from analysis.views.themes import WORK, bp
from forum.access import allow
from forum.extensions import db
from forum.models import JobStatus


@bp.route("/themes/<int:theme_id>/split", methods=["GET", "POST"])
@allow(*WORK)
def split(theme_id):
    """Preview splitting the theme into 2-4 sub-themes (made by the worker), then confirm."""
    theme = theme_or_gone(theme_id)
    form = SplitForm()
    job = theme_jobs.split_job(theme, start=request.method == "GET")
    if job is not None and job.status == JobStatus.FAILED:
        flash(job.message or "The split could not be prepared.", "error")
        return redirect(url_for("themes.show", theme_id=theme.id))
    if job is None or job.status != JobStatus.DONE:
        if request.method == "POST":
            flash("The theme changed since the preview. Check the new preview.", "error")
            return redirect(url_for("themes.split", theme_id=theme.id))
        return render_template("themes/split_wait.html", theme=theme,
                               status=theme_jobs.job_status(job), form=None), 202
    parts = theme_jobs.preview_parts(job)
    if form.validate_on_submit():
        if form.fingerprint.data != splitting.fingerprint(theme):
            flash("The theme changed since the preview. Check the new preview.", "error")
            return redirect(url_for("themes.split", theme_id=theme.id))
        made = splitting.split(theme, parts, current_user, request.remote_addr)
        flash(f"Theme split into {len(made)} themes.")
        return redirect(url_for("themes.index", consultation_id=made[0].consultation_id))
    form.fingerprint.data = splitting.fingerprint(theme)
    texts = segments_by_id({s for p in parts for s in p.representative_ids[:2]})
    return render_template("themes/split.html", theme=theme, parts=parts, texts=texts,
                           split_form=form, form=None)


@bp.route("/themes/<int:theme_id>/split/status")
@allow(*WORK)
def split_status(theme_id):
    """The split preview's progress as JSON, for the waiting page's script."""
    theme = db.get_or_404(Theme, theme_id)
    return jsonify(theme_jobs.job_status(theme_jobs.split_job(theme, start=False)))
