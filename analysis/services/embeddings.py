"""The embedding cache in the database (the jobs that fill it are in ``embed_batches``).

Vectors are keyed by (text hash, model name), so a segment rebuilt with the same words
(a transcript approved again) and the same words said twice share one stored vector.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from flask import current_app
from sqlalchemy import Connection, CursorResult, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import scoped_session

from analysis.models import SegmentEmbedding
from forum.extensions import db
from forum.models import Segment
from forum.models.base import utcnow

if TYPE_CHECKING:
    from analysis.core.themes.embed import Embedder
    from analysis.core.themes.words import WordAnalyser

EMBED_SEGMENTS = "segments.embed"
_load_lock = threading.Lock()
EMBEDDER_KEY = "analysis_embedder"
WORDS_KEY = "analysis_words"


@dataclass
class DbEmbeddingCache:
    """``EmbeddingCache`` over the segment_embeddings table (float32, little-endian).

    ``at_once``: keep each vector at once, on a connection of its own. A vector is the
    model's reading of a text, right whatever the job that made it does next. Left in the
    job's session it held SQLite's one write lock until the job ended: an analysis that
    embedded texts made every other writer (another job's progress, a person saving a page)
    fail "database is locked" after the 15 s wait (seen on a fresh start, as the demo's two
    jobs ran). Only for callers whose session holds no writes of its own yet: another
    connection's write would wait on that session's lock.
    """

    at_once: bool = False
    # Hashes of segments' texts being embedded: a vector of one is kept only while a segment
    # still holds it (``_drop_unheld``). Other texts (questions, codes) are kept as they come.
    segments: frozenset[str] = frozenset()

    def get_many(self, hashes: Sequence[str], model_name: str) -> dict[str, np.ndarray]:
        """Args: hashes, model_name. Returns: {hash: vector} for the hashes stored."""
        found: dict[str, np.ndarray] = {}
        wanted = list(dict.fromkeys(hashes))
        # Chunks keep the IN (...) list within SQLite's variable limit.
        for start in range(0, len(wanted), 500):
            rows = db.session.execute(select(SegmentEmbedding.text_hash, SegmentEmbedding.vector)
                                      .where(SegmentEmbedding.model == model_name,
                                             SegmentEmbedding.text_hash.in_(
                                                 wanted[start:start + 500])))
            for text_hash, vector in rows:
                found[text_hash] = np.frombuffer(vector, dtype="<f4").copy()
        return found

    def put_many(self, vectors: dict[str, np.ndarray], model_name: str) -> None:
        """Args: vectors {hash: vector}, model_name. Returns: None (committed at once on a
        connection of its own when ``at_once``; else flushed in the session, not committed).

        Two workers may embed the same new text at once: the second insert is skipped, not
        an error (both vectors are the same model's for the same words).
        """
        present = set(self.get_many(list(vectors), model_name))
        rows = [{"text_hash": text_hash, "model": model_name, "dimensions": int(data.shape[0]),
                 "vector": data.tobytes(), "created_at": utcnow()}
                for text_hash, data in ((h, np.asarray(v, dtype="<f4")) for h, v in vectors.items())
                if text_hash not in present]
        insert = sqlite_insert if db.engine.dialect.name == "sqlite" else pg_insert
        statements = [insert(SegmentEmbedding).values(rows[start:start + 500])
                      .on_conflict_do_nothing(index_elements=["text_hash", "model"])
                      for start in range(0, len(rows), 500)]  # within SQLite's variable limit
        if not self.at_once:
            for statement in statements:
                db.session.execute(statement)
            self._drop_unheld(db.session, vectors, model_name)
            db.session.flush()
            return
        with db.engine.begin() as own:
            for statement in statements:
                own.execute(statement)
            self._drop_unheld(own, vectors, model_name)

    def _drop_unheld(self, conn: Connection | scoped_session[Any], hashes: Iterable[str],
                     model_name: str) -> None:
        """Delete the vectors just stored of segment texts no segment holds any more.

        The job read the text before; the words may have been redacted since, the segment
        deleted and its vector forgotten (``forget_unused``). Checked after the insert, in its
        transaction: SQLite's write lock is held, so no deletion commits in between; on
        PostgreSQL the segment rows are locked FOR SHARE, so a deletion under way is waited
        for and then seen, and one that comes later finds this vector and deletes it.
        """
        guarded = [h for h in hashes if h in self.segments]
        held: set[str] = set()
        for start in range(0, len(guarded), 500):
            held.update(conn.scalars(select(Segment.text_hash).where(
                Segment.text_hash.in_(guarded[start:start + 500])).with_for_update(read=True)))
        gone = sorted(set(guarded) - held)
        for start in range(0, len(gone), 500):
            conn.execute(delete(SegmentEmbedding).where(
                SegmentEmbedding.model == model_name,
                SegmentEmbedding.text_hash.in_(gone[start:start + 500])))


def current_embedder() -> Embedder:
    """The app's embedder: MiniLM, loaded once per worker process (tests install a fake).

    Only the worker calls this: web requests ask the worker (``analysis.services.meaning``).
    The model is loaded here under a lock, so worker threads asking at once share one copy.
    """
    embedder: Embedder | None = current_app.extensions.get(EMBEDDER_KEY)
    if embedder is None:
        with _load_lock:
            embedder = current_app.extensions.get(EMBEDDER_KEY)
            if embedder is None:
                from analysis.core.themes import MiniLMEmbedder

                embedder = MiniLMEmbedder()
                embedder.encode(["warm up"])
                current_app.extensions[EMBEDDER_KEY] = embedder
    return embedder


def current_words() -> WordAnalyser:
    """The app's word analyser: spaCy's, loaded lazily once per process (tests install one)."""
    words: WordAnalyser | None = current_app.extensions.get(WORDS_KEY)
    if words is None:
        from analysis.core.themes import default_word_analyser

        words = current_app.extensions[WORDS_KEY] = default_word_analyser()
    return words


def embed_new_segments(consultation_id: int, embedder: Embedder) -> int:
    """Embed the consultation's segments whose text has no vector yet for this model.

    Args:
        consultation_id: the consultation.
        embedder: any ``Embedder``.

    Returns:
        How many distinct texts were embedded.
    """
    from analysis.core.themes import SegmentInput, embed_segments

    rows = db.session.execute(select(Segment.id, Segment.text, Segment.text_hash)
                              .where(Segment.consultation_id == consultation_id)).all()
    # The session has only read.
    cache = DbEmbeddingCache(at_once=True, segments=frozenset(r.text_hash for r in rows))
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
    result = db.session.execute(
        delete(SegmentEmbedding).where(SegmentEmbedding.text_hash.in_(gone)))
    # A DELETE returns a CursorResult (Session.execute is typed as the general Result).
    return cast(CursorResult[Any], result).rowcount or 0
