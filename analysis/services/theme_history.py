"""The history of people's theme edits, and undo.

Each edit (``analysis.services.theme_edits``) takes a ``capture`` of the themes and segments
it is about to touch, makes its change, then ``record``s the edit with a second capture.
``undo`` puts the first capture back, but only while the second still matches what is in
the database: a later edit to the same themes, or a new analysis run, must not be lost.
Nothing here commits; the caller commits once.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select

from analysis.models import AnalysisRun, Theme, ThemeEdit, ThemeSegment, UngroupedSegment
from forum.extensions import db
from forum.models import Segment, User
from forum.models.base import utcnow

# Fields of a theme an undo puts back. Stats are recounted and positions sorted again
# (largest first); the memo is only put back on a theme that comes back from a merge or split,
# since memos are not edits and a later memo must never be lost to an undo.
FIELDS = ("label", "label_by", "code", "is_new", "keywords", "run_id", "checked_by_id")
HISTORY_SHOWN = 30


class UndoError(ValueError):
    """An edit that cannot be undone, in plain English."""


def capture(consultation_id: int, theme_ids: Iterable[int],
            segment_ids: Iterable[int] = ()) -> dict[str, Any]:
    """The state an edit may change: the themes (with every segment link) and where the
    segments they hold, plus ``segment_ids``, are placed.

    Args:
        consultation_id: the consultation.
        theme_ids: themes the edit touches (ids of themes that do not exist are skipped).
        segment_ids: further segments the edit moves (to or from "Not grouped").

    Returns:
        JSON-able data for ``ThemeEdit.before`` / ``after``.
    """
    db.session.flush()
    themes = list(db.session.scalars(select(Theme).where(
        Theme.id.in_(list(set(theme_ids))), Theme.consultation_id == consultation_id)))
    state: dict[str, Any] = {"themes": {}, "segments": sorted(set(segment_ids))}
    for theme in themes:
        db.session.refresh(theme, ["links"])
        data = {name: getattr(theme, name) for name in FIELDS}
        data["memo"] = theme.memo or ""
        data["broader"] = theme.broader
        data["stability"] = [theme.found_again, theme.resamples]
        # Aware, as the time is set; SQLite reads it back naive, and the two must compare equal
        # or a check could never be undone ("changed again afterwards").
        data["checked_at"] = _aware(theme.checked_at).isoformat() if theme.checked_at else None
        data["links"] = [[link.segment_id, link.placed_by, link.quote_rank, link.quote_by,
                          link.confidence]
                         for link in sorted(theme.links, key=lambda link: link.segment_id)]
        state["themes"][str(theme.id)] = data
        state["segments"] = sorted(set(state["segments"]) | {link[0] for link in data["links"]})
    state["ungrouped"] = sorted(db.session.scalars(select(UngroupedSegment.segment_id).where(
        UngroupedSegment.segment_id.in_(state["segments"])))) if state["segments"] else []
    return state


def record(consultation_id: int, kind: str, summary: str, before: dict[str, Any], user: User,
           new_theme_ids: Iterable[int] = ()) -> ThemeEdit:
    """Keep an edit in the history, with the state after it (taken now).

    Args:
        consultation_id: the consultation.
        kind: "rename", "checked", "pin", "unpin", "confirm", "move", "merge" or "split".
        summary: what happened, in plain words.
        before: ``capture`` taken before the change.
        user: who made it.
        new_theme_ids: themes the edit created (a split's parts).

    Returns:
        The (flushed) ThemeEdit.
    """
    ids = {int(i) for i in before["themes"]} | set(new_theme_ids)
    after = capture(consultation_id, ids, before["segments"])
    edit = ThemeEdit(consultation_id=consultation_id, kind=kind, summary=summary[:400],
                     before=before, after=after, user_id=getattr(user, "id", None))
    db.session.add(edit)
    db.session.flush()
    return edit


def history(consultation_id: int, limit: int = HISTORY_SHOWN) -> list[ThemeEdit]:
    """Args: consultation_id, how many. Returns: the latest edits, newest first."""
    return list(
        db.session.scalars(select(ThemeEdit).where(ThemeEdit.consultation_id == consultation_id)
                                   .order_by(ThemeEdit.id.desc()).limit(limit)))


def what_removed(theme_id: int) -> ThemeEdit | None:
    """Args: a theme's id. Returns: the merge or split, not undone, that took it away, or None."""
    edits = db.session.scalars(select(ThemeEdit).where(ThemeEdit.kind.in_(("merge", "split")),
                                                       ThemeEdit.undone_at.is_(None))
                               .order_by(ThemeEdit.id.desc()))
    key = str(theme_id)
    return next((e for e in edits if key in (e.before or {}).get("themes", {})
                 and key not in (e.after or {}).get("themes", {})), None)


def why_not_undoable(edit: ThemeEdit) -> str | None:
    """Why an edit cannot be undone now, or None when it can.

    Args:
        edit: an edit from the history.

    Returns:
        A plain-English reason, or None.
    """
    if edit.undone_at is not None:
        return "Already undone."
    ran = db.session.scalar(select(AnalysisRun.applied_at).where(
        AnalysisRun.consultation_id == edit.consultation_id, AnalysisRun.applied_at.is_not(None))
        .order_by(AnalysisRun.applied_at.desc()).limit(1))
    if ran is not None and _aware(ran) >= _aware(edit.created_at):
        return "The analysis ran again after this change, so it can no longer be undone."
    now = capture(edit.consultation_id, [int(i) for i in edit.after["themes"]],
                  edit.after["segments"])
    if _without_memos(now) != _without_memos(edit.after):
        return "These themes changed again afterwards. Undo the later changes first."
    return None


def undo(edit: ThemeEdit, user: User) -> None:
    """Put the themes back as they were before ``edit`` (same theme ids, so drafts' links return).

    Args:
        edit: the edit to undo.
        user: who undoes it.

    Raises:
        UndoError: when ``why_not_undoable`` gives a reason.
    """
    from analysis.services.theme_store import refresh_stats

    reason = why_not_undoable(edit)
    if reason:
        raise UndoError(reason)
    before, consultation_id = edit.before, edit.consultation_id
    existing = set(db.session.scalars(select(Segment.id).where(Segment.id.in_(before["segments"]))))
    if before["segments"]:
        db.session.execute(
            delete(ThemeSegment).where(ThemeSegment.segment_id.in_(before["segments"])))
        db.session.execute(delete(UngroupedSegment).where(
            UngroupedSegment.segment_id.in_(before["segments"])))
    db.session.expire_all()
    gone = {int(i) for i in edit.after["themes"]} - {int(i) for i in before["themes"]}
    for theme_id in gone:
        db.session.delete(db.session.get(Theme, theme_id))
    db.session.flush()
    for key, data in before["themes"].items():
        theme = db.session.get(Theme, int(key))
        if theme is None:  # merged or split away: back with the same id, so drafts link it again
            theme = Theme(id=int(key), consultation_id=consultation_id, memo=data["memo"])
            db.session.add(theme)
        for name in FIELDS:
            setattr(theme, name, data[name])
        theme.broader = data.get("broader")  # not in edits recorded before it existed
        theme.found_again, theme.resamples = data.get("stability") or (None, None)
        checked = data["checked_at"]
        theme.checked_at = datetime.fromisoformat(checked) if checked else None
        db.session.flush()
        # Edits recorded before the confidence was kept have four fields a link.
        for segment_id, placed_by, rank, quote_by, *sure in data["links"]:
            if segment_id in existing:  # an erased member's segments stay gone
                db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment_id,
                                            placed_by=placed_by,
                                            quote_rank=rank, quote_by=quote_by,
                                            confidence=(sure or [None])[0]))
    for segment_id in before["ungrouped"]:
        if segment_id in existing:
            db.session.add(UngroupedSegment(segment_id=segment_id, consultation_id=consultation_id))
    db.session.flush()
    db.session.expire_all()
    refresh_stats(consultation_id)
    largest_first(consultation_id)
    # expire_all above expired the edit too: it reloads here, still in this session.
    edit.undone_at, edit.undone_by_id = utcnow(), getattr(user, "id", None)
    db.session.flush()


