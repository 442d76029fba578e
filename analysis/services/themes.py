"""Theme analysis runs: load a consultation's usable segments, run the pipeline, save themes.

The pipeline core (``analysis.themes``) sees only plain shapes; this layer turns rows into
those shapes, reports progress to the job, and hands the result to ``theme_store`` which
writes it in one transaction.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Optional

from sqlalchemy import select

from forum.extensions import db
from forum.jobs import JobFailure, enqueue
from forum.models import Question, Segment, User
from forum.models.base import utcnow
from forum.services.segments import usable_segments

from analysis.models import AnalysisRun, CodebookEntry, RunStatus

RUN_ANALYSIS = "analysis.run"
ACTIVE = (RunStatus.QUEUED, RunStatus.RUNNING)
WORKER_STOPPED_RUN = ("The background worker stopped while this analysis ran. The themes were "
                      "not changed. Retry it.")
# Demographic fields shown as groups: counted, never quoted, suppressed under 5.
GROUP_FIELDS = {"Age": "age_band", "Gender": "gender", "Ethnicity": "ethnicity_group"}
NO_SEGMENTS = ("There are no segments ready for analysis yet. Approve a transcript's "
               "redactions or redact survey answers first, then try again.")


class RunBusy(Exception):
    """An analysis of this consultation is already queued or running."""


def source_key(segment: Segment) -> str:
    """Where a segment came from, as counted in "in 3 of 4 sources".

    Each transcript and each document is a source; a consultation's survey answers are
    one source however many people answered (a response is a person, not a source).
    """
    kind = segment.source_type.value
    return kind if kind in ("survey", "csv_import") else f"{kind}:{segment.source_id}"


def segment_inputs(segments: list[Segment]):
    """Turn usable segment rows into the pipeline's ``SegmentInput`` shape.

    Args:
        segments: rows from ``usable_segments``.

    Returns:
        A list of ``SegmentInput`` with member groups and people's question links.
    """
    from analysis.themes import SegmentInput

    out = []
    for s in segments:
        member = s.member
        group = {key: getattr(member, field) for key, field in GROUP_FIELDS.items()
                 if member is not None and getattr(member, field)}
        out.append(SegmentInput(id=s.id, text=s.text, text_hash=s.text_hash,
                                member_id=s.member_id, source_key=source_key(s),
                                group=group, question_id=s.question_id))
    return out


def question_inputs(consultation_id: int):
    """Args: consultation_id. Returns: the questions as ``QuestionInput``, in order."""
    from analysis.themes import QuestionInput

    rows = db.session.scalars(select(Question).where(Question.consultation_id == consultation_id)
                              .order_by(Question.position))
    return [QuestionInput(id=q.id, text=q.text, number=q.label) for q in rows]


def consultation_codebook(consultation_id: int):
    """The consultation's codebook, seeded from the default codebook on first use.

    Args:
        consultation_id: the consultation.

    Returns:
        A ``Codebook`` built from its ``CodebookEntry`` rows (seeded ones committed).
    """
    from analysis.services.codebook import ensure_codebook
    from analysis.themes import Code, Codebook

    entries = ensure_codebook(consultation_id)
    return Codebook(tuple(Code(e.name, e.description or "", tuple(e.examples or ()),
                               tuple(e.search_terms or ())) for e in entries))


def active_run(consultation_id: int) -> Optional[AnalysisRun]:
    """Args: consultation_id. Returns: the queued or running run, if any."""
    return db.session.scalar(select(AnalysisRun).where(
        AnalysisRun.consultation_id == consultation_id, AnalysisRun.status.in_(ACTIVE))
        .order_by(AnalysisRun.id.desc()).limit(1))


def latest_run(consultation_id: int) -> Optional[AnalysisRun]:
    """Args: consultation_id. Returns: the most recent run, if any."""
    return db.session.scalar(select(AnalysisRun).where(AnalysisRun.consultation_id == consultation_id)
                             .order_by(AnalysisRun.id.desc()).limit(1))


def start_run(consultation_id: int, user: Optional[User]) -> AnalysisRun:
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
    run = db.session.get(AnalysisRun, run_id)
    run.job_id = job.id
    db.session.commit()
    return run


def retry_run(run: AnalysisRun, user: Optional[User]) -> AnalysisRun:
    """Start a fresh run after a failed one (the failed run keeps its reason)."""
    return start_run(run.consultation_id, user)


def run_analysis_job(job, progress) -> None:
    """Job handler: analyse one run's consultation and apply the themes in one transaction."""
    run_id = job.params["run_id"]
    run = db.session.get(AnalysisRun, run_id)
    if run is None:
        raise JobFailure("The analysis was deleted before it could start")
    run.status, run.job_id, run.message = RunStatus.RUNNING, job.id, None
    db.session.commit()
    try:
        analyse(run, progress)
    except Exception as error:
        db.session.rollback()
        run = db.session.get(AnalysisRun, run_id)
        run.status, run.finished_at = RunStatus.FAILED, utcnow()
        run.message = str(error) if isinstance(error, JobFailure) else (
            f"The analysis stopped with an unexpected error ({type(error).__name__}: {error}). "
            "The themes were not changed. You can try again; if it fails again, tell an admin.")
        db.session.commit()
        raise JobFailure(run.message) from error


def run_abandoned(job) -> None:
    """The worker died mid-analysis: fail the run so it can be retried (themes were untouched)."""
    run = db.session.get(AnalysisRun, (job.params or {}).get("run_id"))
    if run is not None and run.status in ACTIVE:
        run.status, run.finished_at = RunStatus.FAILED, utcnow()
        run.message = WORKER_STOPPED_RUN


def analyse(run: AnalysisRun, progress) -> None:
    """Run the pipeline for ``run`` and apply its themes (the one commit at the end)."""
    from analysis.services.embeddings import DbEmbeddingCache, current_embedder, current_words
    from analysis.services.theme_store import apply_result
    from analysis.themes import run_analysis

    rows = usable_segments(run.consultation_id)
    if not rows:
        raise JobFailure(NO_SEGMENTS)
    segments = segment_inputs(rows)
    codebook = consultation_codebook(run.consultation_id)
    questions = question_inputs(run.consultation_id)
    # A first run seeds the codebook: commit it now, so the write lock is free and progress shows.
    db.session.commit()
    # The pipeline's 0-100 becomes 0-90 here; saving takes the rest.
    result = run_analysis(segments, questions, codebook, current_embedder(), DbEmbeddingCache(),
                          progress=lambda stage, pct: progress(stage, pct * 9 // 10),
                          words=current_words())
    progress("Saving themes", 92)
    run.result = result_json(result)
    run.settings = asdict(result.settings)
    run.segment_count = len(segments)
    apply_result(run, result, segments)
    run.status, run.finished_at = RunStatus.DONE, utcnow()
    run.applied_at = run.finished_at
    db.session.commit()


def result_json(result) -> dict:
    """Args: an ``AnalysisResult``. Returns: it as JSON-safe data (ids as string keys)."""
    data = asdict(result)
    data["assignments"] = {str(k): v for k, v in result.assignments.items()}
    data["questions"] = {str(k): asdict(v) for k, v in result.questions.items()}
    return data
