"""The database embedding cache: segments embedded once, vectors dropped when a member is erased."""
from __future__ import annotations

import numpy as np
from flask import current_app
from sqlalchemy import func, select

from analysis.models import SegmentEmbedding
from analysis.services.embeddings import (
    EMBEDDER_KEY,
    DbEmbeddingCache,
    embed_new_segments,
    queue_embedding,
)
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services import privacy
from forum.services.segments import text_hash


def stored(model="fake-concepts"):
    return db.session.scalar(
        select(func.count(SegmentEmbedding.id)).where(SegmentEmbedding.model == model))


def test_cache_round_trips_float32_vectors(app):
    cache = DbEmbeddingCache()
    vector = np.array([0.25, -1.5, 3.0], dtype=np.float32)
    cache.put_many({"a" * 64: vector}, "m")
    cache.put_many({"a" * 64: vector}, "m")  # stored once
    db.session.commit()
    found = cache.get_many(["a" * 64, "b" * 64], "m")
    assert list(found) == ["a" * 64]
    assert found["a" * 64].dtype == np.float32 and np.array_equal(found["a" * 64], vector)
    assert cache.get_many(["a" * 64], "other") == {}
    assert db.session.scalar(select(func.count(SegmentEmbedding.id))) == 1


def test_new_segments_are_embedded_once_and_reruns_embed_nothing(consultation, forum_rows):
    embedder = current_app.extensions[EMBEDDER_KEY]
    distinct = len({s.text_hash for s in forum_rows})
    # forum_rows were added directly, so nothing queued them: embed now, then again.
    assert embed_new_segments(consultation.id, embedder) == distinct
    calls = len(embedder.calls)
    assert embed_new_segments(consultation.id, embedder) == 0
    assert len(embedder.calls) == calls
    assert stored() == distinct

    from analysis.services.themes import start_run

    start_run(consultation.id, None)
    segment_texts = {s.text for s in forum_rows}
    assert not segment_texts & set(embedder.calls[calls:]), "a re-analysis embedded them again"


def test_queue_embedding_runs_the_job(consultation, forum_rows):
    queue_embedding(consultation.id)
    assert stored() == len({s.text_hash for s in forum_rows})


def test_erasing_a_member_deletes_embeddings_no_segment_holds(consultation, forum_rows):
    member = db.session.get(Member, forum_rows[0].member_id)
    shared = "Same words said by two people."
    other = next(s.member_id for s in forum_rows if s.member_id != member.id)
    for who in (member.id, other):
        db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY,
                               source_id=1, member_id=who, text=shared,
                               text_hash=text_hash(shared)))
    db.session.commit()
    embed_new_segments(consultation.id, current_app.extensions[EMBEDDER_KEY])
    theirs = {s.text_hash for s in forum_rows if s.member_id == member.id} - {text_hash(shared)}
    assert theirs and stored() == len({s.text_hash for s in forum_rows}) + 1

    hooks = current_app.extensions.get(privacy.ERASE_HOOKS_KEY, [])
    privacy.erase_member(member, None, hooks=hooks)
    left = set(db.session.scalars(select(SegmentEmbedding.text_hash)))
    assert not theirs & left
    assert text_hash(shared) in left  # another member still said it
    assert left == set(db.session.scalars(select(Segment.text_hash)))


def test_two_workers_storing_the_same_new_vector_do_not_fail(app):
    # Another worker commits the vector between this one's look-up and its insert.
    cache = DbEmbeddingCache()
    vector = np.array([1.0, 2.0], dtype=np.float32)
    with db.engine.begin() as other:
        other.execute(SegmentEmbedding.__table__.insert().values(
            text_hash="c" * 64, model="m", dimensions=2, vector=vector.tobytes()))
    real_get = cache.get_many
    cache.get_many = lambda hashes, model: {}  # it looked before the other worker stored it
    cache.put_many({"c" * 64: vector, "d" * 64: vector}, "m")
    db.session.commit()
    cache.get_many = real_get
    assert set(cache.get_many(["c" * 64, "d" * 64], "m")) == {"c" * 64, "d" * 64}
    assert stored("m") == 2


def test_worker_threads_asking_at_once_load_the_model_once(app, monkeypatch):
    import functools
    import threading
    import time

    from analysis.core.themes import embed as embed_module
    from analysis.services.embeddings import current_embedder

    loads = []

    class SlowModel:
        def encode(self, texts, **kwargs):
            return np.ones((len(texts), 3), dtype=np.float32)

    def load(threads):
        loads.append(threads)
        time.sleep(0.2)
        return SlowModel()

    # Cached like the real loader: only a first call that nobody else is making loads.
    monkeypatch.setattr(embed_module, "_load_minilm", functools.lru_cache(maxsize=1)(load))
    app.extensions.pop(EMBEDDER_KEY)

    def ask():
        with app.app_context():
            current_embedder().encode(["hello"])

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1


def test_a_vector_is_stored_for_everyone_as_soon_as_it_is_made(app):
    # Flushed in the job's own session, a vector kept SQLite's one write lock until the job
    # ended: an analysis that embedded texts held it for the whole run, and a second job's
    # progress (or a person saving a page) waited 15 s and failed "database is locked".
    cache = DbEmbeddingCache(at_once=True)
    cache.put_many({"e" * 64: np.ones(3, dtype=np.float32)}, "m")
    with db.engine.connect() as other:
        assert other.scalar(select(func.count(SegmentEmbedding.id))) == 1
