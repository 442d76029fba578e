"""People in charge of themes: rename, check, pin quotes, move, merge and split.

Each edit marks what a person decided (label_by, placed_by, quote_by) so a re-run keeps it,
writes an audit event when it changes the evidence, recounts the stats and commits once.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import delete, select

from forum.extensions import db
from forum.models.base import utcnow
from forum.services import audit

from analysis.models import BY_MODEL, BY_PERSON, Theme, ThemeSegment, UngroupedSegment
from analysis.services.theme_store import QUOTES, consultation_themes, refresh_stats

LABEL_MAX = 120


class EditError(ValueError):
    """An edit that cannot be made, in plain English."""


class CachedOnlyEmbedder:
    """The app's embedder, but refusing to load a model inside a web request."""

    def __init__(self, name: str) -> None:
        self.name = name

    def encode(self, texts):
        raise EditError("Some of these segments have not been embedded yet. "
                        "Run the analysis again, then split the theme.")


def rename(theme: Theme, label: str, user, ip=None) -> None:
    """Give a theme a person's label (kept by later runs)."""
    label = " ".join(label.split())
    if not label:
        raise EditError("Enter a name for the theme")
    if len(label) > LABEL_MAX:
        raise EditError(f"The name must be {LABEL_MAX} characters or fewer")
    old, theme.label, theme.label_by = theme.label, label, BY_PERSON
    audit.record("theme_renamed", user, theme, ip=ip, commit=False, old=old, new=label)
    db.session.commit()


def set_checked(theme: Theme, checked: bool, user, ip=None) -> None:
    """Mark a theme checked by a person, or not checked."""
    theme.checked_at = utcnow() if checked else None
    theme.checked_by_id = user.id if checked else None
    audit.record("theme_checked", user, theme, ip=ip, commit=False, checked=checked)
    db.session.commit()


def _link(theme: Theme, segment_id: int) -> ThemeSegment:
    link = db.session.get(ThemeSegment, (theme.id, segment_id))
    if link is None:
        raise EditError("That segment is not in this theme")
    return link


def pin_quote(theme: Theme, segment_id: int, user, ip=None) -> None:
    """Make a segment one of the theme's quotes (a model-chosen one drops out past five)."""
    from analysis.services.theme_store import _quotable

    link = _link(theme, segment_id)
    if segment_id not in _quotable([segment_id]):
        raise EditError("This member has not agreed to be quoted, so this cannot be a quote")
    quotes = [q for q in theme.quote_links if q.segment_id != segment_id]
    pinned = [q for q in quotes if q.quote_by == BY_PERSON]
    if len(pinned) >= QUOTES:
        raise EditError(f"A theme has at most {QUOTES} quotes. Unpin one first.")
    model = [q for q in quotes if q.quote_by != BY_PERSON][: QUOTES - len(pinned) - 1]
    for dropped in quotes:
        if dropped not in pinned and dropped not in model:
            dropped.quote_rank = None
    for rank, quote in enumerate(pinned + [link] + model):
        quote.quote_rank = rank
    link.quote_by = BY_PERSON
    audit.record("quote_pinned", user, theme, ip=ip, commit=False, segment_id=segment_id)
    db.session.commit()


def unpin_quote(theme: Theme, segment_id: int, user, ip=None) -> None:
    """Take a segment out of the theme's quotes; later runs will not choose it again."""
    link = _link(theme, segment_id)
    link.quote_rank, link.quote_by = None, BY_PERSON
    for rank, quote in enumerate(theme.quote_links):
        quote.quote_rank = rank
    audit.record("quote_unpinned", user, theme, ip=ip, commit=False, segment_id=segment_id)
    db.session.commit()


def move_segment(consultation_id: int, segment_id: int, to: Optional[Theme], user, ip=None) -> None:
    """Move a segment to another theme, or to "Not grouped" when ``to`` is None."""
    from forum.services.segments import usable_segments

    if segment_id not in {s.id for s in usable_segments(consultation_id)}:
        raise EditError("That segment is not part of this consultation's analysis")
    if to is not None and to.consultation_id != consultation_id:
        raise EditError("Choose a theme of this consultation")
    old = db.session.scalar(select(ThemeSegment).join(Theme).where(
        ThemeSegment.segment_id == segment_id, Theme.consultation_id == consultation_id))
    from_id = old.theme_id if old else None
    if old is not None:
        db.session.delete(old)
        db.session.flush()
    db.session.execute(delete(UngroupedSegment).where(UngroupedSegment.segment_id == segment_id))
    if to is None:
        db.session.add(UngroupedSegment(segment_id=segment_id, consultation_id=consultation_id))
    else:
        db.session.add(ThemeSegment(theme_id=to.id, segment_id=segment_id, placed_by=BY_PERSON))
    db.session.flush()
    _renumber_quotes(consultation_id)
    refresh_stats(consultation_id)
    audit.record("segment_moved", user, to, ip=ip, commit=False, segment_id=segment_id,
                 from_theme=from_id, to_theme=to.id if to else None)
    db.session.commit()


