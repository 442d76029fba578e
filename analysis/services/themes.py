"""Theme analysis runs: load a consultation's usable segments, run the pipeline, save themes.

The pipeline core (``analysis.core.themes``) sees only plain shapes; this layer turns rows into
those shapes, reports progress to the job, and hands the result to ``theme_store`` which
writes it in one transaction.
"""
from __future__ import annotations

import logging
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from analysis.models import AnalysisRun, RunStatus
from analysis.services.inputs import question_inputs, segment_inputs
from forum.extensions import db
from forum.jobs import JobFailure, Progress, enqueue
from forum.models import Job, Segment, User
from forum.models.base import utcnow
from forum.services.segments import usable_segments

if TYPE_CHECKING:
    from collections.abc import Sequence

    from analysis.core.themes.schema import AnalysisResult, Codebook, SegmentInput

RUN_ANALYSIS = "analysis.run"
ACTIVE = (RunStatus.QUEUED, RunStatus.RUNNING)
WORKER_STOPPED_RUN = ("The background worker stopped while this analysis ran. The themes were "
                      "not changed. Retry it.")
NO_SEGMENTS = ("There are no usable segments yet. Approve a transcript's "
               "redactions or redact survey answers first, then try again.")
CHANGED_MEANWHILE = ("Some of the text changed while the analysis ran (words were taken out of a "
                     "transcript, or it was approved again), so its themes were not saved: "
                     "they were found in text that is no longer there. The themes were not "
                     "changed. Run the analysis again.")


class RunBusy(Exception):
    """An analysis of this consultation is already queued or running."""


def consultation_codebook(consultation_id: int) -> Codebook:
    """The consultation's codebook, seeded from the default codebook on first use.

    Args:
        consultation_id: the consultation.

    Returns:
        A ``Codebook`` built from its ``CodebookEntry`` rows (seeded ones committed).
    """
    from analysis.core.themes import Code, Codebook
    from analysis.services.codebook import ensure_codebook

    entries = ensure_codebook(consultation_id)
    return Codebook(tuple(Code(e.name, e.description or "", tuple(e.examples or ()),
                               tuple(e.search_terms or ())) for e in entries))


def active_run(consultation_id: int) -> AnalysisRun | None:
    """Args: consultation_id. Returns: the queued or running run, if any."""
    return db.session.scalar(select(AnalysisRun).where(
        AnalysisRun.consultation_id == consultation_id, AnalysisRun.status.in_(ACTIVE))
        .order_by(AnalysisRun.id.desc()).limit(1))


def latest_run(consultation_id: int) -> AnalysisRun | None:
    """Args: consultation_id. Returns: the most recent run, if any."""
    return db.session.scalar(
        select(AnalysisRun).where(AnalysisRun.consultation_id == consultation_id)
                             .order_by(AnalysisRun.id.desc()).limit(1))


def start_run(consultation_id: int, user: User | None) -> AnalysisRun:
    """Queue an analysis of the consultation (one at a time per consultation).

    Args:
        consultation_id: the consultation.
        user: who asked (None for the demo loader).

    Returns:
        The new run (already finished when jobs run inline, as in tests).

    Raises:
        RunBusy: when a run is already queued or running.
    """
    if active_run(consultation_id) is not None:
        raise RunBusy("An analysis of this consultation is already running")
    run = AnalysisRun(consultation_id=consultation_id, status=RunStatus.QUEUED,
                      started_by_id=user.id if user else None)
    db.session.add(run)
    db.session.commit()
    run_id = run.id
    job = enqueue(RUN_ANALYSIS, {"run_id": run_id})
    # Only if no worker has set it yet: one may already point the run at its embedding batches.
    db.session.execute(
        update(AnalysisRun).where(AnalysisRun.id == run_id, AnalysisRun.job_id.is_(None))
                       .values(job_id=job.id))
    db.session.commit()
    fresh = db.session.get(AnalysisRun, run_id)
    assert fresh is not None  # made above in this request
    return fresh


def retry_run(run: AnalysisRun, user: User | None) -> AnalysisRun:
    """Start a fresh run after a failed one (the failed run keeps its reason)."""
    return start_run(run.consultation_id, user)


def run_analysis_job(job: Job, progress: Progress) -> None:
    """Job handler: analyse one run's consultation and apply the themes in one transaction."""
    run_id = job.params["run_id"]
    run = db.session.get(AnalysisRun, run_id)
    if run is None:
        raise JobFailure("The analysis was deleted before it could start")
    run.status, run.job_id, run.message = RunStatus.RUNNING, job.id, None
    consultation_id = run.consultation_id
    db.session.commit()
    try:
        analyse(run, progress, job)
    except Exception as error:
        db.session.rollback()
        from analysis.services.saved_models import forget_folder
        from analysis.services.theme_join import model_folder

        # Saved before the failure (segments changed meanwhile, say): nothing will use it.
        forget_folder(model_folder(run_id))
        failed = db.session.get(AnalysisRun, run_id)
        message = str(error) if isinstance(error, JobFailure) else (
            f"The analysis stopped with an unexpected error ({type(error).__name__}: {error}). "
            "The themes were not changed. You can try again; if it fails again, tell an admin.")
        if failed is not None:  # not deleted with its consultation meanwhile
            failed.status, failed.finished_at, failed.message = RunStatus.FAILED, utcnow(), message
            db.session.commit()
        raise JobFailure(message) from error
    _forget_superseded(consultation_id)


