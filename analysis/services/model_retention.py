"""Saved topic models are kept no longer than a run may load them (the retention rule).

Each run keeps its fitted BERTopic model (``saved_models.model_folder``), which holds the
words it read, so new segments can join its themes (``theme_join``). Only the newest
finished run of a consultation is ever loaded (``theme_join.joinable_run``), yet every run's
folder stayed on disk, and in every backup of the data folder, for ever unless a withdrawal
or a redaction happened to touch it. The rule, in one place (``_due``):

- a finished run superseded by a newer finished run of its consultation: its model goes at
  once when the newer run finishes (``forget_superseded``), and the job sweeps any left;
- a failed run, or a run deleted since (its folder's number names no run): it goes;
- a run under way (queued or running) keeps its folder: it is being saved now;
- the newest finished run of a consultation still being worked on (open or drafting) keeps
  its model however old, so ``transform`` goes on placing new segments;
- the newest finished run of a consultation submitted or closed is retired: its model goes
  once both the run finished and the consultation closed (``Consultation.closed_at``) longer
  ago than the retention period (``FORUM_RETENTION_DAYS``),
  applied by ``flask retention purge`` (``purge_models``, a retention hook). Its run says
  so on the themes page; running the analysis again saves a new one.
"""
from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import ngettext
from sqlalchemy import func, select

from analysis.models import AnalysisRun, RunStatus
from analysis.services.saved_models import forget_folder, model_folder, saved_run_ids
from forum.extensions import db
from forum.models import Consultation
from forum.models.consultations import STILL_OPEN

__all__ = ["MODEL_RETIRED", "forget_superseded", "purge_models"]

# Kept as the run's message and shown under it on the themes page.
MODEL_RETIRED = ("Segments added since this analysis ran wait in \u2018Not grouped\u2019. The "
                 "consultation is no longer open, so what this analysis kept to place new "
                 "segments was deleted after the retention period. Run the analysis again to "
                 "group them.")


def forget_superseded(consultation_id: int) -> int:
    """Delete the saved models of the consultation's runs no run will load again: older
    finished runs than its newest and failed ones. Called when a run finishes (committed).

    Args:
        consultation_id: the consultation whose run just finished.

    Returns:
        How many folders were deleted.
    """
    return len(_sweep(None, consultation_id))


def purge_models(days: int, cutoff: datetime) -> str | None:
    """Retention hook: delete every saved model ``_due`` says may go (the job commits).

    Args:
        days: the retention period in days, for the sentence.
        cutoff: a retired run's model goes when the run finished, and its consultation
            closed, before this.

    Returns:
        A sentence saying how many went, or None if none did.
    """
    gone = _sweep(cutoff, None)
    if not gone:
        return None
    return str(ngettext(
        "Deleted %(num)d saved model of an analysis no longer used (superseded by a newer "
        "analysis, failed, deleted, or of a consultation closed or submitted, and analysed, "
        "more than %(days)d days ago).",
        "Deleted %(num)d saved models of analyses no longer used (superseded by a newer "
        "analysis, failed, deleted, or of consultations closed or submitted, and analysed, "
        "more than %(days)d days ago).", len(gone), days=days))


def _sweep(cutoff: datetime | None, consultation_id: int | None) -> list[int]:
    """Delete the folders ``_due`` picks (one consultation's, or all); retired runs say so."""
    kept = saved_run_ids()
    if not kept:
        return []
    runs = {run.id: run for run in db.session.scalars(
        select(AnalysisRun).where(AnalysisRun.id.in_(kept)))}
    if consultation_id is not None:
        kept = {i for i in kept if i in runs and runs[i].consultation_id == consultation_id}
    newest = dict(db.session.execute(
        select(AnalysisRun.consultation_id, func.max(AnalysisRun.id))
        .where(AnalysisRun.status == RunStatus.DONE)
        .group_by(AnalysisRun.consultation_id)).tuples().all())
    gone = []
    for run_id in sorted(kept):
        run = runs.get(run_id)
        why = _due(run, newest, cutoff)
        if why is None:
            continue
        forget_folder(model_folder(run_id))
        if why == "retired" and run is not None:
            run.message = MODEL_RETIRED
        gone.append(run_id)
    if consultation_id is not None:
        db.session.commit()
    return gone


def _due(run: AnalysisRun | None, newest: dict[int, int], cutoff: datetime | None) -> str | None:
    """Why a run's saved model may go ("gone", "failed", "superseded", "retired"), or None.

    Args:
        run: the run the folder is named after, or None when no such run exists.
        newest: consultation id -> its newest finished run's id.
        cutoff: a retired run's model goes when it finished, and its consultation closed,
            before this (None: never).
    """
    if run is None:
        return "gone"
    if run.status == RunStatus.FAILED:
        return "failed"
    if run.status != RunStatus.DONE:
        return None  # queued or running: saving its model now
    if newest.get(run.consultation_id) != run.id:
        return "superseded"
    return "retired" if cutoff is not None and _retired(run, cutoff) else None


def _retired(run: AnalysisRun, cutoff: datetime) -> bool:
    """A consultation's current run, no longer open, whose run finished and whose consultation
    closed (or was submitted) before the cutoff: the period counts from the later of the two."""
    if run.finished_at is None or _aware(run.finished_at) > cutoff:
        return False
    consultation = db.session.get(Consultation, run.consultation_id)
    if consultation is None:
        return True
    if consultation.status in STILL_OPEN:
        return False
    # closed_at is None only for a row closed without the model's hook (none should be).
    closed = consultation.closed_at
    return closed is None or _aware(closed) <= cutoff


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes for timezone-aware columns.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
