"""The quote picker: a theme's quotes, or a keyword search, over quotable segments only."""
from collections import Counter

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.core.themes.quotes import evidence_rich, placeholders
from analysis.services.question_links import (
    order_for_question,
    segment_questions,
    themes_by_question,
)
from exports.models import DraftSection
from exports.services import drafts as service
from exports.services.draft_quotes import QuoteWordsError, add_quote
from exports.services.quotes import source_label
from exports.views import WRITERS, bp
from exports.views.drafts import draft_or_404
from forum.access import allow
from forum.services.segments import quotable_segments, safeguarding_warning

MAX_RESULTS = 50


def section_or_404(draft, question_id: int) -> DraftSection:
    return next((s for s in draft.sections if s.question_id == question_id), None) or abort(404)


def find_quotes(consultation_id: int, question_id: int, theme=None, words: str = ""):
    """Quotable segments: a theme's quotes in order, those matching every word, or the question's.

    Words said in answer to the section's question come first (a stable sort keeps the
    theme's own order within each group).

    Returns:
        (the first ``MAX_RESULTS`` segments, how many were found, {segment id: question id}).
    """
    quotable = {s.id: s for s in quotable_segments(consultation_id)}
    question_of = segment_questions(quotable.values())
    if theme is not None:
        found = [quotable[link.segment_id] for link in theme.quote_links
                 if link.segment_id in quotable]
        found += [quotable[link.segment_id] for link in theme.links
                  if link.quote_rank is None and link.segment_id in quotable]
    else:
        found = list(quotable.values())
    terms = words.lower().split()
    if terms:
        found = [s for s in found if all(t in s.text.lower() for t in terms)]
    elif theme is None:
        found = [s for s in found if question_of[s.id] == question_id]
    found.sort(key=lambda s: question_of[s.id] != question_id)
    return found[:MAX_RESULTS], len(found), question_of


def render_picker(draft, section, theme_id: str, words: str, typed: dict | None = None,
                  status: int = 200):
    """The picker page; ``typed`` keeps {segment id: (words typed, error)} after a refused add."""
    consultation_id, question_id = draft.consultation_id, section.question_id
    themes = service.consultation_themes(consultation_id)
    theme = next((t for t in themes if str(t.id) == theme_id), None)
    found, total, question_of = find_quotes(consultation_id, question_id, theme, words)
    ranked = order_for_question(themes,
                                themes_by_question(consultation_id).get(question_id, Counter()))
    return render_template("exports/drafts/quotes.html", draft=draft, section=section,
                           themes=themes,
                           theme=theme, words=words, found=found, total=total,
                           chosen={q.segment_id for q in section.quotes}, typed=typed or {},
                           # The words chosen may leave out a placeholder the segment has.
                           chosen_placeholders={q.segment_id: placeholders(q.text)
                                                for q in section.quotes},
                           evidence_rich=evidence_rich,
                           source_label=source_label, safeguarding_warning=safeguarding_warning,
                           question_of=question_of,
                           labels={q.id: q.label for q in draft.consultation.questions},
                           for_question=[(t, n) for t, n in ranked if n],
                           other_themes=[t for t, n in ranked if not n]), status


@bp.route("/questions/<int:question_id>/quotes")
@allow(*WRITERS)
def quotes(consultation_id, question_id):
    """Pick quotes for one section from a theme or by searching what members said."""
    draft = draft_or_404(consultation_id)
    section = section_or_404(draft, question_id)
    return render_picker(draft, section, request.args.get("theme", ""),
                         request.args.get("q", "").strip()[:200])


@bp.route("/questions/<int:question_id>/quotes/add", methods=["POST"])
@allow(*WRITERS)
def add(consultation_id, question_id):
    """Add a quotable segment, or only the words chosen from it, after a section's quotes."""
    draft = draft_or_404(consultation_id)
    section = section_or_404(draft, question_id)
    segment_id = request.form.get("segment_id", "")
    theme_id, words = request.form.get("theme", ""), request.form.get("q", "").strip()[:200]
    if not segment_id.isdigit():
        flash("Choose a quote to add.", "error")
    else:
        chosen = request.form.get("words", "")
        try:
            flash(add_quote(section, int(segment_id), current_user, words=chosen))
        except QuoteWordsError as error:
            # The words typed or selected stay in their box, next to the reason.
            return render_picker(draft, section, theme_id, words,
                                 {int(segment_id): (chosen, str(error))}, 400)
    back: dict = {k: v for k, v in (("theme", theme_id), ("q", words)) if v}
    if segment_id.isdigit():
        back["_anchor"] = f"pick-{segment_id}"
    return redirect(
        url_for("drafts.quotes", consultation_id=consultation_id, question_id=question_id,
                            **back))
