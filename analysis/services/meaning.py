"""Search by meaning, answered by the worker: the query is embedded where the model lives.

Web workers never load the embedding model: they ask the worker (``forum.calls.call_worker``)
and wait briefly. The worker keeps every stored vector it has read in one matrix per model
(``analysis.core.vector_search.VectorStore``), so a query costs one embedding and one
matrix product, and the model is loaded when the worker starts, before anyone searches.
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from analysis.core.vector_search import VectorStore
from analysis.models import CodebookEntry
from forum.calls import WorkerUnavailable, call_worker
from forum.extensions import db
from forum.models.segment_versions import segments_version

if TYPE_CHECKING:
    from analysis.core.themes.embed import Embedder, EmbeddingCache

MEANING_SEARCH = "search.meaning"
# A web request waits this long for the worker before showing keyword matches alone.
ANSWER_SECONDS = 8.0
MIN_SIMILARITY = 0.3
# A code's centre (description and examples) sits closer to everything on its subject than a
# short query does, so its similarities count for less: 0.55 to a code ~ 0.3 to the query.
CODE_OFFSET = 0.25
# Enough for any filter to leave a full page of results, small enough to send and rank.
MAX_RETURNED = 2000
NOT_ANSWERING = ("Search by meaning is not answering right now, so these are keyword matches "
                 "only. Try again in a minute; if this keeps happening, tell an admin.")

_stores: dict[tuple[str, str], VectorStore] = {}
_stores_lock = threading.Lock()
# Per consultation: its segments version and (id, text hash) rows (``_segment_hashes``).
_hashes: dict[tuple[str, int], tuple[int, Sequence[tuple[int, str]]]] = {}
# Per consultation: its (id, text hash) rows, their ids, and their rows in the store.
_indexes: dict[tuple[str, int, int],
               tuple[Sequence[tuple[int, str]], tuple[int, ...], np.ndarray]] = {}


def _store(model_name: str) -> VectorStore:
    # One store per database and model: vectors are content-addressed within a database.
    key = (str(db.engine.url), model_name)
    with _stores_lock:
        return _stores.setdefault(key, VectorStore())


def _segment_hashes(consultation_id: int) -> Sequence[tuple[int, str]]:
    """(id, text hash) of every segment of the consultation, as plain tuples.

    Kept between searches while the consultation's segments version is the same (the
    database changes it on every write to its segments: ``forum.models.segment_versions``):
    reading 50,000 rows cost 30-65 ms a search. The version is read first, so rows read
    after a write that the version missed are only read again, never kept too long.
    """
    key = (str(db.engine.url), consultation_id)
    version = segments_version(db.session.connection(), consultation_id)
    kept = _hashes.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    rows = _read_segment_hashes(consultation_id)
    with _stores_lock:
        _hashes[key] = (version, rows)
    return rows


def _read_segment_hashes(consultation_id: int) -> Sequence[tuple[int, str]]:
    # Read on the raw database cursor: over 50,000 rows SQLAlchemy's row objects cost
    # several times the query itself.
    mark = "?" if db.engine.dialect.paramstyle == "qmark" else "%s"
    cursor = db.session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT id, text_hash FROM segments WHERE consultation_id = {mark}",
                       (consultation_id,))
        rows: Sequence[tuple[int, str]] = cursor.fetchall()
        return rows
    finally:
        cursor.close()


def _index(consultation_id: int, store: VectorStore, rows: Sequence[tuple[int, str]],
           fetch: Callable[[list[str]], Mapping[str, np.ndarray]],
           ) -> tuple[tuple[int, ...], np.ndarray]:
    """Segment ids and their rows in the store, kept while the consultation's texts are the same."""
    key = (str(db.engine.url), consultation_id, id(store))
    kept = _indexes.get(key)
    if kept is not None and (kept[0] is rows or kept[0] == rows) and (kept[2] >= 0).all():
        return kept[1], kept[2]
    ids, hashes = zip(*rows, strict=True)
    store.load(hashes, fetch)
    index = store.index_of(hashes)
    _indexes[key] = (rows, ids, index)
    return ids, index


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _targets(query: str, codes: list[CodebookEntry], embedder: Embedder,
             cache: EmbeddingCache) -> list[tuple[np.ndarray, float]]:
    """The query's vector, and the centre of each code the query names (with its offset).

    "breach" alone sits far from "I was recalled for missing curfew", but the codebook's
    breach code (its description and examples) sits close, so a query naming a code also
    finds what was said about the code in other words.
    """
    from analysis.core.themes import SegmentInput, embed_segments, embed_texts

    targets = [(embed_texts([query], embedder)[0], 0.0)]
    for code in codes:
        texts = [t for t in [code.description, *(code.examples or [])] if t and t.strip()]
        if not texts:
            continue
        anchors = embed_segments([SegmentInput(id=i, text=t, text_hash=_hash(t))
                                  for i, t in enumerate(texts)], embedder, cache)
        centre = anchors.mean(axis=0)
        targets.append((centre / (float(np.linalg.norm(centre)) or 1.0), CODE_OFFSET))
    return targets


