"""What a page says about each theme: quotes, counts, groups, overlaps, dominance.

Pure functions over segments, vectors and the rows of each theme, so the web layer can
redo them after a person merges, splits or moves segments.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from .embed import normalise_rows
from .quotes import evidence_rich, substantive
from .schema import CoOccurrence, GroupCount, SegmentInput

__all__ = [
    "MIN_GROUP_SIZE",
    "breakdown_groups",
    "co_occurrence",
    "dominance",
    "member_groups",
    "pick_representatives",
]

MIN_GROUP_SIZE = 5
DOMINANCE_SHARE = 0.5
DOMINANCE_MIN_SEGMENTS = 4
SUPPRESSED = "fewer than 5"
NOT_STATED = "not stated"


LONG_QUOTE_WORDS = 80  # longer segments make poor representative quotes, so rank lower


def _is_document(segment: SegmentInput) -> bool:
    return segment.kind == "document"


def pick_representatives(rows: Sequence[int], vectors: np.ndarray,
                         segments: Sequence[SegmentInput], n: int = 5,
                         diversity: float = 0.35, duplicate: float = 0.92) -> list[int]:
    """Choose central, substantive quotes unlike each other, from as many members as possible.

    Public documents are never chosen while members' words exist (they must not read as
    a member's quote). Only ``substantive`` segments are candidates while any exist
    (never back-channel or mostly placeholders); ``evidence_rich`` ones (an experience
    or a proposal) rank higher; a member already quoted waits until every other member
    of the theme has a quote; near-duplicates (cosine above ``duplicate``) are skipped.

    Args:
        rows: row indices of the theme's segments.
        vectors: (n, d) unit rows for all segments.
        segments: all segments (row-aligned with ``vectors``).
        n: quotes wanted; callers ask for more than they show, so that quotes a
            member may not be quoted in can be passed over.
        diversity: weight of unlikeness against centrality (0 = only central).
        duplicate: similarity above which a candidate counts as the same quote.

    Returns:
        Segment ids, most representative first.
    """
    rows = list(rows)
    if not rows:
        return []
    members_rows = [r for r in rows if not _is_document(segments[r])]
    candidates = members_rows or rows
    candidates = [r for r in candidates if substantive(segments[r].text)] or candidates
    centre = normalise_rows(vectors[rows].mean(axis=0, keepdims=True))[0]
    relevance = vectors[candidates] @ centre
    relevance = relevance + np.array([0.1 if evidence_rich(segments[r].text) else 0.0
                                      for r in candidates])
    relevance = relevance - np.array([0.05 if len(segments[r].text.split()) > LONG_QUOTE_WORDS
                                      else 0.0 for r in candidates])
    chosen: list[int] = []
    speakers: set[int | None] = set()
    texts: set[str] = set()
    spread = True
    while len(chosen) < min(n, len(candidates)):
        unheard = ({segments[candidates[i]].member_id for i in range(len(candidates))
                    if i not in chosen} - speakers) if spread else set()
        best, best_score = None, -np.inf
        for i, row in enumerate(candidates):
            if i in chosen or segments[row].text_hash in texts:
                continue
            if unheard and segments[row].member_id in speakers:
                continue  # every member of the theme gets a quote before anyone gets two
            likeness = max((float(vectors[row] @ vectors[candidates[j]]) for j in chosen),
                           default=0.0)
            if likeness > duplicate:
                continue
            score = (1 - diversity) * relevance[i] - diversity * likeness
            if score > best_score:  # strict: ties keep the earlier (stable) row
                best, best_score = i, score
        if best is None and spread:
            spread = False  # the unheard members' words are all near-duplicates: allow repeats
            continue
        if best is None:
            break
        chosen.append(best)
        speakers.add(segments[candidates[best]].member_id)
        texts.add(segments[candidates[best]].text_hash)
    return [segments[candidates[i]].id for i in chosen]


def member_groups(segments: Sequence[SegmentInput]) -> dict[int, dict[str, str]]:
    """Each member's demographics, merged over their segments (first answer wins).

    Args:
        segments: segments in a stable order.

    Returns:
        {member id: {key: value}}.
    """
    groups: dict[int, dict[str, str]] = {}
    for segment in segments:
        if segment.member_id is None:
            continue
        mine = groups.setdefault(segment.member_id, {})
        for key, value in segment.group.items():
            if value not in (None, "") and key not in mine:
                mine[key] = str(value)
    return groups


def _cell(key: str, value: str, members: int, total: int, min_size: int) -> GroupCount:
    hidden = 0 < members < min_size
    total_hidden = 0 < total < min_size
    return GroupCount(key, value, None if hidden else members, None if total_hidden else total,
                      hidden, SUPPRESSED if hidden else str(members))


def breakdown_groups(theme_members: set[int], groups: dict[int, dict[str, str]],
                     min_size: int = MIN_GROUP_SIZE) -> dict[str, list[GroupCount]]:
    """Distinct members per demographic group, with small groups suppressed.

    A count of 1 to ``min_size - 1`` is shown as "fewer than 5". If only one cell of a
    key would be hidden, the next smallest is hidden too, or the hidden one could be
    worked out from the theme's member count.

    Args:
        theme_members: member ids with segments in the theme.
        groups: from ``member_groups`` over the whole run.
        min_size: the suppression threshold.

    Returns:
        {key: [GroupCount, ...]} with values in alphabetical order.
    """
    keys = sorted({k for g in groups.values() for k in g})
    out = {}
    for key in keys:
        theme_counts = Counter(groups.get(m, {}).get(key, NOT_STATED) for m in theme_members)
        totals = Counter(g.get(key, NOT_STATED) for g in groups.values())
        cells = [_cell(key, v, theme_counts.get(v, 0), totals[v], min_size)
                 for v in sorted(totals)]
        hidden = [c for c in cells if c.suppressed]
        shown = [c for c in cells if not c.suppressed and (c.members or 0) > 0]
        if len(hidden) == 1 and shown:
            smallest = min(shown, key=lambda c: (c.members, c.value))
            cells = [GroupCount(c.key, c.value, None, c.total, True, SUPPRESSED)
                     if c is smallest else c for c in cells]
        out[key] = cells
    return out


def co_occurrence(theme_rows: Mapping[int, Sequence[int]],
                  segments: Sequence[SegmentInput]) -> dict[int, list[CoOccurrence]]:
    """For each theme, the other themes sharing members or sources with it.

    Args:
        theme_rows: {theme id: row indices}.
        segments: all segments.

    Returns:
        {theme id: [CoOccurrence, ...]} most shared members first.
    """
    members = {t: {segments[r].member_id for r in rows} - {None} for t, rows in theme_rows.items()}
    sources = {t: {segments[r].source_key for r in rows} for t, rows in theme_rows.items()}
    out: dict[int, list[CoOccurrence]] = defaultdict(list)
    for a in theme_rows:
        for b in theme_rows:
            if a == b:
                continue
            shared_m, shared_s = len(members[a] & members[b]), len(sources[a] & sources[b])
            if shared_m or shared_s:
                out[a].append(CoOccurrence(b, shared_m, shared_s))
        out[a].sort(key=lambda c: (-c.shared_members, -c.shared_sources, c.theme_id))
    return {t: out.get(t, []) for t in theme_rows}


def dominance(rows: Sequence[int], segments: Sequence[SegmentInput],
              share: float = DOMINANCE_SHARE,
              min_segments: int = DOMINANCE_MIN_SEGMENTS) -> tuple[bool, float]:
    """Say whether one talkative member carries a theme.

    Args:
        rows: the theme's row indices.
        segments: all segments.
        share: flagged when one member said more than this share of the segments...
        min_segments: ...and the theme has at least this many segments.

    Returns:
        (flag, the top member's share of the theme's segments, 0 when no members).
    """
    said = Counter(segments[r].member_id for r in rows if segments[r].member_id is not None)
    if not said:
        return False, 0.0
    top = max(said.values()) / len(rows)
    return bool(len(rows) >= min_segments and top > share), round(top, 3)
