"""Words a person redacts after approval leave the names the analysis gave its themes too.

A run names its themes (label, keywords, broader group) from what was said: a town, a prison
or a person's name that was not redacted at approval can be in them, and stays there after
the words leave the segments (``segment_resets``) until the analysis runs again.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from flask_babel import ngettext
from sqlalchemy import select

from analysis.models import Theme
from forum.extensions import db

# Words that open a name but say nothing of whose it is: "Mr Hartley" leaves "Mr" alone.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "the", "and", "saint"})
NAME_MIN = 3  # shorter words in a redaction ("Ed", "St") would rename themes they are not in


def scrub_theme_words(consultation_id: int, taken: Iterable[tuple[str, str]],
                      renamed: Mapping[str, str] | None = None) -> list[str]:
    """Put ``[label]`` for redacted words in the consultation's theme names; drop keywords
    holding them. The caller commits (``theme_words_kept`` scrubs the names kept elsewhere,
    ``theme_words_staff`` the memos and codebook).

    Args:
        consultation_id: the consultation whose themes are named.
        taken: (the words as said, the label they became) for each redaction just made.
        renamed: codebook codes renamed by ``theme_words_staff.scrub_codebook`` (old: new).

    Returns:
        A plain-English line saying how many themes were renamed (empty: none).
    """
    patterns = word_patterns(taken)
    if not patterns:
        return []
    changed = 0
    for theme in db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)):
        before = (theme.label, theme.broader, list(theme.keywords or []))
        theme.label = scrub_name(theme.label, patterns) or ""
        theme.broader = scrub_name(theme.broader, patterns)
        theme.keywords = scrub_keywords(theme.keywords, patterns)
        theme.code = scrub_code(theme.code, patterns, renamed or {})
        changed += (theme.label, theme.broader, list(theme.keywords or [])) != before
    return [ngettext("%(num)d theme's name or keywords held the words; they now say what the "
                     "words were instead, as the transcript does.",
                     "%(num)d themes' names or keywords held the words; they now say what the "
                     "words were instead, as the transcript does.", changed)] if changed else []


Patterns = list[tuple[re.Pattern[str], str]]


def word_patterns(taken: Iterable[tuple[str, str]]) -> Patterns:
    """Args: (the words as said, the label they became) pairs. Returns: (pattern, label)
    pairs matching the words whole, and each name among them on its own."""
    return [(re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE), label)
            for words, label in taken for word in name_words(words)]


def scrub_name(name: str | None, patterns: Patterns, limit: int | None = 120) -> str | None:
    """Args: a name (or None), ``word_patterns``, its longest length (a theme's: 120; None:
    no limit, for memos, whose text must never be cut). Returns: it with ``[label]`` for the
    words."""
    if not name:
        return name
    for pattern, label in patterns:
        name = pattern.sub(f"[{label}]", name)[:limit]
    return name


Piece = str | tuple[str, int, str]  # text as it is, or (label, pattern index, the words)


def scrub_pieces(text: str, patterns: Patterns) -> list[Piece]:
    """``scrub_name`` (no limit) that says where each label went and for which pattern.

    Args:
        text: a memo.
        patterns: ``word_patterns``.

    Returns:
        The text in pieces, in order: text kept as it is, and (label, index of the pattern in
        ``patterns``, the words it matched) for each label; a label put in is never matched
        again ("[place]" stays whole when "place" is redacted too).
    """
    pieces: list[Piece] = [text] if text else []
    for index, (pattern, label) in enumerate(patterns):
        out: list[Piece] = []
        for piece in pieces:
            if not isinstance(piece, str):
                out.append(piece)
                continue
            at = 0
            for found in pattern.finditer(piece):
                out += [piece[at:found.start()], (label, index, found.group())]
                at = found.end()
            out.append(piece[at:])
        pieces = [piece for piece in out if piece != ""]
    return pieces


def scrub_code(code: str | None, patterns: Patterns, renamed: Mapping[str, str]) -> str | None:
    """Args: a theme's code (or None), ``word_patterns``, the codebook's codes renamed (old:
    new). Returns: the code its entry now has, or, for a code no longer in the codebook, the
    code with ``[label]`` for the words."""
    return renamed.get(code) or scrub_name(code, patterns) if code else code


def scrub_keywords(keywords: Iterable[object] | None, patterns: Patterns) -> list[object]:
    """Args: keywords (or None), ``word_patterns``. Returns: those holding none of the words."""
    return [k for k in keywords or [] if not any(p.search(str(k)) for p, _label in patterns)]


def name_words(words: str) -> list[str]:
    """Args: redacted words. Returns: them whole, and each word in them that reads as a name
    on its own (the order ``word_patterns`` makes a pattern of each in)."""
    words = words.strip()
    names = [w for w in re.findall(r"\w[\w'\u2019-]*", words)
             if len(w) >= NAME_MIN and (w[0].isupper() or w[0].isdigit())
             and w.lower() not in _TITLES]
    return list(dict.fromkeys([words, *names] if words else names))
