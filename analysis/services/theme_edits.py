"""People in charge of themes: rename, check, pin quotes, confirm, move and merge.

Each edit marks what a person decided (label_by, placed_by, quote_by) so a re-run keeps it
(placed segments also teach the theme: ``theme_learning``), writes an audit event when it
changes the evidence, recounts the stats, keeps itself in the history (``theme_history``,
for undo) and commits once. After a move, merge or split the
themes are numbered largest first again. Splitting is in ``theme_split``.
"""
from __future__ import annotations

from sqlalchemy import delete, select

from analysis.models import BY_PERSON, BY_SUGGESTION, Theme, ThemeSegment, UngroupedSegment
from analysis.services import theme_history as history
from analysis.services.theme_store import QUOTES, consultation_themes, refresh_stats
from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from forum.services import audit

LABEL_MAX = 120


class EditError(ValueError):
    """An edit that cannot be made, in plain English."""


def rename(theme: Theme, label: str, user: User, ip: str | None = None) -> None:
    """Give a theme a person's label (kept by later runs)."""
    label = " ".join(label.split())
    if not label:
        raise EditError("Enter a name for the theme")
    if len(label) > LABEL_MAX:
        raise EditError(f"The name must be {LABEL_MAX} characters or fewer")
    before = history.capture(theme.consultation_id, [theme.id])
    old, theme.label, theme.label_by = theme.label, label, BY_PERSON
    audit.record("theme_renamed", user, theme, ip=ip, commit=False, old=old, new=label)
    history.record(theme.consultation_id, "rename", f"Renamed “{old}” to “{label}”", before, user)
    db.session.commit()


def set_checked(theme: Theme, checked: bool, user: User, ip: str | None = None) -> None:
    """Mark a theme checked by a person, or not checked."""
    before = history.capture(theme.consultation_id, [theme.id])
    theme.checked_at = utcnow() if checked else None
    theme.checked_by_id = user.id if checked else None
    audit.record("theme_checked", user, theme, ip=ip, commit=False, checked=checked)
    history.record(theme.consultation_id, "checked",
                   f"Marked “{theme.label}” as {'checked' if checked else 'not checked'}", before,
                   user)
    db.session.commit()


def _link(theme: Theme, segment_id: int) -> ThemeSegment:
    link = db.session.get(ThemeSegment, (theme.id, segment_id))
    if link is None:
        raise EditError("That segment is not in this theme")
    return link


def pin_quote(theme: Theme, segment_id: int, user: User, ip: str | None = None) -> None:
    """Make a segment one of the theme's quotes (a model-chosen one drops out past five)."""
    from forum.services.segments import quotable_segments

    link = _link(theme, segment_id)
    before = history.capture(theme.consultation_id, [theme.id])
    # A person's pick: any quotable words, flagged ones too once quoting them was chosen.
    if segment_id not in {s.id for s in quotable_segments(theme.consultation_id)}:
        raise EditError("These words are not quotable: the member has not agreed to be quoted, "
                        "or the words wait for a safeguarding decision")
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
    history.record(theme.consultation_id, "pin", f"Pinned a quote in “{theme.label}”", before, user)
    db.session.commit()


def unpin_quote(theme: Theme, segment_id: int, user: User, ip: str | None = None) -> None:
    """Take a segment out of the theme's quotes; later runs will not choose it again."""
    link = _link(theme, segment_id)
    before = history.capture(theme.consultation_id, [theme.id])
    link.quote_rank, link.quote_by = None, BY_PERSON
    for rank, quote in enumerate(theme.quote_links):
        quote.quote_rank = rank
    audit.record("quote_unpinned", user, theme, ip=ip, commit=False, segment_id=segment_id)
    history.record(theme.consultation_id, "unpin", f"Unpinned a quote in “{theme.label}”", before,
                   user)
    db.session.commit()


