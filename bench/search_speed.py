"""Search by meaning over 2,000 / 10,000 / 50,000 stored vectors: brute force, p95 per query.

    PYTHONPATH=. python bench/search_speed.py [--sizes 2000 10000 50000] [--queries 200]
        [--database]

Part 1 (always): what the worker does per query once its vectors are loaded: one matrix
product over float32 unit vectors (``VectorStore.similarities``), the threshold and the
best 50. Vectors are synthetic (384 dimensions like MiniLM, random directions around 40
topics, so some are close to each query); the query's embedding (about 10 ms for MiniLM on
one core) is not included. Part 2 (``--database``): the whole search a page waits for,
``meaning_similarities`` in the worker (with a fake embedder) and ``search_segments`` on the
web side, on a SQLite database holding that many segments.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.core.vector_search import VectorStore  # noqa: E402

DIMENSIONS = 384
LIMIT = 50


def synthetic(n: int, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """n vectors around 40 topic directions, and a made-up text hash for each."""
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(40, DIMENSIONS))
    vectors = topics[rng.integers(0, 40, n)] + rng.normal(scale=1.2, size=(n, DIMENSIONS))
    hashes = [hashlib.sha256(f"{seed}:{i}".encode()).hexdigest() for i in range(n)]
    return hashes, vectors.astype(np.float32)


def p95(times: list[float]) -> float:
    return float(np.percentile(times, 95))


def bench_store(n: int, queries: int) -> tuple[float, float, float]:
    hashes, vectors = synthetic(n)
    store = VectorStore()
    start = time.perf_counter()
    store.add(dict(zip(hashes, vectors, strict=True)))
    load = time.perf_counter() - start
    rng = np.random.default_rng(1)
    times = []
    for q in rng.normal(size=(queries, DIMENSIONS)).astype(np.float32) + vectors[:queries]:
        start = time.perf_counter()
        scores = store.similarities(q, hashes)
        keep = np.flatnonzero(scores >= 0.3)
        best = keep[np.argsort(-scores[keep])[:LIMIT]]
        times.append(time.perf_counter() - start)
        assert len(best) <= LIMIT
    return load, statistics.median(times) * 1000, p95(times) * 1000


def bench_database(n: int, queries: int) -> tuple[float, float]:
    """p95 (ms) of the worker's part and of the web's part, on a fresh SQLite database."""
    os.environ.setdefault("HUEY_IMMEDIATE", "1")
    folder = Path(tempfile.mkdtemp(prefix="search-speed-"))
    os.environ["FORUM_DATA_DIR"] = str(folder)
    from analysis.models import SegmentEmbedding
    from analysis.services.meaning import meaning_similarities
    from analysis.services.search import Filters, search_segments
    from app import create_app
    from forum.extensions import db
    from forum.models import Consultation, Segment, SegmentSource

    hashes, vectors = synthetic(n)

    class Embedder:
        name = "synthetic"

        def encode(self, texts):
            return np.random.default_rng(len(texts[0])).normal(
                size=(len(texts), DIMENSIONS)) + vectors[0]

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}", "TESTING": True,
                      "SECRET_KEY": "bench-secret-key-that-is-long-enough-0000"})
    with app.app_context():
        db.create_all()
        consultation = Consultation(title="Bench", consulting_body="Bench")
        db.session.add(consultation)
        db.session.flush()
        words = ["housing", "prison", "probation", "breach", "licence", "hostel", "recovery",
                 "police", "family", "work"]
        db.session.execute(Segment.__table__.insert(), [
            {"consultation_id": consultation.id, "source_type": SegmentSource.DOCUMENT.value,
             "source_id": 1, "position": i,
             "text": f"Passage {i} about {words[i % 10]} and {words[i % 7]}.",
             "text_hash": h, "held": False, "needs_review": False} for i, h in enumerate(hashes)])
        db.session.execute(SegmentEmbedding.__table__.insert(), [
            {"text_hash": h, "model": "synthetic", "dimensions": DIMENSIONS, "vector": v.tobytes()}
            for h, v in zip(hashes, vectors, strict=True)])
        db.session.commit()
        embedder = Embedder()
        meaning_similarities(consultation.id, "warm", embedder)  # the worker loads vectors once
        worker, web = [], []
        for i in range(queries):
            # Two subject words: each is looked up in the full-text index on its own.
            query = f"what did members say about {words[i % 10]} and {words[(i + 3) % 10]}"
            start = time.perf_counter()
            found = meaning_similarities(consultation.id, query, embedder)
            worker.append(time.perf_counter() - start)
            start = time.perf_counter()
            search_segments(consultation.id, query, Filters(), found)
            web.append(time.perf_counter() - start)
            db.session.remove()
    return p95(worker) * 1000, p95(web) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 50000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--database", action="store_true",
                        help="also time the whole search on SQLite")
    args = parser.parse_args()
    print(f"{'vectors':>8} | {'load (s)':>8} | {'median (ms)':>11} | {'p95 (ms)':>8}")
    for n in args.sizes:
        load, median, high = bench_store(n, args.queries)
        print(f"{n:>8} | {load:>8.2f} | {median:>11.1f} | {high:>8.1f}")
    if args.database:
        print(f"\n{'segments':>8} | {'worker p95 (ms)':>15} | {'web p95 (ms)':>12}")
        for n in args.sizes:
            worker, web = bench_database(n, max(10, args.queries // 10))
            print(f"{n:>8} | {worker:>15.1f} | {web:>12.1f}")


if __name__ == "__main__":
    main()
