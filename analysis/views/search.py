"""Search a consultation's segments by meaning and by keyword."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import ngettext
from sqlalchemy import select

from analysis.services import search as service
from analysis.services.inputs import GROUP_FIELDS
from analysis.services.meaning import ask_meaning
from analysis.services.query_words import pattern_refused, too_common
from analysis.services.theme_store import consultation_themes
from analysis.views.segment_info import SOURCE_NAMES, describe
from analysis.views.theme_forms import SearchForm
from analysis.views.themes import WORK, bp
from forum.access import allow
from forum.extensions import db
from forum.forms.fields import add_error
from forum.models import Consultation, Question, SegmentSource


def found_heading(hits: list[service.Hit]) -> str:
    """How many things members said and document passages were found, in plain words.

    Args:
        hits: the search's hits, members' words and documents' passages together.
    Returns:
        The results heading, such as "2 things members said and 1 document passage found".
    """
    passages = sum(hit.segment.source_type == SegmentSource.DOCUMENT for hit in hits)
    said = len(hits) - passages
    parts = ([ngettext("%(num)d thing a member said", "%(num)d things members said", said)]
             if said else [])
    if passages:
        parts.append(ngettext("%(num)d document passage", "%(num)d document passages", passages))
    return " and ".join(parts) + " found" if parts else "Nothing found"


def _choices(form: SearchForm, consultation_id: int, themes) -> None:
    from forum.models import Member

    # Only the kinds of source this consultation has; one asked for by URL stays shown.
    offered = service.sources(consultation_id) | {form.source.data}
    form.source.choices = [("", "Any source")] + [(kind, name) for kind, name
                                                  in SOURCE_NAMES.items() if kind in offered]
    questions = db.session.scalars(
        select(Question).where(Question.consultation_id == consultation_id)
                                   .order_by(Question.position))
    form.question.choices = [("", "Any question")] + [(str(q.id), f"{q.label}: {q.text[:70]}")
                                                      for q in questions]
    form.theme.choices = ([("", "Any theme")] + [(str(t.id), t.shown_label) for t in themes]
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
    consultation = db.get_or_404(Consultation, consultation_id)
    themes = consultation_themes(consultation.id)
    form = SearchForm(request.args)
    _choices(form, consultation.id, themes)
    results, searched, note = service.Results([], []), False, None
    if request.args and form.validate():
        query = (form.q.data or "").strip()
        filters = service.Filters(form.source.data or "", form.question.data or "",
                                  form.theme.data or "", form.group.data or "")
        if filters.source and filters.source not in SOURCE_NAMES:
            # Found nothing silently before, as if the consultation had none of it.
            add_error(form.source, f"“{filters.source[:40]}” is not a kind of source. Choose "
                                   "one from the list, or Any source")
        elif not query and not any(vars(filters).values()):
            add_error(form.q, "Enter words to look for, or choose a source, theme, question "
                              "or group")
        elif refused := pattern_refused(query):
            add_error(form.q, refused)
        else:
            # The worker embeds the query: no web worker ever loads the model.
            similarity, note = ask_meaning(consultation.id, query) if query else (None, None)
            # Only common words ("being on my own"): searched by meaning alone, with a note;
            # with keyword search alone nothing can be searched, so the field says why.
            common = too_common(query, by_meaning=similarity is not None)
            if common and similarity is None:
                add_error(form.q, common)
                note = None  # the error says it all: nothing was searched
            else:
                searched, note = True, common or note
                results = service.search_results(consultation.id, query, filters, similarity)
                if filters.source in set(SOURCE_NAMES) - service.sources(consultation.id):
                    note = (f"This consultation has no "
                            f"{SOURCE_NAMES[filters.source].lower()}, so nothing can match.")
    views = {v.segment.id: v for v in describe([h.segment for h in results.hits])}
    return render_template("themes/search.html", consultation=consultation, form=form,
                           results=results, hits=results.hits, views=views, searched=searched,
                           note=note, found=found_heading(results.hits))
