"""Redacted words leave the staff text that holds them: memos and the consultation's codebook.

Memos and codes are staff's words, but a memo may quote a member ("Dave said Larkspur House
was the worst") and a code may name a place or use a member's words as an example or a search
term. Words redacted after approval become their label there as in the theme names, by the
same rule (``theme_words.word_patterns``, ``scrub_name``); a search term holding them is
dropped, as a theme's keyword is. A theme's code follows its renamed codebook entry
(``theme_words.scrub_code``), and the stored vectors of a code's old texts are deleted.
"""
from __future__ import annotations

from flask_babel import ngettext
from sqlalchemy import select

from analysis.core.themes.guide import anchor_texts, free_text_hash
from analysis.models import CodebookEntry, SegmentMemo, Theme
from analysis.services.embeddings import forget_unused
from analysis.services.theme_words import Patterns, scrub_keywords, scrub_name
from forum.extensions import db
from forum.models import Segment

TEXT_MAX = 20_000  # longer than any description or example the codebook form takes


def scrub_codebook(consultation_id: int, patterns: Patterns) -> tuple[dict[str, str], list[str]]:
    """Put ``[label]`` for the words in the codebook's names, descriptions and examples; drop
    search terms holding them. The caller commits.

    Args:
        consultation_id: the consultation whose codebook it is.
        patterns: ``theme_words.word_patterns`` of the redactions just made.

    Returns:
        ({old code name: new name} for each code renamed, a plain-English line when any code
        changed).
    """
    entries = list(db.session.scalars(select(CodebookEntry).where(
        CodebookEntry.consultation_id == consultation_id).order_by(CodebookEntry.position)))
    names = {entry.name for entry in entries}
    renamed: dict[str, str] = {}
    changed, old_texts, new_texts = 0, set(), set()
    for entry in entries:
        before = (entry.name, entry.description, list(entry.examples or []),
                  list(entry.search_terms or []))
        old_texts.update(anchor_texts(*before[:3]))
        name = scrub_name(entry.name, patterns) or entry.name
        if name != entry.name:
            name = _unused(name, names - {entry.name})  # names are unique in a codebook
            names = (names - {entry.name}) | {name}
            renamed[entry.name], entry.name = name, name
        entry.description = scrub_name(entry.description, patterns, TEXT_MAX) or ""
        entry.examples = [scrub_name(str(text), patterns, TEXT_MAX)
                          for text in entry.examples or []]
        entry.search_terms = scrub_keywords(entry.search_terms, patterns)
        changed += before != (entry.name, entry.description, entry.examples,
                              entry.search_terms)
        new_texts.update(anchor_texts(entry.name, entry.description, entry.examples))
    # The analysis embedded the codes' texts: the old texts' vectors go, as a segment's do.
    forget_unused(free_text_hash(text) for text in old_texts - new_texts)
    return renamed, [ngettext(
        "%(num)d codebook code held the words; it now says what they were instead.",
        "%(num)d codebook codes held the words; they now say what they were instead.",
        changed)] if changed else []


def scrub_memos(consultation_id: int, patterns: Patterns) -> list[str]:
    """Put ``[label]`` for the words in staff memos on the consultation's themes and segments
    (the theme history's copies: ``theme_words_kept``). The caller commits.

    Args:
        consultation_id: the consultation.
        patterns: ``theme_words.word_patterns`` of the redactions just made.

    Returns:
        A plain-English line when any memo changed.
    """
    changed = 0
    for theme in db.session.scalars(select(Theme).where(
            Theme.consultation_id == consultation_id, Theme.memo != "")):
        before, theme.memo = theme.memo, scrub_name(theme.memo, patterns, None) or ""
        changed += theme.memo != before
    for memo in db.session.scalars(select(SegmentMemo).join(
            Segment, Segment.id == SegmentMemo.segment_id).where(
            Segment.consultation_id == consultation_id, SegmentMemo.text != "")):
        before, memo.text = memo.text, scrub_name(memo.text, patterns, None) or ""
        changed += memo.text != before
    return [ngettext(
        "%(num)d staff memo quoted the words; it now says what they were instead.",
        "%(num)d staff memos quoted the words; they now say what they were instead.",
        changed)] if changed else []


def _unused(name: str, taken: set[str]) -> str:
    """The name, numbered when another code already has it ("[place] housing (2)")."""
    number = 2
    found = name
    while found in taken:
        suffix = f" ({number})"
        found, number = name[:120 - len(suffix)] + suffix, number + 1
    return found
