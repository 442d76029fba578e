"""Saved topic models are kept no longer than they are used (the retention rule).

Each run keeps its fitted BERTopic model in ``theme-models/run-N`` to place new segments in
its themes, and the model holds the words it read. Only the newest finished run's model is
ever loaded (``theme_join.joinable_run``), yet every run's folder stayed on disk (and in
every backup) for ever unless a withdrawal happened to touch it. Now: a run that finishes
takes the folders of the runs it supersedes; the ``flask retention purge`` job sweeps what
is left (folders of failed or deleted runs, runs superseded before this rule), and a closed
or submitted consultation's model once its run finished longer ago than the retention
period. The current run of a consultation still being worked on keeps its model, however
old, so new segments still join its themes.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from analysis.models import BY_JOINED, AnalysisRun, RunStatus, ThemeSegment
from analysis.services.embeddings import queue_embedding
from analysis.services.theme_join import join_new_segments, model_folder
from analysis.services.themes import start_run
from forum.extensions import db
from forum.models import Consultation, ConsultationStatus
from forum.models.base import utcnow
from tests.analysis.services.test_theme_join import HOUSING, _add


def _joins(consultation) -> bool:
    housing = _add(consultation, HOUSING, 1)
    queue_embedding(consultation.id)  # jobs run inline: embedding, then joining
    db.session.expire_all()
    link = db.session.scalar(select(ThemeSegment).where(ThemeSegment.segment_id == housing))
    return link is not None and link.placed_by == BY_JOINED


def _fake_folder(run_id: int) -> None:
    folder = model_folder(run_id)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "topics.json").write_text('{"words": ["Larkspur"]}', "utf-8")


def test_a_finished_run_takes_the_models_of_the_runs_it_supersedes(analysed, consultation):
    first = analysed.id
    assert model_folder(first).is_dir()
    second = start_run(consultation.id, None).id
    assert db.session.get(AnalysisRun, second).status == RunStatus.DONE
    assert not model_folder(first).exists()
    assert model_folder(second).is_dir()
    assert _joins(consultation)  # the current run still places new segments


def test_the_retention_job_sweeps_models_no_run_will_load(analysed, consultation, runner):
    failed = AnalysisRun(consultation_id=consultation.id, status=RunStatus.FAILED)
    running = AnalysisRun(consultation_id=consultation.id, status=RunStatus.RUNNING)
    db.session.add_all([failed, running])
    db.session.commit()
    for run_id in (failed.id, running.id, 99999):  # 99999: a run deleted since
        _fake_folder(run_id)
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert not model_folder(failed.id).exists()
    assert not model_folder(99999).exists()
    assert model_folder(running.id).is_dir()  # a run under way is saving its model now
    assert model_folder(analysed.id).is_dir()  # the current run's
    assert "saved model" in result.output, result.output


def test_only_the_newest_finished_run_keeps_its_model(analysed, consultation, runner):
    newer = AnalysisRun(consultation_id=consultation.id, status=RunStatus.DONE,
                        result=db.session.get(AnalysisRun, analysed.id).result,
                        finished_at=utcnow())
    db.session.add(newer)
    db.session.commit()
    _fake_folder(newer.id)
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert not model_folder(analysed.id).exists()  # superseded by the newer run
    assert model_folder(newer.id).is_dir()


def test_an_open_consultations_current_model_is_kept_however_old(analysed, consultation, runner):
    run = db.session.get(AnalysisRun, analysed.id)
    run.finished_at = utcnow() - timedelta(days=400)
    db.session.commit()
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert model_folder(analysed.id).is_dir()
    assert _joins(consultation)


def test_a_closed_consultations_model_goes_after_the_retention_period(
        analysed, consultation, runner):
    run = db.session.get(AnalysisRun, analysed.id)
    run.finished_at = utcnow() - timedelta(days=31)
    row = db.session.get(Consultation, consultation.id)
    row.status = ConsultationStatus.CLOSED
    db.session.commit()
    row.closed_at = utcnow() - timedelta(days=31)  # closed as long ago as the run
    db.session.commit()
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert not model_folder(analysed.id).exists()
    db.session.expire_all()
    assert "Run the analysis again" in (db.session.get(AnalysisRun, analysed.id).message or "")
    assert join_new_segments(consultation.id) == 0  # waits in "Not grouped", no error


def test_a_recently_closed_consultations_model_stays_within_the_period(
        analysed, consultation, runner):
    run = db.session.get(AnalysisRun, analysed.id)
    run.finished_at = utcnow() - timedelta(days=29)
    db.session.get(Consultation, consultation.id).status = ConsultationStatus.SUBMITTED
    db.session.commit()
    assert runner.invoke(args=["retention", "purge", "--days", "30"]).exit_code == 0
    assert model_folder(analysed.id).is_dir()


def test_a_failed_sweep_leaves_the_finished_run_done_with_its_model(
        analysed, consultation, monkeypatch):
    # The sweep ran inside the analysis, after its themes were applied and committed: a
    # folder that would not go (a permission, a busy database) failed the run that had just
    # finished, "The themes were not changed", and deleted its own model.
    from analysis.services import model_retention

    def stuck(_consultation_id):
        raise PermissionError("theme-models/run-1: permission denied")

    monkeypatch.setattr(model_retention, "forget_superseded", stuck)
    second = start_run(consultation.id, None).id
    db.session.expire_all()
    run = db.session.get(AnalysisRun, second)
    assert run.status == RunStatus.DONE, run.message
    assert model_folder(second).is_dir()


def test_a_consultation_closed_today_keeps_an_old_runs_model_for_the_period(
        analysed, consultation, runner):
    """The period counted from the run's finish, so closing a consultation whose analysis ran
    long ago lost its model at the next purge: it now counts from the later of the run's
    finish and the closing (``Consultation.closed_at``, set when the status leaves open or
    drafting, cleared when it returns)."""
    run = db.session.get(AnalysisRun, analysed.id)
    run.finished_at = utcnow() - timedelta(days=400)
    row = db.session.get(Consultation, consultation.id)
    assert row.closed_at is None
    row.status = ConsultationStatus.SUBMITTED
    db.session.commit()
    assert row.closed_at is not None
    assert runner.invoke(args=["retention", "purge", "--days", "30"]).exit_code == 0
    assert model_folder(analysed.id).is_dir()
    row.status = ConsultationStatus.CLOSED  # submitted, then closed: still counts from then
    db.session.commit()
    row.closed_at = utcnow() - timedelta(days=31)
    db.session.commit()
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert not model_folder(analysed.id).exists()


def test_reopening_clears_the_closing_time(app, consultation):
    row = db.session.get(Consultation, consultation.id)
    row.status = ConsultationStatus.CLOSED
    closed = row.closed_at
    assert closed is not None
    row.status = ConsultationStatus.SUBMITTED
    assert row.closed_at == closed  # still not open: the period runs from the first closing
    row.status = ConsultationStatus.DRAFTING
    assert row.closed_at is None
