"""Words a person redacts after approval leave the names the analysis gave its themes too.

A run names its themes (label, keywords, broader group) from what was said: a town, a prison
or a person's name that was not redacted at approval can be in them, and stays there after
the words leave the segments (``segment_resets``) until the analysis runs again.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from flask_babel import ngettext
from sqlalchemy import select

from analysis.models import Theme
from forum.extensions import db

# Words that open a name but say nothing of whose it is: "Mr Hartley" leaves "Mr" alone.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "the", "and", "saint"})
NAME_MIN = 3  # shorter words in a redaction ("Ed", "St") would rename themes they are not in


def scrub_theme_words(consultation_id: int, taken: Iterable[tuple[str, str]]) -> list[str]:
    """Put ``[label]`` for redacted words in the consultation's theme names; drop keywords
    holding them. The caller commits.

    Args:
        consultation_id: the consultation whose themes are named.
        taken: (the words as said, the label they became) for each redaction just made.

    Returns:
        A plain-English line saying how many themes were renamed (empty: none).
    """
    patterns = [(re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE), label)
                for words, label in taken for word in _words(words)]
    if not patterns:
        return []
    renamed = 0
    for theme in db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)):
        before = (theme.label, theme.broader, list(theme.keywords or []))
        for pattern, label in patterns:
            theme.label = pattern.sub(f"[{label}]", theme.label)[:120]
            if theme.broader:
                theme.broader = pattern.sub(f"[{label}]", theme.broader)[:120]
            theme.keywords = [k for k in theme.keywords or [] if not pattern.search(str(k))]
        renamed += (theme.label, theme.broader, list(theme.keywords or [])) != before
    return [ngettext("%(num)d theme's name or keywords held the words; they now say what the "
                     "words were instead, as the transcript does.",
                     "%(num)d themes' names or keywords held the words; they now say what the "
                     "words were instead, as the transcript does.", renamed)] if renamed else []


def _words(words: str) -> list[str]:
    """The redacted words whole, and each word in them that reads as a name on its own."""
    words = words.strip()
    names = [w for w in re.findall(r"\w[\w'\u2019-]*", words)
             if len(w) >= NAME_MIN and (w[0].isupper() or w[0].isdigit())
             and w.lower() not in _TITLES]
    return list(dict.fromkeys([words, *names] if words else names))