def _forget_superseded(consultation_id: int) -> None:
    """Only the newest finished run's model is ever loaded: the ones it supersedes go now.

    Outside ``analyse`` and never failing the run: its themes are applied and committed, and
    a folder that will not go (a permission, a busy database) failed it, "the themes were not
    changed", and deleted its own model. The retention job sweeps what is left.
    """
    from analysis.services.model_retention import forget_superseded

    try:
        forget_superseded(consultation_id)
    except Exception:  # noqa: BLE001 - best effort, said in the log
        db.session.rollback()
        logging.getLogger(__name__).exception("Saved models of superseded runs not deleted")


def run_abandoned(job: Job) -> None:
    """The worker died mid-analysis: fail the run so it can be retried (themes were untouched)."""
    run = db.session.get(AnalysisRun, (job.params or {}).get("run_id"))
    if run is not None and run.status in ACTIVE:
        run.status, run.finished_at = RunStatus.FAILED, utcnow()
        run.message = WORKER_STOPPED_RUN


def analyse(run: AnalysisRun, progress: Progress, job: Job | None = None) -> None:
    """Run the pipeline for ``run`` and apply its themes (the one commit at the end).

    Many texts without vectors (see ``embed_batches``): batch jobs embed them on every
    worker, and the last one queues this job again to cluster (``batches`` in its params).
    """
    from analysis.core.themes import TextModels, run_analysis
    from analysis.services.embed_batches import EMBEDDING_SHARE, fan_out
    from analysis.services.embeddings import DbEmbeddingCache, current_embedder, current_words
    from analysis.services.theme_join import model_folder
    from analysis.services.theme_store import apply_result

    rows = usable_segments(run.consultation_id)
    if not rows:
        raise JobFailure(NO_SEGMENTS)
    segments = segment_inputs(rows)
    codebook = consultation_codebook(run.consultation_id)
    questions = question_inputs(run.consultation_id)
    # A first run seeds the codebook: commit it now, so the write lock is free and progress shows.
    db.session.commit()
    embedder, batched = current_embedder(), "batches" in ((job and job.params) or {})
    if job is not None and not batched and fan_out(
            run.consultation_id, [s.text_hash for s in segments], embedder.name,
            then=(RUN_ANALYSIS, {"run_id": run.id},
                  lambda waiting: setattr(run, "job_id", waiting.id))):
        return
    # The pipeline's 0-100 becomes 0-90 here (80-90 after batches embedded); saving takes the rest.
    low = EMBEDDING_SHARE if batched else 0
    # Committed above, and nothing is written until the themes are saved.
    models = TextModels(embedder=embedder, words=current_words(), cache=DbEmbeddingCache(
        at_once=True, segments=frozenset(s.text_hash for s in segments)))
    result = run_analysis(segments, models=models, questions=questions, codebook=codebook,
                          progress=lambda stage,
                          pct: progress(stage, low + pct * (90 - low) // 100),
                          model_dir=model_folder(run.id))
    progress("Saving themes", 92)
    if changed_meanwhile(run.consultation_id, segments):
        raise JobFailure(CHANGED_MEANWHILE)
    run.result = result_json(result)
    run.settings = asdict(result.settings)
    run.segment_count = len(segments)
    apply_result(run, result, segments)
    from analysis.services.question_map import refresh_mapping

    progress("Matching segments to questions", 96)
    refresh_mapping(run.consultation_id, run.id)
    run.status, run.finished_at = RunStatus.DONE, utcnow()
    run.applied_at = run.finished_at
    db.session.commit()


def changed_meanwhile(consultation_id: int, segments: Sequence[SegmentInput]) -> bool:
    """Whether segments a run read at its start were deleted or given new text since.

    The run's themes (labels, keywords, quotes) come from those texts, which may hold words a
    person has since redacted; saving them would also link themes to deleted segments.

    Args:
        consultation_id: the run's consultation.
        segments: the ``SegmentInput`` rows the run analysed.

    Returns:
        True when any of them is gone or changed.
    """
    now = dict(db.session.execute(select(Segment.id, Segment.text_hash).where(
        Segment.consultation_id == consultation_id)).tuples().all())
    return any(now.get(segment.id) != segment.text_hash for segment in segments)


def result_json(result: AnalysisResult) -> dict[str, Any]:
    """Args: an ``AnalysisResult``. Returns: it as JSON-safe data (ids as string keys)."""
    data = asdict(result)
    data["assignments"] = {str(k): v for k, v in result.assignments.items()}
    data["questions"] = {str(k): asdict(v) for k, v in result.questions.items()}
    return data
