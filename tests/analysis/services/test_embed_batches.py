"""Embedding in batch jobs: spread over workers, counted across them, a dead worker's redone."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask import current_app
from sqlalchemy import delete, func, select

from analysis.models import AnalysisRun, RunStatus, SegmentEmbedding, Theme
from analysis.services import embed_batches
from analysis.services.embeddings import EMBEDDER_KEY, queue_embedding
from analysis.services.themes import start_run
from forum.extensions import db
from forum.jobs import fail_abandoned_jobs, run_job, worker_identity
from forum.models import Job, JobStatus
from forum.models.base import utcnow


def themes_of(run_id: int) -> tuple:
    run = db.session.get(AnalysisRun, run_id)
    return run.result["assignments"], [(t["label"], t["keywords"]) for t in run.result["themes"]]


@pytest.fixture
def held_queue(monkeypatch):
    """Batches and the waiting job are collected instead of run, to run them one at a time."""
    queued = []
    monkeypatch.setattr(embed_batches, "queue_job", queued.append)
    return queued


def distinct(rows) -> int:
    return len({r.text_hash for r in rows})


def test_a_batched_run_gives_the_same_themes_as_one_job(app, consultation, forum_rows):
    app.config["EMBED_BATCH_SIZE"] = 10_000
    whole = start_run(consultation.id, None).id
    assert db.session.scalar(
        select(func.count(Job.id)).where(Job.kind == embed_batches.EMBED_BATCH)) == 0
    expected = themes_of(whole)
    db.session.execute(delete(SegmentEmbedding))
    db.session.commit()
    app.config["EMBED_BATCH_SIZE"] = 7
    batched = start_run(consultation.id, None).id
    run = db.session.get(AnalysisRun, batched)
    assert run.status == RunStatus.DONE, run.message
    batches = db.session.scalars(select(Job).where(Job.kind == embed_batches.EMBED_BATCH)
                                 .order_by(Job.id)).all()
    assert len(batches) == -(-distinct(forum_rows) // 7) and all(b.status == JobStatus.DONE
                                                                 for b in batches)
    assert run.job.params["batches"] == [b.id for b in batches] and run.job.percent == 100
    assert {b.params["done_by"] for b in batches} == {worker_identity()}
    assert themes_of(batched) == expected


def test_progress_counts_batches_from_every_worker_and_the_last_queues_clustering(
        app, consultation, forum_rows, held_queue):
    app.config["EMBED_BATCH_SIZE"] = 10
    run_id = start_run(consultation.id, None).id
    run = db.session.get(AnalysisRun, run_id)
    waiting = run.job
    assert run.status == RunStatus.RUNNING and waiting.status == JobStatus.QUEUED
    batches, texts = list(held_queue), distinct(forum_rows)
    n = -(-texts // 10)
    assert batches == waiting.params["batches"] and len(batches) == n > 2
    assert waiting.stage == f"Embedding {texts} texts: 0 of {n} batches done"
    for done, batch_id in enumerate(batches, start=1):
        run_job(batch_id)
        db.session.expire_all()
        waiting = db.session.get(Job, waiting.id)
        assert waiting.stage == f"Embedding {texts} texts: {done} of {n} batches done"
        assert waiting.percent == done * 80 // n
    assert held_queue == batches + [waiting.id], "only the last batch queues the clustering, once"
    run_job(waiting.id)
    db.session.expire_all()
    assert db.session.get(AnalysisRun, run_id).status == RunStatus.DONE


def test_a_worker_killed_mid_batch_loses_only_that_batch(app, consultation, forum_rows, held_queue):
    app.config["EMBED_BATCH_SIZE"] = 10
    embedder = current_app.extensions[EMBEDDER_KEY]
    run_id = start_run(consultation.id, None).id
    first, killed, *rest = list(held_queue)
    run_job(first)
    # A worker took the second batch, embedded some of it, and died before committing.
    long_ago = utcnow() - timedelta(minutes=10)
    db.session.get(Job, killed).status = JobStatus.RUNNING
    db.session.get(Job, killed).attempts, db.session.get(Job, killed).heartbeat_at = 1, long_ago
    db.session.commit()
    assert fail_abandoned_jobs(lease=300) == [killed]   # queued again, and run (inline in tests)
    db.session.expire_all()
    assert db.session.get(Job, killed).status == JobStatus.DONE
    assert db.session.get(Job, killed).attempts == 2
    for batch_id in rest:
        run_job(batch_id)
    run_job(held_queue[-1])   # the clustering, queued by the last batch
    db.session.expire_all()
    assert db.session.get(AnalysisRun, run_id).status == RunStatus.DONE
    # Every segment's text embedded once: the first batch's committed vectors were not made
    # again (the codebook and questions are embedded too, without the cache).
    texts = {s.text for s in forum_rows}
    assert sum(1 for text in embedder.calls if text in texts) == distinct(forum_rows)


def test_a_batch_whose_workers_keep_dying_fails_the_run_with_a_reason(app, consultation, forum_rows,
                                                                      held_queue):
    app.config["EMBED_BATCH_SIZE"] = 10
    run_id = start_run(consultation.id, None).id
    batch = db.session.get(Job, held_queue[0])
    batch.status, batch.attempts = JobStatus.RUNNING, embed_batches.MAX_ATTEMPTS
    batch.heartbeat_at = utcnow() - timedelta(minutes=10)
    db.session.commit()
    fail_abandoned_jobs(lease=300)
    db.session.expire_all()
    run = db.session.get(AnalysisRun, run_id)
    assert run.status == RunStatus.FAILED and "three times" in run.message
    assert db.session.get(Job, held_queue[0]).status == JobStatus.FAILED


def test_a_batch_that_raises_fails_the_run_and_keeps_the_old_themes(app, consultation, forum_rows,
                                                                    held_queue, monkeypatch):
    app.config["EMBED_BATCH_SIZE"] = 10
    run_id = start_run(consultation.id, None).id
    monkeypatch.setattr(embed_batches, "_embed",
                        lambda *a: (_ for _ in ()).throw(MemoryError("full")))
    run_job(held_queue[1])
    db.session.expire_all()
    run = db.session.get(AnalysisRun, run_id)
    assert run.status == RunStatus.FAILED and "MemoryError" in run.message
    assert run.job.status == JobStatus.FAILED
    assert db.session.scalar(select(func.count(Theme.id))) == 0


def test_new_segments_are_embedded_in_batches_when_there_are_many(app, consultation, forum_rows):
    app.config["EMBED_BATCH_SIZE"] = 10
    embedder = current_app.extensions[EMBEDDER_KEY]
    queue_embedding(consultation.id)   # the job, and its batch jobs, run inline in tests
    assert db.session.scalar(select(func.count(Job.id)).where(
        Job.kind == embed_batches.EMBED_BATCH, Job.status == JobStatus.DONE)) == -(
            -distinct(forum_rows) // 10)
    assert db.session.scalar(select(func.count(SegmentEmbedding.id))) == distinct(forum_rows)
    assert len(embedder.calls) == distinct(forum_rows)


def test_flask_analysis_run_queues_a_run_and_waits_for_its_themes(app, consultation, forum_rows):
    app.config["EMBED_BATCH_SIZE"] = 30
    result = app.test_cli_runner().invoke(args=["analysis", "run", str(consultation.id), "--wait"])
    assert result.exit_code == 0, result.output
    run = db.session.scalar(select(AnalysisRun).order_by(AnalysisRun.id.desc()))
    assert f"Queued analysis run {run.id}" in result.output
    done = f"Done: {len(run.result['themes'])} themes from {len(forum_rows)} segments"
    assert done in result.output
    missing = app.test_cli_runner().invoke(args=["analysis", "run", "999"])
    assert missing.exit_code != 0 and "There is no consultation 999" in missing.output
