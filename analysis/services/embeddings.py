"""The embedding cache in the database, and the job that embeds segments once they exist.

Vectors are keyed by (text hash, model name), so a segment rebuilt with the same words
(a transcript approved again) and the same words said twice share one stored vector.
"""
from __future__ import annotations

import threading
from typing import Iterable, Sequence

import numpy as np
from flask import current_app
from sqlalchemy import delete, select

from forum.extensions import db
from forum.models import Segment

from analysis.models import SegmentEmbedding

EMBED_SEGMENTS = "segments.embed"
_warm_lock = threading.Lock()
_warming: threading.Thread | None = None
EMBEDDER_KEY = "analysis_embedder"
WORDS_KEY = "analysis_words"


class DbEmbeddingCache:
    """``EmbeddingCache`` over the segment_embeddings table (float32, little-endian)."""

    def get_many(self, hashes: Sequence[str], model_name: str) -> dict[str, np.ndarray]:
        """Args: hashes, model_name. Returns: {hash: vector} for the hashes stored."""
        found: dict[str, np.ndarray] = {}
        wanted = list(dict.fromkeys(hashes))
        # Chunks keep the IN (...) list within SQLite's variable limit.
        for start in range(0, len(wanted), 500):
            rows = db.session.execute(select(SegmentEmbedding.text_hash, SegmentEmbedding.vector)
                                      .where(SegmentEmbedding.model == model_name,
                                             SegmentEmbedding.text_hash.in_(wanted[start:start + 500])))
            for text_hash, vector in rows:
                found[text_hash] = np.frombuffer(vector, dtype="<f4").copy()
        return found

    def put_many(self, vectors: dict[str, np.ndarray], model_name: str) -> None:
        """Args: vectors {hash: vector}, model_name. Returns: None (flushed, not committed)."""
        present = set(self.get_many(list(vectors), model_name))
        for text_hash, vector in vectors.items():
            if text_hash in present:
                continue
            data = np.asarray(vector, dtype="<f4")
            db.session.add(SegmentEmbedding(text_hash=text_hash, model=model_name,
                                            dimensions=int(data.shape[0]), vector=data.tobytes()))
        db.session.flush()


def current_embedder():
    """The app's embedder: MiniLM, loaded lazily once per process (tests install a fake)."""
    embedder = current_app.extensions.get(EMBEDDER_KEY)
    if embedder is None:
        from analysis.themes import MiniLMEmbedder

        embedder = current_app.extensions[EMBEDDER_KEY] = MiniLMEmbedder()
    return embedder


def embedder_ready(embedder) -> bool:
    """Args: an embedder. Returns: False while MiniLM has not been loaded in this process."""
    from analysis.themes.embed import MiniLMEmbedder, _load_minilm

    return not isinstance(embedder, MiniLMEmbedder) or _load_minilm.cache_info().currsize > 0


def warm_embedder(embedder) -> None:
    """Load the embedding model in a background thread, so no request waits for it."""
    global _warming
    with _warm_lock:
        if _warming is not None or embedder_ready(embedder):
            return
        _warming = threading.Thread(target=embedder.encode, args=(["warm up"],), daemon=True,
                                    name="embedder-warm-up")
        _warming.start()


def current_words():
    """The app's word analyser: spaCy's, loaded lazily once per process (tests install one)."""
    words = current_app.extensions.get(WORDS_KEY)
    if words is None:
        from analysis.themes import default_word_analyser

        words = current_app.extensions[WORDS_KEY] = default_word_analyser()
    return words


def embed_new_segments(consultation_id: int, embedder) -> int:
    """Embed the consultation's segments whose text has no vector yet for this model.

    Args:
        consultation_id: the consultation.
        embedder: any ``Embedder``.

    Returns:
        How many distinct texts were embedded.
    """
    from analysis.themes import embed_segments
    from analysis.themes import SegmentInput

    rows = db.session.execute(select(Segment.id, Segment.text, Segment.text_hash)
                              .where(Segment.consultation_id == consultation_id)).all()
    cache = DbEmbeddingCache()
    have = set(cache.get_many([r.text_hash for r in rows], embedder.name))
    missing = {r.text_hash: r for r in rows if r.text_hash not in have}
    if missing:
        embed_segments([SegmentInput(r.id, r.text, r.text_hash) for r in missing.values()],
                       embedder, cache)
    db.session.commit()
    return len(missing)


def queue_embedding(consultation_id: int) -> None:
    """Embed new segments in the background, so analysis never waits for them."""
    from forum.jobs import enqueue

    enqueue(EMBED_SEGMENTS, {"consultation_id": consultation_id})


def embed_segments_job(job, progress) -> None:
    """Job handler: embed the consultation's new or changed segments."""
    progress("Embedding new segments", 10)
    embed_new_segments(job.params["consultation_id"], current_embedder())


def forget_unused(hashes: Iterable[str]) -> int:
    """Delete stored vectors of texts that no segment holds any more (after an erasure).

    Args:
        hashes: text hashes of segments just deleted.

    Returns:
        How many vectors were deleted (not committed).
    """
    hashes = set(hashes)
    if not hashes:
        return 0
    still = set(db.session.scalars(select(Segment.text_hash).where(Segment.text_hash.in_(hashes))))
    gone = hashes - still
    if not gone:
        return 0
    result = db.session.execute(delete(SegmentEmbedding).where(SegmentEmbedding.text_hash.in_(gone)))
    return result.rowcount or 0
