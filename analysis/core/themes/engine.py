"""BERTopic as the theme engine, built from our own sub-models.

``fit_topics`` fits one ``BERTopic`` whose parts are ours where ours measure better
(bench/analysis_quality.py): embeddings from our cache (passed in, and a cached backend
for words and codes), our clusterer as ``hdbscan_model`` up to ``HDBSCAN_ABOVE``
segments (``clustering_view``: documents cut into runs, anything else spectral+Ward;
UMAP+HDBSCAN sized to the corpus above that, whose memory grows linearly: ``sub_models``),
a ``CountVectorizer`` over spaCy lemmas and noun phrases (stop words, fillers and
redaction placeholders already gone), KeyBERTInspired -> PartOfSpeech ->
MaximalMarginalRelevance, and codebook codes as zero-shot topics. BERTopic is imported
here, inside functions only, never at web start-up.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .cluster import (
    Clusterer,
    ClusterSettings,
    SpectralWardClusterer,
    choose_settings,
)
from .embed import Embedder, EmbeddingCache, normalise_rows
from .schema import SegmentInput, ThemeOptions
from .sub_models import HDBSCAN_ABOVE, sub_models
from .words import SegmentWords

if TYPE_CHECKING:
    from bertopic import BERTopic
    from bertopic.backend import BaseEmbedder
    from sklearn.feature_extraction.text import CountVectorizer
    from spacy.language import Language

__all__ = ["HDBSCAN_ABOVE", "TopicFit", "clustering_view", "context_vectors", "fit_topics",
           "join_vectors",
           "joined_in_context", "load_topic_model", "make_backend", "representation_chain",
           "transform_segments"]

# Weights of the passages 1, 2, 3 places either side in the same source. A document's
# passages under one heading answer one question; a conversation drifts sooner.
CONTEXT_WEIGHTS = {"document": (0.7, 0.5, 0.25), "transcript": (0.5, 0.25)}
# Long documents are cut along the reading order (DocumentRunsClusterer) on passages
# blended only a little with the next ones: runs already keep neighbours together, and
# more blending blurs where one subject ends (bench/analysis_quality.py).
CHAIN_WEIGHTS = {"document": (0.2,)}
# New segments join a run's themes among their neighbours only in documents (join_vectors).
JOIN_CONTEXT = {"document": CONTEXT_WEIGHTS["document"]}
# Ends every text handed to BERTopic: c-TF-IDF joins a topic's texts into one string, and
# the vectorizer splits it here again to reuse each segment's words (no spaCy re-run).
MARK = " \u2063"


@dataclass
class TopicFit:
    """The fitted model, a topic per row (-1 none) and which topic ids are codebook codes."""

    model: BERTopic
    topics: np.ndarray
    code_of_topic: dict[int, int]
    settings: ClusterSettings
    method: str

    @staticmethod
    def texts_for(texts: Sequence[str]) -> list[str]:
        """Args: segment texts. Returns: them as handed to the model (marked ends)."""
        return [t + MARK for t in texts]


def context_vectors(segments: Sequence[SegmentInput], vectors: np.ndarray,
                    weights: Mapping[str, Sequence[float]] | None = None) -> np.ndarray:
    """Blend each passage of a document or transcript with the passages around it.

    In a document or a focus group, the passages next to each other answer the same
    question, so a short passage is grouped by what it sits among, not by one word.
    Survey answers and imported comments are separate people: they stay as they are.

    Args:
        segments: segments sorted by id (ids follow the order within a source).
        vectors: row-aligned unit vectors.
        weights: per source kind, the weight of the neighbour 1, 2, ... places away.

    Returns:
        Unit rows, the same shape as ``vectors``.
    """
    table: Mapping[str, Sequence[float]] = CONTEXT_WEIGHTS if weights is None else weights
    out = np.array(vectors, dtype=np.float32, copy=True)
    by_source: dict[str, list[int]] = {}
    for row, segment in enumerate(segments):
        if segment.kind in table:
            by_source.setdefault(segment.source_key, []).append(row)
    for source, rows in by_source.items():
        block = vectors[rows]
        mixed = block.copy()
        for distance, weight in enumerate(table[source.split(":")[0]], start=1):
            if distance >= len(rows):
                break
            mixed[distance:] += weight * block[:-distance]
            mixed[:-distance] += weight * block[distance:]
        out[rows] = mixed
    return normalise_rows(out)


def joined_in_context(segments: Sequence[SegmentInput]) -> np.ndarray:
    """Args: new segments. Returns: per segment, whether ``join_vectors`` places it among
    its neighbours (a document's passage) rather than by its own words."""
    return np.array([s.kind in JOIN_CONTEXT for s in segments], dtype=bool)


def clustering_view(segments: Sequence[SegmentInput], vectors: np.ndarray,
                    answers: Sequence[int | None] | None = None,
                    probabilities: np.ndarray | None = None) -> tuple[np.ndarray, Clusterer]:
    """The vectors a run's themes are settled with, and the clusterer that finds them.

    The vectors are the passages blended with their neighbours (``context_vectors``). When
    the run is made of long documents (``runs_suit``), the clusterer cuts each along its
    reading order (``DocumentRunsClusterer``), reading passages blended only a little with
    the next ones (``CHAIN_WEIGHTS``); otherwise it is spectral + Ward on the vectors.

    Args:
        segments: the run's segments, sorted by id.
        vectors: row-aligned unit vectors.
        answers: row-aligned, the question a document's passage answers where its document
            follows the questions (``questions.answer_guide``); it guides the cut.
        probabilities: row-aligned, each question's probability as the mapping saw it
            (``questions.map_questions``); the guide reads them (None: sure of the answers).

    Returns:
        (row-aligned unit vectors, clusterer for all rows).
    """
    from .runs import DocumentRunsClusterer, runs_suit

    grouping = context_vectors(segments, vectors)
    if runs_suit(segments):
        chained = context_vectors(segments, vectors, CHAIN_WEIGHTS)
        return grouping, DocumentRunsClusterer([s.source_key for s in segments], chained,
                                               answers, probabilities)
    return grouping, SpectralWardClusterer()


def join_vectors(segments: Sequence[SegmentInput], vectors: np.ndarray) -> np.ndarray:
    """The rows new segments join a run's themes by: a document's passages among the new
    passages around them, as the run grouped them; anything said aloud by itself.

    Args:
        segments: the new segments, sorted by id.
        vectors: their unit vectors.

    Returns:
        Unit rows, the same shape.
    """
    # Measured (bench/check_calibration.py, joined): by its own words alone a held-out
    # passage of the development document lands in the full run's theme 31% of the time,
    # among its neighbours 62%.
    return context_vectors(segments, vectors, JOIN_CONTEXT)


def make_backend(embedder: Embedder, cache: EmbeddingCache | None) -> BaseEmbedder:
    """Wrap our embedder and cache as a BERTopic embedding backend (words, codes, new text).

    Args:
        embedder: any ``Embedder``.
        cache: any ``EmbeddingCache`` or None.

    Returns:
        A ``bertopic.backend.BaseEmbedder``.
    """
    from bertopic.backend import BaseEmbedder

    from .guide import embed_free_texts

    # bertopic ships no type hints, so its base class is Any to mypy.
    class CachedBackend(BaseEmbedder):  # type: ignore[misc]
        def embed(self, documents: Sequence[str],  # noqa: D102 - BERTopic's interface
                  verbose: bool = False) -> np.ndarray:
            # Segments come back marked (KeyBERTInspired's representative documents):
            # unmarked, they are the segments' own texts and their vectors are cached.
            return embed_free_texts([d[:-len(MARK)] if d.endswith(MARK) else d
                                     for d in documents], embedder, cache)

    return CachedBackend()


def _vectorizer(words: Callable[[str], SegmentWords]) -> CountVectorizer:
    from sklearn.feature_extraction.text import CountVectorizer

    def analyse(text: str) -> list[str]:
        out: list[str] = []
        for piece in text.split(MARK.strip()):
            if piece.strip():
                found = words(piece.strip())
                out.extend(found.terms)
                out.extend(found.phrases)
        return out

    # min_df=1: BERTopic counts per topic, so a rare word is still a topic's word.
    return CountVectorizer(analyzer=analyse)


def representation_chain(nlp: Language | None, top_n: int = 10) -> list[Any]:
    """BERTopic's chain that picks each topic's words: KeyBERT, parts of speech, then diversity.

    Args:
        nlp: a spaCy pipeline for the part-of-speech step, or None to leave it out.
        top_n: words kept per topic.

    Returns:
        The representation models, in the order BERTopic applies them.
    """
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance, PartOfSpeech

    chain = [KeyBERTInspired(top_n_words=top_n, random_state=42)]
    if nlp is not None:
        chain.append(PartOfSpeech(nlp, top_n_words=top_n))
    chain.append(MaximalMarginalRelevance(diversity=0.3, top_n_words=top_n))
    return chain


def fit_topics(texts: Sequence[str], vectors: np.ndarray, code_texts: Sequence[str],
               backend: BaseEmbedder, words: Callable[[str], SegmentWords], *,
               options: ThemeOptions,
               clusterer: Clusterer | None = None) -> TopicFit:
    """Fit BERTopic on segment texts with our vectors, codes as zero-shot topics.

    Args:
        texts: segment texts (redacted).
        vectors: row-aligned unit vectors (context-blended for documents).
        code_texts: one "name: description" per code (may be empty).
        backend: embeds words and codes (``make_backend``).
        words: text -> ``SegmentWords`` (lemmas and phrases) for the vectorizer.
        options: ``seed`` (fixes every random step), ``code_threshold`` (least similarity
            for a segment to join a code directly) and ``n_clusters`` (a fixed number of
            clusters instead of the scaled one, or None).
        clusterer: ours up to ``HDBSCAN_ABOVE`` rows (spectral + Ward when None).

    Returns:
        A ``TopicFit``.
    """
    from bertopic import BERTopic
    from bertopic.vectorizers import ClassTfidfTransformer

    settings = choose_settings(len(texts), options.n_clusters)
    reducer, sub_model, method = sub_models(np.asarray(vectors), settings, options.seed,
                                             options.n_clusters,
                                             clusterer or SpectralWardClusterer())
    model = BERTopic(embedding_model=backend, umap_model=reducer,
                     hdbscan_model=sub_model, vectorizer_model=_vectorizer(words),
                     ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
                     zeroshot_topic_list=list(code_texts) or None,
                     zeroshot_min_similarity=options.code_threshold, top_n_words=10)
    topics, _ = model.fit_transform(TopicFit.texts_for(texts), embeddings=np.asarray(vectors))
    code_of_topic = {int(t): int(c) for t, c in model._topic_id_to_zeroshot_topic_idx.items()}
    return TopicFit(model, np.asarray(topics, dtype=int), code_of_topic, settings, method)


def load_topic_model(path: Path | str, embedder: Embedder,
                     cache: EmbeddingCache | None) -> BERTopic:
    """Load a run's saved BERTopic model (safetensors) with our embedding backend.

    Args:
        path: the folder ``describe_topics``'s model was saved to.
        embedder: any ``Embedder``.
        cache: any ``EmbeddingCache`` or None.

    Returns:
        The ``BERTopic`` model.
    """
    from bertopic import BERTopic

    return BERTopic.load(str(path), embedding_model=make_backend(embedder, cache))


def transform_segments(model: BERTopic, segments: Sequence[SegmentInput], vectors: np.ndarray,
                       min_similarity: float) -> list[tuple[int | None, float]]:
    """Place new segments in a fitted model's themes without clustering again.

    Args:
        model: a fitted or loaded ``BERTopic`` (its topics are the run's themes).
        segments: the new segments.
        vectors: their unit vectors.
        min_similarity: below this a segment stays "not grouped".

    Returns:
        Per segment, (topic id or None, its cosine similarity to the nearest theme's
        centre): the similarity is kept for a segment left out too, so its confidence
        (``join_confidence``) can be judged.
    """
    if not len(segments):
        return []
    topics, probs = model.transform(TopicFit.texts_for([s.text for s in segments]),
                                    embeddings=np.asarray(vectors))
    best = np.asarray(probs, dtype=float).reshape(len(segments), -1).max(axis=1)
    return [(int(t) if t >= 0 and p >= min_similarity else None, float(p))
            for t, p in zip(topics, best, strict=True)]
