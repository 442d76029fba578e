"""A phrase mixing whole words and prefixes ("keep evicti*"), made findable in any form.

Neither index alone can find it: the stemmed one holds "evicting" as "evict", which
"evicti" does not start, and the one of words as written holds "keeps", not "keep". So the
words each prefix starts, as the consultation writes them, are put into the phrase in its
place ("keep evicting", "keep eviction"), and those phrases are looked up stemmed.

The words are read from segments in id order and ranked by frequency, then word, so the same
data gives the same phrases. A word the engine drops as a stop word is never put in:
PostgreSQL leaves "and" out of the phrase "keep and", which then finds every "keep" (its
own list: ``to_tsvector('english', word)`` is empty). SQLite's porter FTS5 has no stop words,
but skips PostgreSQL's all the same (``_stop_words``): one database must not find what the
other cannot.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice, product

from sqlalchemy import select, text

from forum.extensions import db
from forum.models import Segment
from forum.models.segment_search import keyword_match

__all__ = ["phrase_forms", "stop_prefixed"]

SAMPLE = 200  # segments read for a prefix's words: enough to meet its usual forms
FORMS = 12  # a prefix's commonest words put into the phrase
PHRASES = 48  # phrases made from one typed phrase, at most
_L = r"[^\W_]"


def _mixed(term: str) -> bool:
    words = term.split()
    return len(words) > 1 and 0 < sum(w.endswith("*") for w in words) < len(words)


def _stop_words(words: list[str]) -> set[str]:
    """The words PostgreSQL's stemmed index leaves out, on either database.

    SQLite's index keeps them, so "keep the*" found "keeps them" there and not on
    PostgreSQL: on SQLite they are PostgreSQL's list (``query_words.TOO_COMMON``, with
    "don't" as "don" and "t"), so both engines find the same segments.
    """
    if not words:
        return set()
    if db.engine.dialect.name != "postgresql":
        from analysis.services.query_words import TOO_COMMON

        return {word for word in words if set(word.split("'")) <= TOO_COMMON}
    return set(db.session.scalars(text(
        "SELECT w FROM unnest(CAST(:words AS text[])) AS w "
        "WHERE to_tsvector('english', w) = ''::tsvector"), {"words": words}))


def stop_prefixed(terms: list[str]) -> list[str]:
    """The phrases among ``terms`` with a prefix the stemmed index drops as a stop word.

    PostgreSQL reads "keep a*" as "keep" ("a" is a stop word, even as a prefix): such a
    phrase is looked up only among the words as written (``keyword_match``'s ``as_written``).
    SQLite, whose index keeps every word, does the same, so both find the same segments.
    """
    phrases = [t for t in terms if " " in t and "*" in t]
    prefixes = sorted({w[:-1] for t in phrases for w in t.split() if w.endswith("*")})
    dropped = _stop_words(prefixes)
    return [t for t in phrases if any(w.endswith("*") and w[:-1] in dropped for w in t.split())]


def _prefix_words(consultation_id: int, prefix: str) -> list[str]:
    """The words starting ``prefix`` in the consultation's segments, commonest first."""
    texts = db.session.scalars(select(Segment.text).where(
        Segment.consultation_id == consultation_id,
        keyword_match(db.engine.dialect.name, [prefix + "*"])).order_by(Segment.id).limit(SAMPLE))
    pattern = re.compile(rf"(?<!{_L}){re.escape(prefix)}{_L}*(?:'{_L}+)?", re.IGNORECASE)
    seen = Counter(m.group().lower() for said in texts for m in pattern.finditer(said))
    dropped = _stop_words(sorted(seen))
    ranked = sorted((w for w in seen if w not in dropped), key=lambda w: (-seen[w], w))
    return ranked[:FORMS]


def phrase_forms(consultation_id: int, term: str) -> list[str]:
    """The phrases, without stars, a phrase of words and prefixes stands for here.

    Args:
        consultation_id: the consultation whose words the prefixes are read from.
        term: a term from ``keywords``.

    Returns:
        Phrases to look up stemmed ("keep evicting", "keep eviction"); [] for a term that is
        not such a phrase, or whose prefixes start no word here.
    """
    if not _mixed(term):
        return []
    choices = [_prefix_words(consultation_id, w[:-1]) if w.endswith("*") else [w]
               for w in term.split()]
    return [" ".join(words) for words in islice(product(*choices), PHRASES)]
