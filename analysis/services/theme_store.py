"""Write a run's themes to the database, keeping what people decided, and keep stats current.

Nothing here commits: the caller commits once, so a failure part-way leaves the old
themes exactly as they were.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Sequence

from sqlalchemy import delete, select

from forum.extensions import db
from forum.models import Segment

from analysis.models import (BY_MODEL, BY_PERSON, SegmentQuestionMap, Theme, ThemeSegment,
                             UngroupedSegment)

QUOTES = 5


def consultation_themes(consultation_id: int) -> list[Theme]:
    """Args: consultation_id. Returns: its themes in display order."""
    return list(db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)
                                   .order_by(Theme.position, Theme.id)))


def _quotable(segment_ids) -> set[int]:
    from forum.services.segments import quotable_segments

    rows = db.session.scalars(select(Segment.consultation_id).where(Segment.id.in_(list(segment_ids)))
                              .limit(1)).all()
    if not rows:
        return set()
    return {s.id for s in quotable_segments(rows[0])}


def _carry_decisions(old: list[Theme], result, usable: set[int], ungrouped: set[int]):
    """Work out each theme's final segments: the model's, then people's moves on top.

    Returns:
        (pairs, placed): pairs is a list of (old Theme or None, new result Theme or None,
        segment ids); placed maps segment id -> theme it was placed in by a person.
    """
    from analysis.themes import match_previous_themes

    previous = {t.id: [link.segment_id for link in t.links] for t in old}
    matched = match_previous_themes(previous, result) if old else {}
    old_by_id = {t.id: t for t in old}
    new_to_old = {new: old_by_id[o] for new, o in matched.items()}
    placed = {link.segment_id: link.theme_id for t in old for link in t.links
              if link.placed_by == BY_PERSON and link.segment_id in usable}
    pairs = [(new_to_old.get(t.id), t, set(t.segment_ids) - ungrouped - set(placed))
             for t in result.themes]
    kept = {id(p[0]) for p in pairs if p[0] is not None}
    # A theme the model no longer finds survives while it holds segments people placed there.
    pairs += [(t, None, set()) for t in old if id(t) not in kept and t.id in placed.values()]
    for old_theme, _, ids in pairs:
        if old_theme is not None:
            ids |= {s for s, theme_id in placed.items() if theme_id == old_theme.id}
    return pairs, placed


def apply_result(run, result, segments: Sequence) -> list[Theme]:
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
    pairs, placed = _carry_decisions(old, result, usable, ungrouped)
    person_quotes = {(link.theme_id, link.segment_id): link.quote_rank for t in old
                     for link in t.links if link.quote_by == BY_PERSON}
    before = {t.id: {link.segment_id for link in t.links} for t in old}
    quotable = _quotable(usable)

    # Old links go first, in SQL, so new rows never meet the unique segment constraint.
    for theme in old:
        for link in list(theme.links):
            db.session.expunge(link)
    if old:
        db.session.execute(delete(ThemeSegment).where(ThemeSegment.theme_id.in_([t.id for t in old])))
        for theme in old:
            db.session.expire(theme, ["links"])
    survivors = {id(p[0]) for p in pairs if p[0] is not None}
    for theme in old:
        if id(theme) not in survivors:
            db.session.delete(theme)

    themes = []
    for position, (theme, new, ids) in enumerate(pairs):
        if theme is None:
            theme = Theme(consultation_id=consultation_id, label=new.label, label_by=BY_MODEL)
            db.session.add(theme)
        elif new is not None and theme.label_by != BY_PERSON:
            theme.label = new.label
        if new is not None:
            theme.code, theme.is_new, theme.keywords = new.code, new.is_new, list(new.keywords)
        if theme.id is not None and before.get(theme.id) != ids:
            theme.checked_at = theme.checked_by_id = None
        theme.run_id, theme.position = run.id, position
        db.session.flush()
        mine = {s: r for (t, s), r in person_quotes.items() if t == theme.id and s in ids}
        pinned = sorted((s for s, r in mine.items() if r is not None), key=lambda s: mine[s])
        model = [s for s in (new.representative_ids if new else [])
                 if s in ids and s not in mine and s in quotable][:max(0, QUOTES - len(pinned))]
        rank = {s: i for i, s in enumerate(pinned + model)}
        for segment_id in sorted(ids):
            db.session.add(ThemeSegment(
                theme_id=theme.id, segment_id=segment_id,
                placed_by=BY_PERSON if placed.get(segment_id) == theme.id else BY_MODEL,
                quote_rank=rank.get(segment_id),
                quote_by=BY_PERSON if segment_id in mine else None))
        themes.append(theme)
    db.session.flush()
    _save_question_links(consultation_id, run.id, result)
    refresh_stats(consultation_id, segments)
    return themes


def _save_question_links(consultation_id: int, run_id: int, result) -> None:
    ids = select(Segment.id).where(Segment.consultation_id == consultation_id)
    db.session.execute(delete(SegmentQuestionMap).where(SegmentQuestionMap.segment_id.in_(ids)))
    for segment_id, link in result.questions.items():
        if link.source == "model" and link.question_id is not None:
            db.session.add(SegmentQuestionMap(segment_id=segment_id, question_id=link.question_id,
                                              confidence=float(link.confidence), run_id=run_id))


def refresh_stats(consultation_id: int, segments: Sequence | None = None) -> None:
    """Recount every theme's members, sources, groups, overlaps and one-member flag.

    Args:
        consultation_id: the consultation.
        segments: its usable ``SegmentInput`` rows (loaded when None).
    """
    from analysis.themes import breakdown_groups, co_occurrence, dominance, member_groups

    if segments is None:
        from analysis.services.themes import segment_inputs
        from forum.services.segments import usable_segments

        segments = segment_inputs(usable_segments(consultation_id))
    segments = sorted(segments, key=lambda s: s.id)
    row_of = {s.id: i for i, s in enumerate(segments)}
    themes = consultation_themes(consultation_id)
    rows = {t.id: [row_of[link.segment_id] for link in t.links if link.segment_id in row_of]
            for t in themes}
    groups = member_groups(segments)
    member_total = len({s.member_id for s in segments if s.member_id is not None})
    source_total = len({s.source_key for s in segments})
    overlaps = co_occurrence(rows, segments)
    for theme in themes:
        mine = rows[theme.id]
        members = {segments[r].member_id for r in mine} - {None}
        flag, share = dominance(mine, segments)
        theme.stats = {
            "segments": len(mine), "members": len(members), "member_total": member_total,
            "sources": len({segments[r].source_key for r in mine}), "source_total": source_total,
            "groups": {key: [asdict(c) for c in cells]
                       for key, cells in breakdown_groups(members, groups).items()},
            "co_occurrence": [asdict(c) for c in overlaps[theme.id]],
            "one_member": flag, "top_member_share": share,
        }
    db.session.flush()


def refresh_all_stats(_hashes=()) -> None:
    """Recount every consultation's themes (after a member is erased; same transaction)."""
    ids = set(db.session.scalars(select(Theme.consultation_id)))
    db.session.flush()
    for consultation_id in sorted(ids):
        db.session.expire_all()
        refresh_stats(consultation_id)
