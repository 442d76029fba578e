"""Write a run's themes to the database, keeping what people decided, and keep stats current.

Nothing here commits: the caller commits once, so a failure part-way leaves the old
themes exactly as they were.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import delete, select

from analysis.models import (
    BY_MODEL,
    BY_PERSON,
    BY_SUGGESTION,
    SegmentQuestionMap,
    Theme,
    ThemeAlso,
    ThemeSegment,
    UngroupedSegment,
)
from analysis.services.theme_learning import carry_decisions
from forum.extensions import db
from forum.models import Member, Segment
from forum.services.segments import auto_quotable_segments

QUOTES = 5

if TYPE_CHECKING:
    from analysis.core.themes.schema import AnalysisResult, FoundTheme, SegmentInput
    from analysis.models import AnalysisRun

class MemberSegment(Protocol):
    """A segment row or a ``SegmentInput``: what member counts read of it."""

    @property
    def id(self) -> int: ...

    @property
    def member_id(self) -> int | None: ...


def consultation_themes(consultation_id: int) -> list[Theme]:
    """Args: consultation_id. Returns: its themes in display order."""
    return list(db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)
                                   .order_by(Theme.position, Theme.id)))


def apply_result(run: AnalysisRun, result: AnalysisResult,
                 segments: Sequence[SegmentInput]) -> list[Theme]:
    """Replace the consultation's themes with a run's, keeping people's decisions.

    Kept where the segments are the same (themes paired by ``match_previous_themes``):
    labels people renamed, segments people moved (or moved to "Not grouped"), quotes
    people pinned or unpinned, and "checked" unless the theme's segments changed.

    Args:
        run: the ``AnalysisRun``.
        result: its ``AnalysisResult``.
        segments: the ``SegmentInput`` rows the run analysed.

    Returns:
        The themes, in order (flushed, not committed).
    """
    consultation_id = run.consultation_id
    old = consultation_themes(consultation_id)
    usable = {s.id for s in segments}
    ungrouped = set(db.session.scalars(select(UngroupedSegment.segment_id).where(
        UngroupedSegment.consultation_id == consultation_id)))
    pairs, placed_by = carry_decisions(old, result, segments)
    person_quotes = {(link.theme_id, link.segment_id): link.quote_rank for t in old
                     for link in t.links if link.quote_by == BY_PERSON}
    before = {t.id: {link.segment_id for link in t.links} for t in old}
    # Quotes the model picks by itself: never words flagged for safeguarding.
    quotable = {s.id for s in auto_quotable_segments(consultation_id)}

    # Old links go first, in SQL, so new rows never meet the unique segment constraint.
    for theme in old:
        for link in list(theme.links):
            db.session.expunge(link)
    if old:
        old_ids = [t.id for t in old]
        db.session.execute(delete(ThemeSegment).where(ThemeSegment.theme_id.in_(old_ids)))
        db.session.execute(delete(ThemeAlso).where(ThemeAlso.theme_id.in_(old_ids)))
        for theme in old:
            db.session.expire(theme, ["links"])
    survivors = {id(p[0]) for p in pairs if p[0] is not None}
    for theme in old:
        if id(theme) not in survivors:
            db.session.delete(theme)

    themes: list[Theme] = []
    pairs_also: list[tuple[Theme, FoundTheme | None]] = []
    for position, (kept, new, ids) in enumerate(pairs):
        theme = kept if kept is not None else _new_theme(consultation_id, new)
        if new is not None and theme.label_by != BY_PERSON:
            theme.label = new.label
            theme.label_by = BY_SUGGESTION if new.label_suggested else BY_MODEL
        if new is not None:
            theme.code, theme.is_new, theme.keywords = new.code, new.is_new, list(new.keywords)
            theme.broader = new.broader
        # A theme the run did not find (kept for people's decisions) has no measured stability.
        measured = new is not None and new.found_again is not None
        theme.found_again = new.found_again if new is not None and measured else None
        theme.resamples = result.settings.resamples if measured else None
        if theme.id is not None and before.get(theme.id) != ids:
            theme.checked_at = theme.checked_by_id = None
        theme.run_id, theme.position = run.id, position
        db.session.flush()
        mine = {s: r for (t, s), r in person_quotes.items() if t == theme.id and s in ids}
        pinned = sorted((s for s, r in mine.items() if r is not None), key=lambda s: mine[s] or 0)
        model = [s for s in (new.representative_ids if new else [])
                 if s in ids and s not in mine and s in quotable][:max(0, QUOTES - len(pinned))]
        rank = {s: i for i, s in enumerate(pinned + model)}
        for segment_id in sorted(ids):
            by, sure = placed_by.get(segment_id, (BY_MODEL, None))
            db.session.add(ThemeSegment(
                theme_id=theme.id, segment_id=segment_id, placed_by=by, confidence=sure,
                quote_rank=rank.get(segment_id),
                quote_by=BY_PERSON if segment_id in mine else None))
        themes.append(theme)
        pairs_also.append((theme, new))
    db.session.flush()
    _save_also(pairs_also, usable - ungrouped)
    _save_question_links(consultation_id, run.id, result)
    refresh_stats(consultation_id, segments)
    return themes


def _new_theme(consultation_id: int, new: FoundTheme | None) -> Theme:
    assert new is not None  # a pair without an old theme comes from the run
    theme = Theme(consultation_id=consultation_id, label=new.label)
    db.session.add(theme)
    return theme


def _save_also(pairs: list[tuple[Theme, FoundTheme | None]], allowed: set[int]) -> None:
    """Record the other themes a segment is nearly as close to (never its own theme)."""
    own = {link.segment_id: theme.id for theme, _ in pairs for link in theme.links}
    for theme, new in pairs:
        for segment_id in (new.also_ids if new is not None else []):
            if segment_id in allowed and own.get(segment_id) not in (None, theme.id):
                db.session.add(ThemeAlso(theme_id=theme.id, segment_id=segment_id))
    db.session.flush()


def _save_question_links(consultation_id: int, run_id: int, result: AnalysisResult) -> None:
    ids = select(Segment.id).where(Segment.consultation_id == consultation_id)
    db.session.execute(delete(SegmentQuestionMap).where(SegmentQuestionMap.segment_id.in_(ids)))
    for segment_id, link in result.questions.items():
        if link.source == "model" and link.question_id is not None:
            db.session.add(SegmentQuestionMap(segment_id=segment_id, question_id=link.question_id,
                                              confidence=float(link.confidence), run_id=run_id))


def theme_members(themes: Iterable[Theme],
                  segments: Iterable[MemberSegment]) -> dict[int, set[int]]:
    """The members each theme heard from: the one count behind the themes page and exports.

    A theme counts the members of its own segments and of segments nearly as close to it
    (``ThemeAlso``: a segment carries up to 3 themes), among ``segments`` only.

    Args:
        themes: ``Theme`` rows.
        segments: the usable segments (rows or ``SegmentInput``s: ``id`` and ``member_id``).

    Returns:
        {theme id: member ids}; anonymous survey answers have no member.
    """
    return _members_of(_theme_segment_ids(themes), segments)


def _members_of(theme_ids: dict[int, list[int]],
                segments: Iterable[MemberSegment]) -> dict[int, set[int]]:
    member_of = {s.id: s.member_id for s in segments}
    return {theme_id: {m for i in ids if (m := member_of.get(i)) is not None}
            for theme_id, ids in theme_ids.items()}


def _theme_segment_ids(themes: Iterable[Theme]) -> dict[int, list[int]]:
    """Each theme's own segment ids, then the ids of segments nearly as close to it."""
    ids = {t.id: [link.segment_id for link in t.links] for t in themes}
    for theme_id, segment_id in db.session.execute(select(ThemeAlso.theme_id, ThemeAlso.segment_id)
                                                   .where(ThemeAlso.theme_id.in_(list(ids)))):
        if segment_id not in ids[theme_id]:
            ids[theme_id].append(segment_id)
    return ids


