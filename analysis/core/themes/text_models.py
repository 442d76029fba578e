"""``TextModels``: the embedder, its cache and the word analyser, which travel together.

Every stage that reads text needs the same three: ``run_analysis`` and the theme edits take
them as one object, so their parameter lists say what is being analysed, not with what.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .embed import Embedder, EmbeddingCache, InMemoryEmbeddingCache
from .words import WordAnalyser, default_word_analyser

__all__ = ["TextModels"]


@dataclass(frozen=True, kw_only=True)
class TextModels:
    """What a run reads text with.

    ``embedder``: any ``Embedder`` (``MiniLMEmbedder()`` in production, a fake in tests).
    ``cache``: any ``EmbeddingCache``, so unchanged text is never embedded again (left out: a
    fresh one in memory). ``words``: a ``WordAnalyser`` for lemmas and phrases (left out: the
    per-process spaCy one).
    """

    embedder: Embedder
    cache: EmbeddingCache = field(default_factory=InMemoryEmbeddingCache)
    words: WordAnalyser = field(default_factory=default_word_analyser)