def move_segment(consultation_id: int, segment_id: int, to: Theme | None, user: User,
                 ip: str | None = None) -> None:
    """Move a segment to another theme, or to "Not grouped" when ``to`` is None."""
    from forum.services.segments import usable_segments

    if segment_id not in {s.id for s in usable_segments(consultation_id)}:
        raise EditError("That segment is not part of this consultation's analysis")
    if to is not None and to.consultation_id != consultation_id:
        raise EditError("Choose a theme of this consultation")
    old = db.session.scalar(select(ThemeSegment).join(Theme).where(
        ThemeSegment.segment_id == segment_id, Theme.consultation_id == consultation_id))
    from_id = old.theme_id if old else None
    from_label = old.theme.label if old else "Not grouped"
    before = history.capture(consultation_id, [i for i in (from_id, to.id if to else None) if i],
                             [segment_id])
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
    history.largest_first(consultation_id)
    audit.record("segment_moved", user, to, ip=ip, commit=False, segment_id=segment_id,
                 from_theme=from_id, to_theme=to.id if to else None)
    history.record(consultation_id, "move", f"Moved a segment from “{from_label}” to "
                   f"“{to.label if to else 'Not grouped'}”", before, user)
    db.session.commit()


def confirm_segment(theme: Theme, segment_id: int, user: User, ip: str | None = None) -> None:
    """A person says a segment is in the right theme: a confirmed example the theme learns from,
    kept by later runs."""
    link = _link(theme, segment_id)
    if link.placed_by == BY_PERSON:
        return
    before = history.capture(theme.consultation_id, [theme.id])
    link.placed_by, link.confidence = BY_PERSON, None
    audit.record("segment_confirmed", user, theme, ip=ip, commit=False, segment_id=segment_id)
    history.record(theme.consultation_id, "confirm", f"Confirmed a segment in “{theme.label}”",
                   before, user)
    db.session.commit()


def _renumber_quotes(consultation_id: int) -> None:
    for theme in consultation_themes(consultation_id):
        db.session.refresh(theme, ["links"])
        for rank, quote in enumerate(theme.quote_links):
            quote.quote_rank = rank


def merge(theme: Theme, other: Theme, user: User, ip: str | None = None) -> None:
    """Merge ``other`` into ``theme``: every segment of both becomes a person's placement."""
    if other.id == theme.id or other.consultation_id != theme.consultation_id:
        raise EditError("Choose another theme of this consultation to merge with")
    before = history.capture(theme.consultation_id, [theme.id, other.id])
    moved = [(link.segment_id, link.quote_rank, link.quote_by) for link in other.links]
    other_label = other.label
    if (other.memo or "").strip():  # the merged theme's notes stay with its segments
        theme.memo = "\n\n".join(m for m in ((theme.memo or "").strip(),
                                              f"From “{other_label}”: {other.memo.strip()}") if m)
    db.session.delete(other)
    db.session.flush()
    # Merging says every segment of both themes belongs together, so the survivor's own
    # segments become people's too: a re-run otherwise took them back out (the merge undone).
    for link in theme.links:
        link.placed_by = BY_PERSON
    start = len(theme.quote_links)
    for segment_id, rank, by in moved:
        keep_quote = rank is not None and start < QUOTES
        db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment_id, placed_by=BY_PERSON,
                                    quote_rank=start if keep_quote else None,
                                    quote_by=by))
        start += keep_quote
    theme.checked_at = theme.checked_by_id = None
    # The person chose which theme survives, and the form says it "keeps its name": that
    # name is now theirs, so a re-run keeps it. A codebook suggestion stays one ("Suggested:")
    # until a person saves or changes it: merging is not checking that the name fits.
    if theme.label_by != BY_SUGGESTION:
        theme.label_by = BY_PERSON
    # The run never clustered the merged theme: its stability is not measured.
    theme.found_again = theme.resamples = None
    db.session.flush()
    db.session.refresh(theme, ["links"])
    refresh_stats(theme.consultation_id)
    history.largest_first(theme.consultation_id)
    audit.record("themes_merged", user, theme, ip=ip, commit=False, merged=other_label,
                 segments=len(moved))
    history.record(theme.consultation_id, "merge", f"Merged “{other_label}” into “{theme.label}”",
                   before, user)
    db.session.commit()
