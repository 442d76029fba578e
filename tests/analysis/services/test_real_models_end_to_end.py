"""One slow run through the web services with the real MiniLM model and spaCy (marked slow)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from analysis.models import AnalysisRun, RunStatus, Theme
from analysis.services.embeddings import EMBEDDER_KEY, WORDS_KEY
from analysis.services.meaning import meaning_similarities
from analysis.services.search import Filters, search_segments
from analysis.services.themes import start_run
from forum.extensions import db
from tests.analysis.core.themes.forum_fixture import TOPICS

pytestmark = pytest.mark.slow


def test_real_models_analyse_rerun_and_search(app, consultation, forum_rows):
    from analysis.core.themes import MiniLMEmbedder, default_word_analyser

    app.extensions[EMBEDDER_KEY] = MiniLMEmbedder()
    app.extensions[WORDS_KEY] = default_word_analyser()
    run = db.session.get(AnalysisRun, start_run(consultation.id, None).id)
    assert run.status == RunStatus.DONE, run.message
    assert run.settings["embedder"] == "all-MiniLM-L6-v2" and run.settings["words"] != "simple"

    housing_texts = {text for _, _, text in TOPICS["housing"]}
    housing = db.session.scalar(select(Theme).where(Theme.code == "Housing and homelessness"))
    inside = {link.segment.text for link in housing.links}
    assert len(inside & housing_texts) >= 0.6 * len(housing_texts)
    assert all("_" not in t.label for t in db.session.scalars(select(Theme)))

    before = {t.id: [link.segment_id for link in t.links]
              for t in db.session.scalars(select(Theme))}
    start_run(consultation.id, None)
    db.session.expire_all()
    assert {t.id: [link.segment_id for link in t.links]
            for t in db.session.scalars(select(Theme))} == before

    query = "what did members say about breach?"
    hits = search_segments(consultation.id, query, Filters(),
                           meaning_similarities(consultation.id, query,
                                                app.extensions[EMBEDDER_KEY]))
    assert hits and "breach" in hits[0].segment.text.lower()
    assert any(h.reasons == ["meaning"] for h in hits[:15])
