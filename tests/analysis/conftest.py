"""Fixtures for the analysis core: fixture files, a fake NLP model, the real one (slow)."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


class FakeNLP:
    """Stands in for spaCy: tags the given strings as PERSON, nothing else."""

    def __init__(self, people=(), places=()):
        self.tagged = [(p, "PERSON") for p in people] + [(p, "GPE") for p in places]

    def __call__(self, text):
        ents = [SimpleNamespace(start_char=m.start(), end_char=m.end(), label_=label)
                for value, label in self.tagged for m in re.finditer(re.escape(value), text)]
        return SimpleNamespace(ents=ents)


@pytest.fixture
def fixture_bytes():
    """Read a file from tests/analysis/fixtures as bytes."""
    return lambda name: (FIXTURES / name).read_bytes()


@pytest.fixture
def fake_nlp():
    """A model that finds no entities at all, so only the rules are tested."""
    return FakeNLP()


@pytest.fixture(scope="session")
def real_nlp():
    """The installed spaCy pipeline (a couple of seconds to load, once)."""
    from analysis.core.nlp import load_nlp

    return load_nlp()
