"""Embedding spread over every worker: many texts become batch jobs, then one job goes on.

Embedding is most of a large analysis (about 30 segments/s on one process). Above
``EMBED_BATCH_SIZE`` texts without a vector, the texts are split into batch jobs that
any worker takes from the queue (with Redis, workers on any machine); each batch commits
its vectors to the embedding cache. The batches and the job that waits for them (the
analysis's clustering, say) are rows in the jobs table:

- Fan-in: a finished batch locks the waiting job's row, marks itself done and counts its
  siblings in the same transaction, so exactly one batch (the last) queues the waiting job.
- Progress: that count is the waiting job's stage and percent, across all workers.
- A worker killed mid-batch: the batch's heartbeat stops; when its lease runs out it is
  queued again (``on_abandoned`` returns True), up to ``MAX_ATTEMPTS``. Vectors committed
  by finished batches are kept; a repeated batch embeds only what is still missing.
- The result does not depend on how many workers ran: the batches are the same texts in
  the same order whoever runs them, and the waiting job reads every vector from the cache.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from analysis.models import AnalysisRun, RunStatus
from forum.extensions import db
from forum.jobs import JobFailure, Progress, fail_abandoned_jobs, queue_job, worker_identity
from forum.models import Job, JobStatus, Segment
from forum.models.base import utcnow

if TYPE_CHECKING:
    from analysis.core.themes.embed import Embedder

EMBED_BATCH = "segments.embed_batch"
MAX_ATTEMPTS = 3
STORE_TRIES = 3  # tries to store a batch while other jobs store overlapping vectors
# The waiting job's percent while batches run: the rest is for what it does after.
EMBEDDING_SHARE = 80


def batch_size() -> int:
    """Texts per batch job (``FORUM_EMBED_BATCH``): small enough to redo, big enough to be a job."""
    return int(current_app.config.get("EMBED_BATCH_SIZE", 256))


def missing_hashes(hashes: Sequence[str], model_name: str) -> list[str]:
    """Args: text hashes (in a stable order), model name. Returns: those with no stored vector.

    The hashes come back in the order given."""
    from analysis.models import SegmentEmbedding

    wanted = list(dict.fromkeys(hashes))
    have: set[str] = set()
    for start in range(0, len(wanted), 500):  # within SQLite's limit of bound values
        have.update(db.session.scalars(select(SegmentEmbedding.text_hash).where(
            SegmentEmbedding.model == model_name,
            SegmentEmbedding.text_hash.in_(wanted[start:start + 500]))))
    return [h for h in wanted if h not in have]


def fan_out(consultation_id: int, hashes: Sequence[str], model_name: str,
            then: tuple[str, dict[str, Any], Callable[[Job], None]] | None = None,
            ) -> bool:
    """Queue batch jobs for the texts that have no vector yet, if there are enough to split.

    Args:
        consultation_id: whose segments hold the texts.
        hashes: text hashes in a stable order (the order of the segments).
        model_name: the embedder's name.
        then: (kind, params, on_made) of a job to run once every batch is done; its stage and
            percent show the batches' progress. ``on_made(job)`` is called before the commit
            (to point an analysis run at it), and ``params`` gains the batch job ids.

    Returns:
        False (nothing queued, nothing committed) when the missing texts fit in one batch:
        the caller embeds them itself. True when batches were queued (committed).
    """
    missing, size = missing_hashes(hashes, model_name), batch_size()
    if len(missing) <= size:
        return False
    waiting = None
    if then is not None:
        kind, params, on_made = then
        waiting = Job(kind=kind, params=params, status=JobStatus.QUEUED)
        db.session.add(waiting)
        db.session.flush()
    chunks = [missing[start:start + size] for start in range(0, len(missing), size)]
    batches = [Job(kind=EMBED_BATCH, status=JobStatus.QUEUED,
                   params={"consultation_id": consultation_id, "model": model_name,
                           "hashes": chunk, "then": waiting.id if waiting else None})
               for chunk in chunks]
    db.session.add_all(batches)
    db.session.flush()
    if waiting is not None:
        waiting.params = {**params, "batches": [b.id for b in batches]}
        waiting.stage, waiting.percent = _stage(0, len(batches), len(missing)), 0
        on_made(waiting)
    db.session.commit()
    for batch in batches:  # after the commit, so a worker taking one finds it
        queue_job(batch.id)
    return True


def _stage(done: int, total: int, texts: int) -> str:
    return f"Embedding {texts:,} texts: {done} of {total} batches done"


def embed_segments_job(job: Job, progress: Progress) -> None:
    """Job handler: embed the consultation's new or changed segments, in batches when many."""
    from analysis.services.embeddings import current_embedder, embed_new_segments

    consultation_id, embedder = job.params["consultation_id"], current_embedder()
    hashes = db.session.scalars(select(Segment.text_hash).where(
        Segment.consultation_id == consultation_id).order_by(Segment.id)).all()
    if not fan_out(consultation_id, hashes, embedder.name):
        progress("Embedding new segments", 10)
        embed_new_segments(consultation_id, embedder)
        from analysis.services.theme_join import join_new_segments

        # New segments join the last run's themes by its saved model: no re-clustering.
        progress("Placing new segments in themes", 60)
        join_new_segments(consultation_id)
        db.session.commit()


