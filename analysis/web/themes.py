"""Theme pages: run the analysis, see themes and charts, and put people in charge of them."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation
from forum.services import audit
from forum.services.segments import usable_segments

from analysis.models import Theme
from analysis.services import theme_edits as edits
from analysis.services import themes as service
from analysis.services.search import NOT_GROUPED
from analysis.services.theme_store import consultation_themes
from analysis.web import charts
from analysis.web.lookup import consultation_or_404
from analysis.web.segment_info import describe, segments_by_id
from analysis.web.theme_forms import MergeForm, MoveForm, RenameForm, SplitForm, move_choices

bp = Blueprint("themes", __name__, template_folder="templates")
WORK = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)


def theme_or_404(theme_id: int) -> Theme:
    return db.session.get(Theme, theme_id) or abort(404)


def run_status(run) -> dict:
    """What the page and the status endpoint say about a run."""
    if run is None:
        return {"status": "none", "stage": None, "percent": 0, "message": None}
    job = run.job
    return {"status": run.status.value, "stage": job.stage if job else None,
            "percent": job.percent if job else 0, "message": run.message,
            "finished": run.finished_at.isoformat() if run.finished_at else None}


def grouped_ids(themes) -> set[int]:
    return {link.segment_id for t in themes for link in t.links}


@bp.route("/consultations/<int:consultation_id>/themes")
@allow(*WORK)
def index(consultation_id):
    """The consultation's themes, run status and charts."""
    consultation = consultation_or_404(consultation_id)
    themes = consultation_themes(consultation.id)
    usable = usable_segments(consultation.id)
    keys = charts.group_keys(themes)
    key = request.args.get("groups") if request.args.get("groups") in keys else (keys[0] if keys else None)
    return render_template(
        "themes/index.html", consultation=consultation, themes=themes,
        run=service.latest_run(consultation.id), status=run_status(service.latest_run(consultation.id)),
        usable=len(usable), not_grouped=len({s.id for s in usable} - grouped_ids(themes)),
        bars=charts.prevalence(themes), keys=keys, heat=charts.heatmap(themes, key) if key else None,
        form=None, confirm=ConfirmForm())


@bp.route("/consultations/<int:consultation_id>/themes/status")
@allow(*WORK)
def status(consultation_id):
    """The latest run's status as JSON, for the page's progress script."""
    consultation = consultation_or_404(consultation_id)
    return jsonify(run_status(service.latest_run(consultation.id)))


@bp.route("/consultations/<int:consultation_id>/themes/run", methods=["POST"])
@allow(*WORK)
def run(consultation_id):
    """Start (or retry) an analysis in the background."""
    consultation = consultation_or_404(consultation_id)
    if ConfirmForm().validate_on_submit():
        try:
            run = service.start_run(consultation.id, current_user)
            audit.record("analysis_started", current_user, run, ip=request.remote_addr)
            flash("The analysis has started. This page shows its progress; you can keep working.")
        except service.RunBusy as error:
            flash(str(error), "error")
    return redirect(url_for("themes.index", consultation_id=consultation.id))


@bp.route("/consultations/<int:consultation_id>/themes/not-grouped")
@allow(*WORK)
def not_grouped(consultation_id):
    """Segments in no theme, with a way to move each into one."""
    consultation = consultation_or_404(consultation_id)
    themes = consultation_themes(consultation.id)
    grouped = grouped_ids(themes)
    rows = [s for s in usable_segments(consultation.id) if s.id not in grouped]
    move = MoveForm()
    move.to.choices = move_choices(themes, None)[:-1]
    return render_template("themes/not_grouped.html", consultation=consultation,
                           segments=describe(rows), move=move, form=None)


def render_theme(theme: Theme, rename: RenameForm | None = None, merge: MergeForm | None = None,
                 status: int = 200):
    themes = consultation_themes(theme.consultation_id)
    usable = {s.id: s for s in usable_segments(theme.consultation_id)}
    links = [link for link in theme.links if link.segment_id in usable]
    views = {v.segment.id: v for v in describe([usable[link.segment_id] for link in links])}
    # Consent can change after a run: only members who may be quoted now appear as quotes.
    quotes = [views[q.segment_id] for q in theme.quote_links if q.segment_id in views
              and views[q.segment_id].segment.member is not None
              and views[q.segment_id].segment.member.may_quote]
    rename = rename or RenameForm(label=theme.label)
    merge = merge or MergeForm()
    merge.other.choices = [(t.id, t.label) for t in themes if t.id != theme.id]
    move = MoveForm()
    move.to.choices = move_choices(themes, theme.id)
    move.next.data = url_for("themes.show", theme_id=theme.id)
    names = {t.id: t for t in themes}
    return render_template(
        "themes/show.html", theme=theme,
        consultation=db.session.get(Consultation, theme.consultation_id), links=links, views=views,
        quotes=quotes, quote_ids={q.segment.id for q in quotes}, rename=rename, merge=merge,
        move=move, confirm=ConfirmForm(), names=names, form=rename if rename.errors else None,
        pinned={link.segment_id for link in links if link.quote_by == "person" and link.quote_rank is not None},
    ), status