def refresh_stats(consultation_id: int, segments: Sequence[SegmentInput] | None = None) -> None:
    """Recount every theme's members, sources, groups, overlaps and one-member flag.

    Args:
        consultation_id: the consultation.
        segments: its usable ``SegmentInput`` rows (loaded when None).
    """
    from analysis.core.themes import breakdown_groups, co_occurrence, dominance, member_groups

    if segments is None:
        from analysis.services.inputs import counting_inputs

        segments = counting_inputs(consultation_id)
    segments = sorted(segments, key=lambda s: s.id)
    row_of = {s.id: i for i, s in enumerate(segments)}
    themes = consultation_themes(consultation_id)
    rows = {t.id: [row_of[link.segment_id] for link in t.links if link.segment_id in row_of]
            for t in themes}
    segment_ids = _theme_segment_ids(themes)
    near = {theme_id: [row_of[i] for i in ids if i in row_of]
            for theme_id, ids in segment_ids.items()}
    heard = _members_of(segment_ids, segments)
    groups = member_groups(segments)
    member_total = len({s.member_id for s in segments if s.member_id is not None})
    source_total = len({s.source_key for s in segments})
    overlaps = co_occurrence(rows, segments)
    for theme in themes:
        own, mine = rows[theme.id], near[theme.id]
        members = heard[theme.id]
        flag, share = dominance(mine, segments)
        theme.stats = {
            "segments": len(own), "also_segments": len(mine) - len(own),
            "members": len(members), "member_total": member_total,
            "sources": len({segments[r].source_key for r in mine}), "source_total": source_total,
            "groups": {key: [asdict(c) for c in cells]
                       for key, cells in breakdown_groups(members, groups).items()},
            "co_occurrence": [asdict(c) for c in overlaps[theme.id]],
            "one_member": flag, "top_member_share": share,
        }
    db.session.flush()


def refresh_all_stats(_hashes: Iterable[str] = ()) -> None:
    """Recount every consultation's themes (after a member is erased; same transaction)."""
    ids = set(db.session.scalars(select(Theme.consultation_id)))
    db.session.flush()
    for consultation_id in sorted(ids):
        db.session.expire_all()
        refresh_stats(consultation_id)


def refresh_themes_holding(segment_ids: Iterable[int]) -> None:
    """Recount the themes of each consultation whose themes hold any of these segments.

    Called the moment segments leave or rejoin analysis (a safeguarding hold or its review,
    a consent change), so the themes pages never show counts from before it.

    Args:
        segment_ids: the segments whose use changed; in a theme as its own or nearly as close.
    """
    ids = list(segment_ids)
    if not ids:
        return
    db.session.flush()
    own = select(Theme.consultation_id).join(ThemeSegment).where(ThemeSegment.segment_id.in_(ids))
    near = (select(Theme.consultation_id).join(ThemeAlso, ThemeAlso.theme_id == Theme.id)
            .where(ThemeAlso.segment_id.in_(ids)))
    for consultation_id in sorted(set(db.session.scalars(own)) | set(db.session.scalars(near))):
        refresh_stats(consultation_id)


def on_consent_changed(member: Member, erased: bool = False, **_: Any) -> None:
    """Receiver of ``consent_changed``: recount the themes that hold the member's words.

    An erasure is recounted by ``refresh_all_stats`` once the words are gone.
    """
    if erased:
        return
    refresh_themes_holding(db.session.scalars(select(Segment.id)
                                              .where(Segment.member_id == member.id)))