def embed_batch_job(job: Job, progress: Progress) -> None:
    """Job handler: embed one batch's texts into the cache, then count it for the waiting job."""
    from analysis.services.embeddings import current_embedder

    embedder = current_embedder()
    if embedder.name != job.params["model"]:
        raise JobFailure("The embedding model changed while this analysis ran. Start it again.")
    progress(f"Embedding {len(job.params['hashes'])} texts on {worker_identity()}", 10)
    try:
        for attempt in range(STORE_TRIES):
            try:
                _embed(job.params["consultation_id"], job.params["hashes"], embedder)
                break
            except IntegrityError:  # another job stored some of these vectors a moment ago
                db.session.rollback()
                if attempt == STORE_TRIES - 1:
                    raise
    except Exception as error:
        db.session.rollback()
        _fail_waiting(job, str(error) if isinstance(error, JobFailure) else (
            f"Embedding stopped with an unexpected error ({type(error).__name__}: {error}). "
            "The themes were not changed. You can try again; vectors already made are kept."))
        db.session.commit()
        raise
    _count_done(job)
    fail_abandoned_jobs()  # a batch whose worker died is queued again without waiting a minute


def _embed(consultation_id: int, hashes: list[str], embedder: Embedder) -> None:
    from analysis.core.themes import SegmentInput, embed_segments
    from analysis.services.embeddings import DbEmbeddingCache

    todo = set(missing_hashes(hashes, embedder.name))
    rows = db.session.execute(select(Segment.id, Segment.text, Segment.text_hash).where(
        Segment.consultation_id == consultation_id, Segment.text_hash.in_(todo))).all()
    first: dict[str, tuple[int, str]] = {}
    for segment_id, text, digest in rows:  # one text per hash, whichever segment holds it
        first.setdefault(digest, (segment_id, text))
    # In the batch's own order, so the embedder sees the same batch whoever runs it.
    inputs = [SegmentInput(first[h][0], first[h][1], h) for h in hashes if h in first]
    if inputs:
        embed_segments(inputs, embedder, DbEmbeddingCache(  # only read so far
            at_once=True, segments=frozenset(s.text_hash for s in inputs)))


def _count_done(job: Job) -> None:
    """Mark this batch done and, under the waiting job's row lock, count the batches done."""
    then_id = job.params.get("then")
    done = {"status": JobStatus.DONE, "params": {**job.params, "done_by": worker_identity()}}
    if then_id is None:
        db.session.execute(update(Job).where(Job.id == job.id).values(**done))
        db.session.commit()
        return
    # Taking the waiting job's row first makes finishing batches count one after another.
    db.session.execute(update(Job).where(Job.id == then_id).values(heartbeat_at=utcnow()))
    db.session.execute(update(Job).where(Job.id == job.id).values(**done))
    then = db.session.get(Job, then_id)
    if then is None:  # the waiting job went (its consultation was deleted): nothing to count
        db.session.commit()
        return
    batches = (then.params or {}).get("batches", [])
    done = db.session.scalar(select(func.count(Job.id)).where(
        Job.id.in_(batches), Job.status == JobStatus.DONE))
    texts = sum(len(b.params["hashes"]) for b in db.session.scalars(
        select(Job).where(Job.id.in_(batches))))
    ready = done == len(batches) and then.status == JobStatus.QUEUED
    then.stage = _stage(done, len(batches), texts)
    then.percent = done * EMBEDDING_SHARE // max(1, len(batches))
    db.session.commit()
    if ready:
        queue_job(then_id)


def batch_abandoned(job: Job) -> bool:
    """A worker died mid-batch: queue the batch again (its texts are safe to embed twice).

    Returns:
        True to queue it again; after ``MAX_ATTEMPTS`` False, and the waiting job fails.
    """
    if job.attempts < MAX_ATTEMPTS:
        return True
    _fail_waiting(job, "A batch of the embedding failed three times as its worker stopped. "
                       "Start the analysis again; vectors already made are kept.")
    return False


def _fail_waiting(job: Job, message: str) -> None:
    """Fail the job waiting for this batch, and the analysis run it belongs to (not committed)."""
    then = db.session.get(Job, (job.params or {}).get("then") or 0)
    if then is None or then.status != JobStatus.QUEUED:
        return
    then.status, then.message, then.finished_at = JobStatus.FAILED, message, utcnow()
    run = db.session.get(AnalysisRun, (then.params or {}).get("run_id") or 0)
    if run is not None and run.status in (RunStatus.QUEUED, RunStatus.RUNNING):
        run.status, run.message, run.finished_at = RunStatus.FAILED, message, utcnow()
