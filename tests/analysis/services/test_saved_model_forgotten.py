"""A run's saved BERTopic model holds the words it was fitted on; it goes when they leave.

The saved model (``model_folder``) keeps its topics' words, the c-TF-IDF vocabulary and
representative texts of the segments the run read. Words redacted after approval, a member's
consent withdrawn or an erasure took the words out of the segments, themes and stored names,
but left them in the folder on disk (and in every backup of the data folder). New segments
then wait in "Not grouped" until the analysis runs again, and the themes page says why.
"""
from __future__ import annotations

import re
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from analysis.models import AnalysisRun, ThemeSegment
from analysis.services.embeddings import queue_embedding
from analysis.services.segment_resets import withdraw
from analysis.services.theme_join import join_new_segments, model_folder
from analysis.services.themes import start_run
from forum.access import Role
from forum.extensions import db
from forum.models import Member, Segment
from forum.services import members, privacy
from tests.analysis.services.test_theme_join import HOUSING, _add


def _files_text(folder: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace").lower()
                     for p in folder.rglob("*") if p.is_file())


def _held_word(run: AnalysisRun, segment: Segment) -> str:
    """A word of the segment that the saved model holds (seen in its files)."""
    held = _files_text(model_folder(run.id))
    words = [w for w in re.findall(r"[a-z]{5,}", segment.text.lower()) if w in held]
    assert words, f"the saved model holds none of {segment.text!r}"
    return words[0]


def _models_root() -> Path:
    return Path(current_app.config["DATA_DIR"]) / "theme-models"


def _in_run(run: AnalysisRun) -> Segment:
    ids = sorted(int(k) for k in run.result["assignments"])
    return db.session.get(Segment, ids[0])


def test_a_segment_withdrawn_after_approval_takes_the_saved_model_with_it(analysed):
    run = db.session.get(AnalysisRun, analysed.id)
    segment = _in_run(run)
    word = _held_word(run, segment)  # the saved model does hold the words it was fitted on
    lines = withdraw([segment])
    db.session.commit()
    assert not model_folder(run.id).exists()
    assert word not in _files_text(_models_root())
    assert any("saved" in line and "Run the analysis again" in line for line in lines), lines
    assert "Run the analysis again" in (db.session.get(AnalysisRun, run.id).message or "")


def test_new_segments_wait_and_the_themes_page_says_why_until_a_new_run(
        analysed, consultation, auth):
    run = db.session.get(AnalysisRun, analysed.id)
    withdraw([_in_run(run)])
    db.session.commit()
    housing = _add(consultation, HOUSING, 1)
    queue_embedding(consultation.id)  # embedding, then joining: nothing to join with, no error
    assert join_new_segments(consultation.id) == 0
    assert db.session.scalar(select(ThemeSegment).where(ThemeSegment.segment_id == housing)) is None
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert "Run the analysis again to group them" in page
    fresh = start_run(consultation.id, None)
    assert model_folder(fresh.id).is_dir()
    page = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert "Run the analysis again to group them" not in page


def test_a_members_withdrawn_consent_takes_the_saved_model_with_it(analysed):
    run = db.session.get(AnalysisRun, analysed.id)
    segment = _in_run(run)
    word = _held_word(run, segment)
    members.withdraw_consent(db.session.get(Member, segment.member_id), None)
    assert not model_folder(run.id).exists()
    assert word not in _files_text(_models_root())


def test_an_erased_members_words_leave_the_saved_model(analysed):
    run = db.session.get(AnalysisRun, analysed.id)
    segment = _in_run(run)
    member = db.session.get(Member, segment.member_id)
    privacy.erase_member(member, None, hooks=current_app.extensions[privacy.ERASE_HOOKS_KEY])
    assert not model_folder(run.id).exists()


def test_a_run_whose_segments_all_stay_keeps_its_model(analysed, consultation):
    run = db.session.get(AnalysisRun, analysed.id)
    outside = _add(consultation, HOUSING, 1)  # never in the run
    withdraw([db.session.get(Segment, outside)])
    db.session.commit()
    assert model_folder(run.id).is_dir()


def test_a_model_whose_files_say_the_redacted_words_goes_and_others_stay(analysed, consultation):
    """Its labels and zero-shot texts come from theme names and the codebook, not only from
    the segments it read: a model saying the words goes whichever segments changed."""
    from analysis.services.saved_models import forget_models_saying
    from analysis.services.theme_words import word_patterns

    run = db.session.get(AnalysisRun, analysed.id)
    assert forget_models_saying(consultation.id, word_patterns([("Zyxwvut", "place")])) == []
    assert model_folder(run.id).is_dir()
    word = _held_word(run, _in_run(run))
    lines = forget_models_saying(consultation.id, word_patterns([(word.title(), "place")]))
    assert lines and not model_folder(run.id).exists()
