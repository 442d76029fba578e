"""Search a consultation's segments by meaning and by keyword."""
from __future__ import annotations

from flask import render_template, request
from sqlalchemy import select

from forum.access import allow
from forum.extensions import db
from forum.models import Question

from analysis.services import search as service
from analysis.services.embeddings import current_embedder, embedder_ready, warm_embedder
from analysis.services.theme_store import consultation_themes
from analysis.services.themes import GROUP_FIELDS
from analysis.web.segment_info import SOURCE_NAMES, describe
from analysis.web.theme_forms import SearchForm
from analysis.web.lookup import consultation_or_404
from analysis.web.themes import WORK, bp


def _choices(form: SearchForm, consultation_id: int, themes) -> None:
    from forum.models import Member

    form.source.choices = [("", "Any source")] + list(SOURCE_NAMES.items())
    questions = db.session.scalars(select(Question).where(Question.consultation_id == consultation_id)
                                   .order_by(Question.position))
    form.question.choices = [("", "Any question")] + [(str(q.id), f"{q.label}: {q.text[:70]}")
                                                      for q in questions]
    form.theme.choices = ([("", "Any theme")] + [(str(t.id), t.label) for t in themes]
                          + [(service.NOT_GROUPED, "Not grouped")])
    groups = [("", "Any group")]
    for key, field in GROUP_FIELDS.items():
        values = sorted({v for v in db.session.scalars(select(getattr(Member, field))) if v})
        groups += [(f"{key}={v}", f"{key}: {v}") for v in values]
    form.group.choices = groups


@bp.route("/consultations/<int:consultation_id>/search")
@allow(*WORK)
def search(consultation_id):
    """Find what members said, by meaning and by keyword, with filters."""
    consultation = consultation_or_404(consultation_id)
    themes = consultation_themes(consultation.id)
    form = SearchForm(request.args)
    _choices(form, consultation.id, themes)
    hits, searched, note = [], False, None
    # Torch and MiniLM take half a minute to load on a busy server: start on the first visit.
    embedder = current_embedder()
    warm_embedder(embedder)
    if request.args and form.validate():
        query = (form.q.data or "").strip()
        filters = service.Filters(form.source.data or "", form.question.data or "",
                                  form.theme.data or "", form.group.data or "")
        if query or any(vars(filters).values()):
            searched = True
            ready = bool(query) and embedder_ready(embedder)
            if query and not ready:
                note = ("Search by meaning is still starting up, so these are keyword matches "
                        "only. Search again in a minute to include matches by meaning.")
            hits = service.search_segments(consultation.id, query, filters,
                                           embedder if ready else None)
    views = {v.segment.id: v for v in describe([h.segment for h in hits])}
    return render_template("themes/search.html", consultation=consultation, form=form,
                           hits=hits, views=views, searched=searched, note=note)
