"""Fixtures for the theme core: forum segments, a fake embedder, the plain word analyser.

Nothing here needs the Flask app or the real models.
"""
from __future__ import annotations

import pytest

from analysis.core.themes import (
    Codebook,
    InMemoryEmbeddingCache,
    SimpleWordAnalyser,
    TextModels,
    load_codebook,
)
from tests.analysis.fakes import CONCEPTS, FakeEmbedder  # noqa: F401  (shared with web tests)

from .forum_fixture import QUESTIONS, forum_segments, topic_of


@pytest.fixture
def segments():
    return forum_segments()


@pytest.fixture
def topics():
    return topic_of()


@pytest.fixture
def questions():
    return list(QUESTIONS)


@pytest.fixture
def embedder():
    return FakeEmbedder()


@pytest.fixture
def cache():
    return InMemoryEmbeddingCache()


@pytest.fixture(scope="session")
def words():
    return SimpleWordAnalyser()


@pytest.fixture
def models(embedder, cache, words):
    """The fake embedder, its cache and the plain word analyser, as a run takes them."""
    return TextModels(embedder=embedder, cache=cache, words=words)


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    return load_codebook()
