"""An English word test built from the spaCy model's lemmatizer tables (WordNet-based)."""
from __future__ import annotations

import weakref
from collections.abc import Callable

__all__ = ["english_lexicon"]

POS = ("noun", "verb", "adj", "adv")
_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _build(nlp) -> Callable[[str], bool] | None:
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, exc, rules = (lookups.get_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    except Exception:  # blank pipeline, fake, or a model without lookup tables
        return None
    words = {pos: set(index.get(pos, ())) for pos in POS}
    irregular = set()
    for pos in POS:
        irregular.update(exc.get(pos, {}).keys())
    suffix_rules = {pos: [tuple(r) for r in rules.get(pos, ())] for pos in POS}

    def is_word(word: str) -> bool:
        word = word.lower().removesuffix("'s").removesuffix("’s")
        if word in irregular or any(word in words[pos] for pos in POS):
            return True
        return any(
            word.endswith(old) and (word[: len(word) - len(old)] + new) in words[pos]
            for pos in POS for old, new in suffix_rules[pos] if old
        )

    return is_word


def english_lexicon(nlp) -> Callable[[str], bool] | None:
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
