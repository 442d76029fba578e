"""Theme pages: run the analysis, see themes and charts, and put people in charge of them."""
from __future__ import annotations

from collections import Counter

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from analysis import charts
from analysis.core.themes import stability as stable
from analysis.models import Theme
from analysis.services import question_links as links
from analysis.services import theme_edits as edits
from analysis.services import theme_history as history
from analysis.services import theme_learning as learning
from analysis.services import themes as service
from analysis.services.memos import segment_memos
from analysis.services.question_map import CHECK_BELOW
from analysis.services.search import NOT_GROUPED
from analysis.services.theme_store import consultation_themes
from analysis.views.segment_info import describe
from analysis.views.theme_forms import (
    MergeForm,
    MoveForm,
    RenameForm,
    merge_choices,
    move_choices,
)
from analysis.views.theme_gone import theme_or_gone
from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation
from forum.services import audit
from forum.services.segments import quotable_segments, usable_segments

bp = Blueprint("themes", __name__, template_folder="templates")
WORK = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)
# What the pages say about how each theme's stability is measured.
STABLE_RULE = {"resamples": stable.RESAMPLES, "share": round(stable.SHARE * 100),
               "stable_from": stable.STABLE_FROM, "up_to": stable.MEASURED_UP_TO}


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
    consultation = db.get_or_404(Consultation, consultation_id)
    themes = consultation_themes(consultation.id)
    usable = usable_segments(consultation.id)
    keys = charts.group_keys(themes)
    groups = request.args.get("groups")
    key = groups if groups in keys else (keys[0] if keys else None)
    question = next((q for q in consultation.questions
                     if str(q.id) == request.args.get("question", "")), None)
    return render_template(
        "themes/index.html", consultation=consultation, themes=themes, question=question,
        stable_rule=STABLE_RULE,
        by_question=links.question_view(consultation.id, question, themes) if question else None,
        run=service.latest_run(consultation.id),
        status=run_status(service.latest_run(consultation.id)),
        usable=len(usable), not_grouped=len({s.id for s in usable} - grouped_ids(themes)),
        member_chart=charts.members_chart(themes), keys=keys,
        heat=charts.heatmap(themes, key) if key else None,
        form=None, confirm=ConfirmForm(), change=history.latest_change(consultation.id),
        placed=learning.placement_counts(learning.placements(consultation.id, themes)),
        teach=learning.min_examples(), started=request.args.get("started") == "1")


@bp.route("/consultations/<int:consultation_id>/themes/status")
@allow(*WORK)
def status(consultation_id):
    """The latest run's status as JSON, for the page's progress script."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return jsonify(run_status(service.latest_run(consultation.id)))


@bp.route("/consultations/<int:consultation_id>/themes/run", methods=["POST"])
@allow(*WORK)
def run(consultation_id):
    """Start (or retry) an analysis in the background."""
    consultation = db.get_or_404(Consultation, consultation_id)
    if ConfirmForm().validate_on_submit():
        try:
            run = service.start_run(consultation.id, current_user)
            audit.record("analysis_started", current_user, run, ip=request.remote_addr)
            # The page's own banner, not a flash: it says when the run is over (it said
            # "has started" after it finished, or beside "The last analysis failed").
            return redirect(url_for("themes.index", consultation_id=consultation.id, started=1))
        except service.RunBusy as error:
            flash(str(error), "error")
    return redirect(url_for("themes.index", consultation_id=consultation.id))


@bp.route("/consultations/<int:consultation_id>/themes/not-grouped")
@allow(*WORK)
def not_grouped(consultation_id):
    """Segments in no theme, with a way to move each into one."""
    consultation = db.get_or_404(Consultation, consultation_id)
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
    # Consent and safeguarding can change after a run: only words quotable now are quotes.
    quotable = {s.id for s in quotable_segments(theme.consultation_id)}
    quotes = [views[q.segment_id] for q in theme.quote_links
              if q.segment_id in views and q.segment_id in quotable]
    rename = rename or RenameForm(label=theme.label)
    merge = merge or MergeForm()
    merge.other.choices = merge_choices(themes, theme.id)
    move = MoveForm()
    move.to.choices = move_choices(themes, theme.id)
    move.next.data = url_for("themes.show", theme_id=theme.id)
    names = {t.id: t for t in themes}
    placed = learning.placements(theme.consultation_id, [theme])[theme.id]
    return render_template(
        "themes/show.html", theme=theme, stable_rule=STABLE_RULE,
        consultation=db.session.get(Consultation, theme.consultation_id), links=links, views=views,
        quotes=quotes, quote_ids={q.segment.id for q in quotes}, quotable=quotable,
        rename=rename, merge=merge,
        move=move, confirm=ConfirmForm(), names=names,
        form=rename if rename.errors else merge if merge.errors else None,
        pinned={link.segment_id for link in links if link.quote_by == "person"
                and link.quote_rank is not None},
        change=history.latest_change(theme.consultation_id), memos=segment_memos(views),
        placed=placed, by=Counter(placed[link.segment_id] for link in links),
        teach=learning.min_examples(), sources=learning.SOURCE_TEXT, check_below=CHECK_BELOW,
    ), status


@bp.route("/themes/<int:theme_id>")
@allow(*WORK)
def show(theme_id):
    """One theme: quotes, segments, groups, overlaps, and the edits people can make."""
    return render_theme(theme_or_gone(theme_id))


@bp.route("/themes/<int:theme_id>/rename", methods=["POST"])
@allow(*WORK)
def rename(theme_id):
    """Give the theme a person's name."""
    theme = db.get_or_404(Theme, theme_id)
    form = RenameForm()
    if not form.validate_on_submit():
        return render_theme(theme, rename=form, status=400)
    edits.rename(theme, form.label.data or "", current_user, request.remote_addr)
    flash(f"Theme renamed to {theme.label}.")
    return redirect(url_for("themes.show", theme_id=theme.id))


