"""Split a theme: a preview of 2-4 sub-themes from cached vectors, then a person applies it.

The preview runs in the worker (``theme_jobs``) and never loads a model: segments not yet
embedded stop it with a plain message. Applying it places every segment by the person, like
the other edits in ``theme_edits``, with the same audit, history and recount.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from analysis.models import BY_MODEL, BY_PERSON, Theme, ThemeSegment
from analysis.services import theme_history as history
from analysis.services.theme_edits import LABEL_MAX, EditError
from analysis.services.theme_store import QUOTES, consultation_themes, refresh_stats
from forum.extensions import db
from forum.models import User
from forum.services import audit

MIN_PARTS = 2  # a split into one part is no split


class CachedOnlyEmbedder:
    """The app's embedder, but refusing to load a model inside a web request."""

    def __init__(self, name: str) -> None:
        self.name = name

    def encode(self, texts: Sequence[str]) -> NoReturn:
        raise EditError("Some of these segments have not been embedded yet. "
                        "Run the analysis again, then split the theme.")


@dataclass
class SplitPart:
    """One proposed sub-theme."""

    label: str
    keywords: list[str]
    segment_ids: list[int]
    representative_ids: list[int]


def fingerprint(theme: Theme) -> str:
    """A short hash of the theme's segments, so a split applies to what was previewed."""
    ids = ",".join(str(link.segment_id) for link in theme.links)
    return hashlib.sha256(ids.encode()).hexdigest()[:16]


def split_preview(theme: Theme) -> list[SplitPart]:
    """Propose 2-4 sub-themes for a theme (``recluster_theme`` on cached vectors).

    Args:
        theme: a theme with at least four segments.

    Returns:
        The sub-themes, largest first.

    Raises:
        EditError: too few segments, or segments not embedded yet.
    """
    from analysis.core.themes import (
        AnalysisResult,
        AnalysisSettings,
        FoundTheme,
        TextModels,
        recluster_theme,
    )
    from analysis.core.themes.edit import MIN_SPLIT_SEGMENTS
    from analysis.services.embeddings import DbEmbeddingCache, current_embedder, current_words
    from analysis.services.inputs import segment_inputs
    from forum.services.segments import usable_segments

    ids = {link.segment_id for link in theme.links}
    rows = [s for s in usable_segments(theme.consultation_id) if s.id in ids]
    if len(rows) < MIN_SPLIT_SEGMENTS:
        raise EditError(f"A theme needs at least {MIN_SPLIT_SEGMENTS} segments to be split")
    segments = segment_inputs(rows)
    draft = FoundTheme(id=0, label=theme.label, code=theme.code, is_new=theme.is_new,
                       keywords=list(theme.keywords or []), segment_count=len(segments),
                       segment_ids=sorted(ids & {s.id for s in segments}))
    result = AnalysisResult(themes=[draft], not_grouped=[], assignments={}, questions={},
                            settings=AnalysisSettings(n_segments=len(segments), method="split"))
    embedder = CachedOnlyEmbedder(current_embedder().name)
    models = TextModels(embedder=embedder, cache=DbEmbeddingCache(), words=current_words())
    split = recluster_theme(result, 0, segments, models)
    # The parts are named among themselves; a name another theme has gets a number.
    taken = {t.label.lower() for t in consultation_themes(theme.consultation_id)
             if t.id != theme.id}
    parts = []
    for found in split.themes:
        # Parts come numbered among themselves ("Mixed comments (2)"): number again from the
        # bare name, never "Mixed comments (2) (2)".
        label, n, bare = found.label, 1, re.sub(r" \(\d+\)$", "", found.label)
        while label.lower() in taken:
            n += 1
            label = f"{bare} ({n})"
        taken.add(label.lower())
        parts.append(SplitPart(label, list(found.keywords), list(found.segment_ids),
                               list(found.representative_ids)))
    if len(parts) < MIN_PARTS:
        raise EditError("These segments are too alike to split into separate themes")
    return sorted(parts, key=lambda p: -len(p.segment_ids))


def split(theme: Theme, parts: list[SplitPart], user: User, ip: str | None = None) -> list[Theme]:
    """Replace a theme by its sub-themes, each segment placed by the person who split it.

    Applying the preview is a person's decision about every segment in it (as "Right
    theme" is about one), so each part's segments are confirmed examples the part's theme
    learns from (``theme_learning``), and a re-run keeps them there.
    """
    consultation_id, label = theme.consultation_id, theme.label
    base = dict(consultation_id=consultation_id, code=theme.code, is_new=theme.is_new,
                broader=theme.broader,
                run_id=theme.run_id, position=theme.position)
    from forum.services.segments import auto_quotable_segments

    quotable = {s.id for s in auto_quotable_segments(consultation_id)}  # the model's picks
    before = history.capture(consultation_id, [theme.id])
    memo = (theme.memo or "").strip()
    db.session.delete(theme)
    db.session.flush()
    made = []
    for part in parts:
        sub = Theme(label=part.label[:LABEL_MAX], label_by=BY_MODEL, keywords=part.keywords,
                    memo=f"From “{label}”: {memo}" if memo else "", **base)
        db.session.add(sub)
        db.session.flush()
        chosen = [s for s in part.representative_ids if s in quotable][:QUOTES]
        quotes = {s: i for i, s in enumerate(chosen)}
        for segment_id in part.segment_ids:
            db.session.add(ThemeSegment(theme_id=sub.id, segment_id=segment_id,
                                        placed_by=BY_PERSON, quote_rank=quotes.get(segment_id)))
        made.append(sub)
    db.session.flush()
    refresh_stats(consultation_id)
    history.largest_first(consultation_id)
    audit.record("theme_split", user, made[0], ip=ip, commit=False, split=label,
                 into=[t.label for t in made])
    history.record(consultation_id, "split", f"Split “{label}” into "
                   + ", ".join(f"“{t.label}”" for t in made), before, user,
                   new_theme_ids=[t.id for t in made])
    db.session.commit()
    return made