@bp.route("/themes/<int:theme_id>")
@allow(*WORK)
def show(theme_id):
    """One theme: quotes, segments, groups, overlaps, and the edits people can make."""
    return render_theme(theme_or_404(theme_id))


@bp.route("/themes/<int:theme_id>/rename", methods=["POST"])
@allow(*WORK)
def rename(theme_id):
    """Give the theme a person's name."""
    theme = theme_or_404(theme_id)
    form = RenameForm()
    if not form.validate_on_submit():
        return render_theme(theme, rename=form, status=400)
    edits.rename(theme, form.label.data, current_user, request.remote_addr)
    flash(f"Theme renamed to {theme.label}.")
    return redirect(url_for("themes.show", theme_id=theme.id))


@bp.route("/themes/<int:theme_id>/checked", methods=["POST"])
@allow(*WORK)
def checked(theme_id):
    """Mark the theme checked (or not) by a person."""
    theme = theme_or_404(theme_id)
    if ConfirmForm().validate_on_submit():
        edits.set_checked(theme, request.form.get("checked") == "1", current_user, request.remote_addr)
        flash("Theme marked as checked." if theme.checked_at else "Theme marked as not checked.")
    return redirect(url_for("themes.show", theme_id=theme.id))


@bp.route("/themes/<int:theme_id>/quotes", methods=["POST"])
@allow(*WORK)
def quotes(theme_id):
    """Pin a segment as a quote, or unpin one."""
    theme = theme_or_404(theme_id)
    segment_id = request.form.get("segment_id", type=int)
    if ConfirmForm().validate_on_submit() and segment_id:
        try:
            if request.form.get("action") == "pin":
                edits.pin_quote(theme, segment_id, current_user, request.remote_addr)
                flash("Quote pinned.")
            else:
                edits.unpin_quote(theme, segment_id, current_user, request.remote_addr)
                flash("Quote unpinned.")
        except edits.EditError as error:
            flash(str(error), "error")
    return redirect(url_for("themes.show", theme_id=theme.id) + "#quotes")


@bp.route("/consultations/<int:consultation_id>/segments/<int:segment_id>/move", methods=["POST"])
@allow(*WORK)
def move(consultation_id, segment_id):
    """Move a segment to another theme or to Not grouped."""
    consultation = consultation_or_404(consultation_id)
    themes = {str(t.id): t for t in consultation_themes(consultation.id)}
    form = MoveForm()
    form.to.choices = [(k, t.label) for k, t in themes.items()] + [(NOT_GROUPED, "Not grouped")]
    back = form.next.data if (form.next.data or "").startswith("/") and not (
        form.next.data or "").startswith("//") else url_for("themes.index", consultation_id=consultation.id)
    if not form.validate_on_submit():
        flash("Choose a theme to move the segment to.", "error")
        return redirect(back)
    target = themes.get(form.to.data)
    try:
        edits.move_segment(consultation.id, segment_id, target, current_user, request.remote_addr)
        flash(f"Segment moved to {target.label if target else 'Not grouped'}.")
    except edits.EditError as error:
        flash(str(error), "error")
    return redirect(back)


@bp.route("/themes/<int:theme_id>/merge", methods=["POST"])
@allow(*WORK)
def merge(theme_id):
    """Merge another theme into this one."""
    theme = theme_or_404(theme_id)
    form = MergeForm()
    form.other.choices = [(t.id, t.label) for t in consultation_themes(theme.consultation_id)
                          if t.id != theme.id]
    if not form.validate_on_submit():
        return render_theme(theme, merge=form, status=400)
    other = db.session.get(Theme, form.other.data)
    edits.merge(theme, other, current_user, request.remote_addr)
    flash(f"Merged into {theme.label}.")
    return redirect(url_for("themes.show", theme_id=theme.id))


@bp.route("/themes/<int:theme_id>/split", methods=["GET", "POST"])
@allow(*WORK)
def split(theme_id):
    """Preview splitting the theme into 2-4 sub-themes, then confirm."""
    theme = theme_or_404(theme_id)
    form = SplitForm()
    try:
        parts = edits.split_preview(theme)
    except edits.EditError as error:
        flash(str(error), "error")
        return redirect(url_for("themes.show", theme_id=theme.id))
    if form.validate_on_submit():
        if form.fingerprint.data != edits.fingerprint(theme):
            flash("The theme changed since the preview. Check the new preview.", "error")
            return redirect(url_for("themes.split", theme_id=theme.id))
        made = edits.split(theme, parts, current_user, request.remote_addr)
        flash(f"Theme split into {len(made)} themes.")
        return redirect(url_for("themes.index", consultation_id=made[0].consultation_id))
    form.fingerprint.data = edits.fingerprint(theme)
    texts = segments_by_id({s for p in parts for s in p.representative_ids[:2]})
    return render_template("themes/split.html", theme=theme, parts=parts, texts=texts,
                           split_form=form, form=None)
