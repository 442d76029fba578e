"""Redacted words leave the theme names kept apart from the themes: each past run's stored
result and the theme history, whose snapshots an undo puts back as the themes' names.

Scrubbed as ``theme_words`` scrubs the themes themselves, so a history snapshot still equals
the theme it was taken of and the edit can still be undone, without the words.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from analysis.models import AnalysisRun, ThemeEdit
from analysis.services.theme_words import Patterns, scrub_code, scrub_keywords, scrub_name
from forum.extensions import db

SUMMARY_MAX = 400  # ThemeEdit.summary's length


def scrub_kept_names(consultation_id: int, patterns: Patterns,
                     renamed: Mapping[str, str] | None = None) -> None:
    """Scrub the words from past runs' theme names and the theme history. The caller commits.

    Args:
        consultation_id: the consultation.
        patterns: ``theme_words.word_patterns`` of the redactions just made.
        renamed: codebook codes renamed (``theme_words_staff.scrub_codebook``), old: new.
    """
    renamed = renamed or {}
    for run in db.session.scalars(select(AnalysisRun).where(
            AnalysisRun.consultation_id == consultation_id, AnalysisRun.result.is_not(None))):
        result = copy.deepcopy(run.result or {})
        for theme in result.get("themes") or []:
            _scrub_theme(theme, patterns, renamed)
        if result != run.result:
            run.result = result  # a new object: JSON columns do not see changes made in place
    for edit in db.session.scalars(select(ThemeEdit).where(
            ThemeEdit.consultation_id == consultation_id)):
        edit.summary = scrub_name(edit.summary, patterns, SUMMARY_MAX) or ""
        for name in ("before", "after"):
            state = copy.deepcopy(getattr(edit, name))
            for theme in (state or {}).get("themes", {}).values():
                _scrub_theme(theme, patterns, renamed)
            if state != getattr(edit, name):
                setattr(edit, name, state)


def _scrub_theme(theme: dict[str, Any], patterns: Patterns, renamed: Mapping[str, str]) -> None:
    """A theme as a run or a snapshot stored it: its name, broader group, keywords, code and
    memo, each as the live theme's is scrubbed (so a snapshot still equals its theme)."""
    for field in ("label", "broader"):
        if isinstance(theme.get(field), str):
            theme[field] = scrub_name(theme[field], patterns)
    if isinstance(theme.get("code"), str):
        theme["code"] = scrub_code(theme["code"], patterns, renamed)
    if isinstance(theme.get("memo"), str):
        theme["memo"] = scrub_name(theme["memo"], patterns, None)
    if isinstance(theme.get("keywords"), list):
        theme["keywords"] = scrub_keywords(theme["keywords"], patterns)
