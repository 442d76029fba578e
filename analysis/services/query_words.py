"""The words of a search worth matching, and the codebook entries they name."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import select

from analysis.models import CodebookEntry
from forum.extensions import db

if TYPE_CHECKING:
    from nltk.stem.porter import PorterStemmer

# Words of a question that say nothing about its subject.
ASKING = frozenset("""what whats did does do say said says tell told think thought member members
people person about anyone someone anybody everyone how why when where who which were was is are
the a an of on in to for and or with any there their they them our we us me my i you your it its
this that these those have has had feel felt talk talked talking mention
mentioned""".split())  # noqa: SIM905


def keywords(query: str) -> list[str]:
    """The words of a query worth matching ("what did members say about breach?" -> breach).

    Args:
        query: what was typed.

    Returns:
        Lower-case words, in order, without asking words.
    """
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", query.lower())
    return [w for w in dict.fromkeys(words) if w not in ASKING and len(w) > 1]


@lru_cache(maxsize=1)
def _stemmer() -> PorterStemmer:
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def _stems(text: str) -> set[str]:
    return {_stemmer().stem(w) for w in re.findall(r"[a-z0-9]+", text.lower())}


def matching_codes(consultation_id: int, words: list[str]) -> list[CodebookEntry]:
    """Codebook entries whose name or search terms share a word (any form) with the query.

    Args:
        consultation_id: the consultation.
        words: from ``keywords``.

    Returns:
        The entries, in codebook order.
    """
    wanted = _stems(" ".join(words))
    if not wanted:
        return []
    entries = db.session.scalars(select(CodebookEntry).where(
        CodebookEntry.consultation_id == consultation_id).order_by(CodebookEntry.position))
    return [e for e in entries if wanted & _stems(" ".join([e.name, *(e.search_terms or [])]))]
