"""An English word test built from the spaCy model's lemmatizer tables (WordNet-based)."""
from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

__all__ = ["english_adjectives", "english_lexicon", "english_modifiers", "english_verbs"]

POS = ("noun", "verb", "adj", "adv")
_cache: weakref.WeakKeyDictionary[Language, Callable[[str], bool] | None] = (
    weakref.WeakKeyDictionary())


def _build(nlp: Language, pos_wanted: tuple[str, ...] = POS,
           inflected: bool | None = None) -> Callable[[str], bool] | None:
    try:
        lookups = cast("Lemmatizer", nlp.get_pipe("lemmatizer")).lookups
        index, exc, rules = (lookups.get_table(t)
                             for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    except Exception:  # blank pipeline, fake, or a model without lookup tables
        return None
    words = {pos: set(index.get(pos, ())) for pos in POS}
    inflect = pos_wanted == POS if inflected is None else inflected
    irregular = set()
    for pos in pos_wanted:
        irregular.update(exc.get(pos, {}).keys())
    suffix_rules = {pos: [tuple(r) for r in rules.get(pos, ())] for pos in POS}

    def is_word(word: str) -> bool:
        word = word.lower().removesuffix("'s").removesuffix("’s")
        if any(word in words[pos] for pos in pos_wanted) or (inflect and word in irregular):
            return True
        # Inflected forms only for the whole lexicon and verbs; the modifier test takes base
        # forms.
        return inflect and any(
            word.endswith(old) and (word[: len(word) - len(old)] + new) in words[pos]
            for pos in pos_wanted for old, new in suffix_rules[pos] if old
        )

    return is_word


def english_lexicon(nlp: Language) -> Callable[[str], bool] | None:
    """Return a function saying whether a word is English, or None if unavailable.

    Uses the WordNet word lists that ship with the trained pipeline's lemmatizer
    (present even when the lemmatizer is disabled), so no extra download is needed.
    WordNet also holds some proper names (Jordan, Demetrius); that only makes the
    name fallback that uses it more cautious.

    Args:
        nlp: a loaded spaCy ``Language`` (anything else returns None).

    Returns:
        ``is_word(word) -> bool``, or None for blank pipelines and fakes.
    """
    try:
        if nlp not in _cache:
            _cache[nlp] = _build(nlp)
        return _cache[nlp]
    except TypeError:  # objects that cannot be weakly referenced (simple fakes)
        return _build(nlp)


_modifier_cache: weakref.WeakKeyDictionary[Language, Callable[[str], bool] | None] = (
    weakref.WeakKeyDictionary())


def english_modifiers(nlp: Language) -> Callable[[str], bool] | None:
    """Return a test for English adverbs and adjectives ("plus", "still", "sadly"), or None.

    Sentence-opening words of these classes are read as words, not names; nouns are left
    out on purpose because many surnames are nouns (Smith, Baker, Bradley).

    Args:
        nlp: a loaded spaCy ``Language`` (anything else returns None).

    Returns:
        ``is_modifier(word) -> bool`` (base forms only), or None for blank pipelines and fakes.
    """
    try:
        if nlp not in _modifier_cache:
            _modifier_cache[nlp] = _build(nlp, ("adj", "adv"))
        return _modifier_cache[nlp]
    except TypeError:
        return _build(nlp, ("adj", "adv"))


_adjective_cache: weakref.WeakKeyDictionary[Language, Callable[[str], bool] | None] = (
    weakref.WeakKeyDictionary())


def english_adjectives(nlp: Language) -> Callable[[str], bool] | None:
    """Return a test for words that are English adjectives and never adverbs ("tiny",
    "lofty"; not "always", "later", "still"), or None.

    A capitalised adjective doing something to someone ("Tiny got me through it") can only
    be a nickname; a word that can be an adverb there ("Later told me") says when or how.

    Args:
        nlp: a loaded spaCy ``Language`` (anything else returns None).

    Returns:
        ``is_adjective(word) -> bool`` (base forms only), or None for blank pipelines and fakes.
    """
    try:
        if nlp not in _adjective_cache:
            _adjective_cache[nlp] = _adjectives(nlp)
        return _adjective_cache[nlp]
    except TypeError:
        return _adjectives(nlp)


def _adjectives(nlp: Language) -> Callable[[str], bool] | None:
    adjective, adverb = _build(nlp, ("adj",)), _build(nlp, ("adv",))
    if adjective is None or adverb is None:
        return None
    return lambda word: adjective(word) and not adverb(word)


_verb_cache: weakref.WeakKeyDictionary[Language, Callable[[str], bool] | None] = (
    weakref.WeakKeyDictionary())


def english_verbs(nlp: Language) -> Callable[[str], bool] | None:
    """Return a test for English verbs in any form ("took", "lives", "sorted"), or None.

    A lower-case word after "my brother" is his name unless it is what he does ("my
    brother took me in"); see ``pii/kin_lower.py``.

    Args:
        nlp: a loaded spaCy ``Language`` (anything else returns None).

    Returns:
        ``is_verb(word) -> bool``, or None for blank pipelines and fakes.
    """
    try:
        if nlp not in _verb_cache:
            _verb_cache[nlp] = _build(nlp, ("verb",), inflected=True)
        return _verb_cache[nlp]
    except TypeError:
        return _build(nlp, ("verb",), inflected=True)
