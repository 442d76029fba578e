"""Theme pages: the history of people's changes with undo, and staff memos."""
from __future__ import annotations

import re

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.core.word_list import word_list
from analysis.models import Theme, ThemeEdit
from analysis.services import memos
from analysis.services import theme_history as history
from analysis.views.themes import WORK, bp
from forum.access import allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Consultation, Segment
from forum.services import audit
from forum.views.lookup import owned_or_404


def _back(default: str) -> str:
    """A same-site path to go back to (never another site)."""
    target = request.form.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else default


@bp.route("/consultations/<int:consultation_id>/themes/history")
@allow(*WORK)
def history_page(consultation_id):
    """Every change people made to the themes, newest first, with undo where it is safe."""
    consultation = db.get_or_404(Consultation, consultation_id)
    edits = history.history(consultation.id)
    reasons = {e.id: history.why_not_undoable(e) for e in edits}
    return render_template("themes/history.html", consultation=consultation, edits=edits,
                           reasons=reasons, confirm=ConfirmForm(), form=None)


@bp.route("/consultations/<int:consultation_id>/themes/history/<int:edit_id>/undo",
          methods=["POST"])
@allow(*WORK)
def undo(consultation_id, edit_id):
    """Undo one change, if nothing later depends on it."""
    consultation = db.get_or_404(Consultation, consultation_id)
    edit = owned_or_404(ThemeEdit, edit_id, consultation_id=consultation.id)
    back = _back(url_for("themes.history_page", consultation_id=consultation.id))
    if not ConfirmForm().validate_on_submit():
        flash("This form is out of date. Reload the page and try again.", "error")
        return redirect(back)
    summary = edit.summary
    try:
        history.undo(edit, current_user)
    except history.UndoError as error:
        db.session.rollback()
        flash(f"Not undone: {error}", "error")
        return redirect(back)
    audit.record("theme_edit_undone", current_user, consultation, ip=request.remote_addr,
                 commit=False,
                 edit_id=edit_id, kind=edit.kind)
    db.session.commit()
    flash(f"Undone: {summary}.")
    # Undoing a split takes its parts away: from one of their pages, go to the themes list.
    page = re.fullmatch(r"/themes/(\d+)(#.*)?", back)
    if page and db.session.get(Theme, int(page.group(1))) is None:
        back = url_for("themes.index", consultation_id=consultation.id)
    return redirect(back)


@bp.route("/themes/<int:theme_id>/memo", methods=["POST"])
@allow(*WORK)
def theme_memo(theme_id):
    """Keep the staff memo on a theme."""
    theme = db.get_or_404(Theme, theme_id)
    back = url_for("themes.show", theme_id=theme.id) + "#memo"
    if ConfirmForm().validate_on_submit():
        try:
            _saved(memos.set_theme_memo(theme, request.form.get("memo", "")))
        except memos.MemoError as error:
            flash(str(error), "error")
    return redirect(back)


@bp.route("/consultations/<int:consultation_id>/segments/<int:segment_id>/memo", methods=["POST"])
@allow(*WORK)
def segment_memo(consultation_id, segment_id):
    """Keep the staff memo on one segment."""
    consultation = db.get_or_404(Consultation, consultation_id)
    segment = owned_or_404(Segment, segment_id, consultation_id=consultation.id)
    back = _back(url_for("themes.index", consultation_id=consultation.id))
    if ConfirmForm().validate_on_submit():
        try:
            _saved(memos.set_segment_memo(segment, request.form.get("memo", ""), current_user))
        except memos.MemoError as error:
            flash(str(error), "error")
    return redirect(back)


def _saved(saved: memos.Saved) -> None:
    """Say the memo is kept, and which labels stand for redacted words it held."""
    if not saved.labels:
        flash("Memo saved. Only staff see it; it is never exported.")
        return
    pending = (" Some are for words a redaction suggestion not yet reviewed takes out: if it "
               "is rejected, the words come back, unless the memo is changed before then."
               if saved.pending else "")
    flash(f"Memo saved, with {word_list([f'[{label}]' for label in saved.labels])} for words "
          "taken out of what members said: a memo must not hold what redaction removed."
          f"{pending} Only staff see it; it is never exported.", "warning")