def _renumber_quotes(consultation_id: int) -> None:
    for theme in consultation_themes(consultation_id):
        db.session.refresh(theme, ["links"])
        for rank, quote in enumerate(theme.quote_links):
            quote.quote_rank = rank


def merge(theme: Theme, other: Theme, user, ip=None) -> None:
    """Merge ``other`` into ``theme``: its segments move over (as people's placements)."""
    if other.id == theme.id or other.consultation_id != theme.consultation_id:
        raise EditError("Choose another theme of this consultation to merge with")
    moved = [(link.segment_id, link.quote_rank, link.quote_by) for link in other.links]
    other_label = other.label
    db.session.delete(other)
    db.session.flush()
    start = len(theme.quote_links)
    for segment_id, rank, by in moved:
        keep_quote = rank is not None and start < QUOTES
        db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment_id, placed_by=BY_PERSON,
                                    quote_rank=start if keep_quote else None,
                                    quote_by=by))
        start += keep_quote
    theme.checked_at = theme.checked_by_id = None
    db.session.flush()
    db.session.refresh(theme, ["links"])
    refresh_stats(theme.consultation_id)
    audit.record("themes_merged", user, theme, ip=ip, commit=False, merged=other_label,
                 segments=len(moved))
    db.session.commit()


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
    from analysis.services.embeddings import DbEmbeddingCache, current_embedder, current_words
    from analysis.services.themes import segment_inputs
    from analysis.themes import AnalysisResult, AnalysisSettings, Theme as Draft, recluster_theme
    from forum.services.segments import usable_segments

    ids = {link.segment_id for link in theme.links}
    rows = [s for s in usable_segments(theme.consultation_id) if s.id in ids]
    if len(rows) < 4:
        raise EditError("A theme needs at least 4 segments to be split")
    segments = segment_inputs(rows)
    draft = Draft(id=0, label=theme.label, code=theme.code, is_new=theme.is_new,
                  keywords=list(theme.keywords or []), segment_ids=sorted(ids & {s.id for s in segments}),
                  representative_ids=[], segment_count=len(segments), member_count=0,
                  member_total=0, source_count=0, source_total=0)
    settings = AnalysisSettings(len(segments), "split", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", "")
    result = AnalysisResult([draft], [], {}, {}, settings)
    embedder = CachedOnlyEmbedder(current_embedder().name)
    split = recluster_theme(result, 0, segments, embedder, DbEmbeddingCache(), words=current_words())
    parts = [SplitPart(t.label, list(t.keywords), list(t.segment_ids), list(t.representative_ids))
             for t in split.themes]
    if len(parts) < 2:
        raise EditError("These segments are too alike to split into separate themes")
    return sorted(parts, key=lambda p: -len(p.segment_ids))


def split(theme: Theme, parts: list[SplitPart], user, ip=None) -> list[Theme]:
    """Replace a theme by its sub-themes; people's placements stay people's."""
    placed = {link.segment_id for link in theme.links if link.placed_by == BY_PERSON}
    consultation_id, label = theme.consultation_id, theme.label
    base = dict(consultation_id=consultation_id, code=theme.code, is_new=theme.is_new,
                run_id=theme.run_id, position=theme.position)
    from analysis.services.theme_store import _quotable

    quotable = _quotable({s for p in parts for s in p.segment_ids})
    db.session.delete(theme)
    db.session.flush()
    made = []
    for part in parts:
        sub = Theme(label=part.label[:LABEL_MAX], label_by=BY_MODEL, keywords=part.keywords, **base)
        db.session.add(sub)
        db.session.flush()
        chosen = [s for s in part.representative_ids if s in quotable][:QUOTES]
        quotes = {s: i for i, s in enumerate(chosen)}
        for segment_id in part.segment_ids:
            db.session.add(ThemeSegment(theme_id=sub.id, segment_id=segment_id,
                                        placed_by=BY_PERSON if segment_id in placed else BY_MODEL,
                                        quote_rank=quotes.get(segment_id)))
        made.append(sub)
    db.session.flush()
    refresh_stats(consultation_id)
    audit.record("theme_split", user, made[0], ip=ip, commit=False, split=label,
                 into=[t.label for t in made])
    db.session.commit()
    return made
