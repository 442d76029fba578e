"""The quote picker: a theme's quotes, or a keyword search, over quotable segments only."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from exports.models import DraftSection
from exports.services import drafts as service
from exports.services.editing import add_quote
from exports.services.quotes import source_label
from exports.views import WRITERS, bp
from exports.views.drafts import draft_or_404
from forum.access import allow
from forum.services.segments import quotable_segments

MAX_RESULTS = 50


def section_or_404(draft, question_id: int) -> DraftSection:
    return next((s for s in draft.sections if s.question_id == question_id), None) or abort(404)


def find_quotes(consultation_id: int, question_id: int, theme=None, words: str = ""):
    """Quotable segments: a theme's quotes in its order, those matching every word, or the question's."""
    quotable = {s.id: s for s in quotable_segments(consultation_id)}
    if theme is not None:
        found = [quotable[link.segment_id] for link in theme.quote_links if link.segment_id in quotable]
        found += [quotable[link.segment_id] for link in theme.links
                  if link.quote_rank is None and link.segment_id in quotable]
    else:
        found = list(quotable.values())
    terms = words.lower().split()
    if terms:
        found = [s for s in found if all(t in s.text.lower() for t in terms)]
    elif theme is None:
        found = [s for s in found if s.question_id == question_id]
    return found[:MAX_RESULTS], len(found)


@bp.route("/questions/<int:question_id>/quotes")
@allow(*WRITERS)
def quotes(consultation_id, question_id):
    """Pick quotes for one section from a theme or by searching what members said."""
    draft = draft_or_404(consultation_id)
    section = section_or_404(draft, question_id)
    themes = service.consultation_themes(consultation_id)
    theme_id = request.args.get("theme", "")
    theme = next((t for t in themes if str(t.id) == theme_id), None)
    words = request.args.get("q", "").strip()[:200]
    found, total = find_quotes(consultation_id, question_id, theme, words)
    chosen = {q.segment_id for q in section.quotes}
    return render_template("exports/drafts/quotes.html", draft=draft, section=section, themes=themes,
                           theme=theme, words=words, found=found, total=total, chosen=chosen,
                           source_label=source_label)


@bp.route("/questions/<int:question_id>/quotes/add", methods=["POST"])
@allow(*WRITERS)
def add(consultation_id, question_id):
    """Add one quotable segment to the end of a section's quotes."""
    draft = draft_or_404(consultation_id)
    section = section_or_404(draft, question_id)
    segment_id = request.form.get("segment_id", "")
    if not segment_id.isdigit():
        flash("Choose a quote to add.", "error")
    else:
        flash(add_quote(section, int(segment_id), current_user))
    back = {k: v for k, v in (("theme", request.form.get("theme", "")), ("q", request.form.get("q", ""))) if v}
    return redirect(url_for("drafts.quotes", consultation_id=consultation_id, question_id=question_id,
                            **back))
