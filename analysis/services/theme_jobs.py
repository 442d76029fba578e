"""Where theme re-clustering runs: the split preview is a background job, never a web request.

Re-clustering needs the embedding vectors, spaCy's words and scikit-learn: those live in the
worker. The split page queues a preview job and shows its progress; the proposal is kept
on the job (by the theme's fingerprint), so applying it writes rows and re-clusters nothing.
What a split does to the themes stays in ``theme_split``.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from analysis.models import Theme
from analysis.services import theme_edits as edits
from analysis.services import theme_split as splitting
from forum.extensions import db
from forum.jobs import JobFailure, Progress, enqueue
from forum.models import Job, JobStatus

SPLIT_PREVIEW = "themes.split_preview"
# Only recent previews are looked through: an older one is for a theme that has moved on.
RECENT = 200


def split_preview_job(job: Job, progress: Progress) -> None:
    """Job handler: propose the split of a theme and keep the proposal on the job."""
    theme = db.session.get(Theme, job.params.get("theme_id"))
    if theme is None:
        raise JobFailure("The theme was deleted or merged before the preview was ready")
    if splitting.fingerprint(theme) != job.params.get("fingerprint"):
        raise JobFailure("The theme changed while the preview was being made. "
                         "Open the split again.")
    progress("Grouping the theme's segments", 20)
    try:
        parts = splitting.split_preview(theme)
    except edits.EditError as error:
        raise JobFailure(str(error)) from error
    # A new dict, so the JSON column sees the change.
    job.params = {**job.params, "parts": [asdict(p) for p in parts]}


def split_job(theme: Theme, start: bool = True) -> Job | None:
    """The preview job for the theme as it is now; queued when there is none (and ``start``).

    A failed preview is queued again, so opening the page is also "try again".

    Args:
        theme: the theme to split.
        start: queue a job when none matches.

    Returns:
        The job (queued, running, done or failed), or None.
    """
    mark = splitting.fingerprint(theme)
    recent = db.session.scalars(select(Job).where(Job.kind == SPLIT_PREVIEW)
                                .order_by(Job.id.desc()).limit(RECENT))
    job = next((j for j in recent if (j.params or {}).get("theme_id") == theme.id
                and j.params.get("fingerprint") == mark), None)
    if job is not None and (job.status != JobStatus.FAILED or not start):
        return job
    if not start:
        return None
    job = enqueue(SPLIT_PREVIEW, {"theme_id": theme.id, "fingerprint": mark})
    db.session.refresh(job)  # a worker that answered at once has changed the row already
    return job


def preview_parts(job: Job) -> list[splitting.SplitPart]:
    """Args: a finished preview job. Returns: the proposed sub-themes, largest first."""
    return [splitting.SplitPart(**part) for part in (job.params or {}).get("parts", [])]


def job_status(job: Job | None) -> dict[str, Any]:
    """What the waiting page's script is told about a preview job."""
    if job is None:
        return {"status": "none", "stage": None, "percent": 0, "message": None}
    return {"status": job.status.value, "stage": job.stage, "percent": job.percent,
            "message": job.message}