def largest_first(consultation_id: int) -> None:
    """Number the themes' positions by size again, most segments first (ties keep their order).

    Args:
        consultation_id: the consultation (stats must be current: call after ``refresh_stats``).
    """
    from analysis.services.theme_store import consultation_themes

    themes = consultation_themes(consultation_id)
    ranked = sorted(themes, key=lambda t: (-(t.stats or {}).get("segments", 0), t.position, t.id))
    for position, theme in enumerate(ranked):
        theme.position = position
    db.session.flush()


def _without_memos(state: dict[str, Any]) -> dict[str, Any]:
    themes = {key: {k: v for k, v in data.items() if k != "memo"}
              for key, data in state["themes"].items()}
    return {**state, "themes": themes}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def latest_change(consultation_id: int) -> tuple[ThemeEdit | None, str | None]:
    """The newest edit not yet undone, and why it cannot be undone (None when it can).

    Args:
        consultation_id: the consultation.

    Returns:
        (edit, reason), or (None, None) when there is nothing to undo.
    """
    edit = db.session.scalar(select(ThemeEdit).where(
        ThemeEdit.consultation_id == consultation_id, ThemeEdit.undone_at.is_(None))
        .order_by(ThemeEdit.id.desc()).limit(1))
    return (edit, why_not_undoable(edit)) if edit is not None else (None, None)