@bp.route("/themes/<int:theme_id>/checked", methods=["POST"])
@allow(*WORK)
def checked(theme_id):
    """Mark the theme checked (or not) by a person."""
    theme = db.get_or_404(Theme, theme_id)
    if ConfirmForm().validate_on_submit():
        edits.set_checked(theme, request.form.get("checked") == "1", current_user,
                          request.remote_addr)
        flash("Theme marked as checked." if theme.checked_at else "Theme marked as not checked.")
    return redirect(url_for("themes.show", theme_id=theme.id))


@bp.route("/themes/<int:theme_id>/quotes", methods=["POST"])
@allow(*WORK)
def quotes(theme_id):
    """Pin a segment as a quote, or unpin one."""
    theme = db.get_or_404(Theme, theme_id)
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


@bp.route("/themes/<int:theme_id>/confirm", methods=["POST"])
@allow(*WORK)
def confirm_segment(theme_id):
    """Confirm a segment is in the right theme: an example the theme learns from."""
    theme = db.get_or_404(Theme, theme_id)
    segment_id = request.form.get("segment_id", type=int)
    if not ConfirmForm().validate_on_submit() or not segment_id:
        flash("The page was out of date. Try again.", "error")
        return redirect(url_for("themes.show", theme_id=theme.id))
    try:
        edits.confirm_segment(theme, segment_id, current_user, request.remote_addr)
        flash(f"Confirmed: this segment belongs in {theme.label}. The next analysis run "
              "learns from it.")
    except edits.EditError as error:
        flash(str(error), "error")
    return redirect(url_for("themes.show", theme_id=theme.id) + f"#segment-{segment_id}")


@bp.route("/consultations/<int:consultation_id>/segments/<int:segment_id>/move", methods=["POST"])
@allow(*WORK)
def move(consultation_id, segment_id):
    """Move a segment to another theme or to Not grouped."""
    consultation = db.get_or_404(Consultation, consultation_id)
    themes = {str(t.id): t for t in consultation_themes(consultation.id)}
    form = MoveForm()
    form.to.choices = ([(k, t.shown_label) for k, t in themes.items()]
                       + [(NOT_GROUPED, "Not grouped")])
    back = form.next.data or ""
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("themes.index", consultation_id=consultation.id)
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
    theme = db.get_or_404(Theme, theme_id)
    form = MergeForm()
    form.other.choices = merge_choices(consultation_themes(theme.consultation_id), theme.id)
    if not form.validate_on_submit():
        return render_theme(theme, merge=form, status=400)
    other = db.session.get(Theme, form.other.data)
    if other is None:  # one of the choices offered, unless deleted since
        abort(404)
    merged_label = other.shown_label
    edits.merge(theme, other, current_user, request.remote_addr)
    flash(f"Merged “{merged_label}” into “{theme.shown_label}”.")
    return redirect(url_for("themes.show", theme_id=theme.id))