def meaning_similarities(consultation_id: int, query: str,
                         embedder: Embedder) -> dict[int, float]:
    """Segments of a consultation whose meaning is close to the query (run in the worker).

    Every segment with a stored vector is scored; callers apply the usable and filter rules.

    Args:
        consultation_id: the consultation.
        query: what was typed.
        embedder: embeds the query and code anchors.

    Returns:
        {segment id: similarity} for similarities of at least MIN_SIMILARITY.
    """
    from analysis.services.embeddings import DbEmbeddingCache
    from analysis.services.query_words import keywords, matching_codes

    if not query.strip():
        return {}
    rows = _segment_hashes(consultation_id)
    if not rows:
        return {}
    cache = DbEmbeddingCache()
    store = _store(embedder.name)
    ids, index = _index(consultation_id, store, rows,
                        lambda wanted: cache.get_many(wanted, embedder.name))
    targets = _targets(query, matching_codes(consultation_id, keywords(query)), embedder, cache)
    db.session.commit()  # keep any code anchors just embedded, so the next search is quick
    best = np.full(len(ids), -np.inf, dtype=np.float32)
    for vector, offset in targets:
        best = np.fmax(best, store.scores(vector, index) - offset)
    keep = np.flatnonzero(best >= MIN_SIMILARITY)  # NaN and -inf (no vector) never pass
    # Only the closest reach the page (50 a page), so only they travel back to the web.
    keep = keep[np.argsort(-best[keep], kind="stable")[:MAX_RETURNED]]
    return {ids[i]: float(best[i]) for i in keep}


def answer_meaning_search(consultation_id: int, query: str) -> dict[int, float]:
    """Worker side of ``ask_meaning``: the app's embedder, loaded once in this process."""
    from analysis.services.embeddings import current_embedder

    return meaning_similarities(consultation_id, query, current_embedder())


def ask_meaning(consultation_id: int, query: str) -> tuple[dict[int, float] | None, str | None]:
    """Ask the worker for meaning matches (web side).

    Args:
        consultation_id: the consultation.
        query: what was typed.

    Returns:
        ({segment id: similarity}, None), or (None, a note for the page) when the worker
        does not answer in time.
    """
    try:
        found = call_worker(MEANING_SEARCH, {"consultation_id": consultation_id, "query": query},
                            ANSWER_SECONDS)
    except WorkerUnavailable:
        return None, NOT_ANSWERING
    return found, None


def warm_up_embedder() -> None:
    """Load the embedding model when the worker starts, so the first search is quick."""
    from analysis.services.embeddings import current_embedder
    from analysis.services.query_words import matching_codes

    # A question-length text: torch's first pass over a new length is the slow one.
    current_embedder().encode(["What did members say about housing after prison and probation?"])
    matching_codes(0, ["warm"])  # loads the stemmer
