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


# PostgreSQL's English stop words (its tsearch_data/english.stop, the Snowball list): its
# full-text index leaves them out, so it can never find them. SQLite's index keeps them; they
# are dropped here, before either database is asked, so both find the same segments.
TOO_COMMON = frozenset("""i me my myself we our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves what which
who whom this that these those am is are was were be been being have has had having do does did
doing a an the and but if or because as until while of at by for with about against between into
through during before after above below to from up down in out on off over under again further
then once here there when where why how all any both each few more most other some such no nor
not only own same so than too very s t can will just don should now""".split())  # noqa: SIM905

# Keyword search alone (search by meaning is not answering): nothing can be searched for.
TOO_COMMON_MESSAGE = "{} too common to search for; add a more specific word"
# Search by meaning still runs; only its keyword part is skipped.
KEYWORDS_SKIPPED = ("{} too common to search for by keyword, so only matches by meaning are "
                    "shown. Add a more specific word to search by keyword too.")
# A letter or digit of any script: "café" and "naïve" are one word each (an ASCII class cut
# them into "caf", "na" and "ve"). Both engines index accented words whole.
_L = r"[^\W_]"
_WORD = re.compile(rf"{_L}+(?:'{_L}+)?")
# The syntax of a codebook's search terms (``analysis.core.themes.terms``): "a phrase" in
# quotes, and word* for every word starting so. Any other character typed is no syntax.
_TERM = re.compile(rf'"([^"]*)"|({_L}+(?:\'{_L}+)?)(\*?)')
_PHRASE_WORD = re.compile(rf"{_L}+(?:'{_L}+)?\*?")
_REPLY = re.compile(r"^\s*(?:(?:re|fwd?)\s*:\s*)+")
# A codebook pattern pasted in ("re:evict(ed|ion)"): "re:" straight before the pattern, which
# holds a character only a pattern would. "Re: evicted tenants" is a subject, searched as words.
_PATTERN = re.compile(r"^\s*re:\S.*[\\()\[\]{}|?+^$]", re.DOTALL)
PATTERN_REFUSED = ("Patterns (“re:”) work in the codebook’s search terms, not here. Search for "
                   "words, a phrase in quotes, or the start of a word followed by *")


def _worth_matching(word: str) -> bool:
    # "don't" is "don" and "t" to PostgreSQL: both stop words, so the whole word is one.
    # A single letter or digit counts ("B wing", "Cat C", "5 years"): both databases index it.
    return word not in ASKING and not set(re.split(r"'", word)) <= TOO_COMMON


def _typed(query: str) -> str:
    """The query lower-cased, with what phones and word processors type read as plain keys."""
    # Curly quotes mark a phrase all the same; ’ is an apostrophe ("don’t" was "don" and
    # "t"). "İ" lower-cases to "i" and a combining dot, which cut "İstanbul" in two.
    typed = query.lower().replace("i\u0307", "i")
    for curly, plain in (("“", '"'), ("”", '"'), ("’", "'"), ("‘", "'"), ("ʼ", "'")):
        typed = typed.replace(curly, plain)
    # An email subject pasted in: "Re:" marks a reply, and is no word of the subject.
    return _REPLY.sub("", typed)


def keywords(query: str) -> list[str]:
    """The terms of a query worth matching ("what did members say about breach?" -> breach).

    As in a codebook's search terms, ``hous*`` stands for every word starting "hous" and
    ``"missed appointment"`` for those words together; other words are matched one by one.
    Any other character is no syntax (a colon filters nothing; a star alone marks nothing).

    Args:
        query: what was typed.

    Returns:
        Lower-case terms, in order: a word, a prefix ending in "*", or a phrase (words joined
        by spaces, any of them maybe ending in "*"). Asking words and words too common to
        search for are left out, but inside quotes only a phrase of such words alone.
    """
    terms = []
    for phrase, word, star in _TERM.findall(_typed(query)):
        if word:
            terms += [word + star] if _worth_matching(word) else []
            continue
        words = _PHRASE_WORD.findall(phrase)
        if len(words) == 1:
            terms += words if _worth_matching(words[0].rstrip("*")) else []
        elif words and not all(set(w.rstrip("*").split("'")) <= TOO_COMMON for w in words):
            terms.append(" ".join(words))
    return list(dict.fromkeys(terms))


def pattern_refused(query: str) -> str | None:
    """Args: what was typed. Returns: why a ``re:`` pattern cannot be searched for, or None.

    The database's full-text index finds words, forms of words and prefixes, never patterns.
    """
    return PATTERN_REFUSED if _PATTERN.match(query.lower()) else None


def too_common(query: str, by_meaning: bool = False) -> str | None:
    """Why the query's words cannot be searched for by keyword, when it has words but none
    worth matching.

    Args:
        query: what was typed.
        by_meaning: search by meaning runs on the query all the same, so only the keyword
            part is skipped (the page shows a note, not an error).

    Returns:
        A plain-English message: for keyword search alone, the search field's error ("Those
        words are too common to search for; add a more specific word"); with search by
        meaning, a note that only matches by meaning are shown. None when there is a
        word to search for (or no word at all).
    """
    words = _WORD.findall(_typed(query))
    if not words or keywords(query):
        return None
    which = "That word is" if len(set(words)) == 1 else "Those words are"
    return (KEYWORDS_SKIPPED if by_meaning else TOO_COMMON_MESSAGE).format(which)


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
