"""Erasure that holds: a member's words leave originals too, and a restored backup can't bring
them back.

``erase_member`` (in ``privacy``) deletes the member; this module scrubs what the database
cascades miss (the uploaded transcript text) and keeps the erasure list: one line per
erased member in ``erasures.jsonl`` in the data folder. ``flask backup restore`` (and
``flask erasures reapply`` after a PostgreSQL restore) erases everyone on it again.

The list holds no name: the member's id and a fingerprint (a hash of id, creation time
and pseudonym) so that a different person who later got the same id is never erased.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member, Transcript, Turn
from forum.models.base import utcnow

LIST_NAME = "erasures.jsonl"
ERASED_TEXT = "[removed at the member's request]"


def fingerprint(member: Member) -> str:
    """A hash that tells this member apart from anyone who later gets the same id."""
    created = ""
    if member.created_at is not None:
        moment = member.created_at
        # SQLite gives naive UTC, PostgreSQL aware: the same instant must hash the same.
        moment = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
        created = moment.isoformat(timespec="seconds")
    return hashlib.sha256(f"{member.id}|{created}|{member.pseudonym}".encode()).hexdigest()


def list_path(data_dir: Path) -> Path:
    return Path(data_dir) / LIST_NAME


def read_list(data_dir: Path) -> list[dict[str, Any]]:
    """The erasure list, oldest first (empty when there is none)."""
    path = list_path(data_dir)
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a torn last line from a crash: the rest still counts
        if isinstance(entry, dict) and isinstance(entry.get("member_id"), int):
            entries.append(entry)
    return entries


def write_list(data_dir: Path, entries: Iterable[dict[str, Any]]) -> None:
    """Write the list (deduplicated, in order), readable by the app's user only."""
    seen, lines = set(), []
    for entry in entries:
        key = (entry["member_id"], entry.get("fingerprint"))
        if key not in seen:
            seen.add(key)
            lines.append(json.dumps(entry, sort_keys=True))
    path = list_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def add_to_list(data_dir: Path | None, member: Member) -> None:
    """Put a member on the erasure list (call before deleting them)."""
    if data_dir is None:
        return
    write_list(data_dir, read_list(data_dir) + [{
        "member_id": member.id, "fingerprint": fingerprint(member),
        "erased_at": utcnow().isoformat()}])


def scrub_transcript_originals(member: Member, turns: list[Turn]) -> int:
    """Take the member's words and names out of uploaded transcript texts (before purge).

    Their turns' lines are replaced in each transcript's ``original_text``; their real name
    and speaker labels are taken out of the rest of it and of the list of names to redact.

    Args:
        member: the member being erased (still loaded).
        turns: their transcript turns, with original words still present.

    Returns:
        How many transcripts were changed.
    """
    names = {s.label for t in turns if t.speaker for s in [t.speaker]}
    if member.contact and member.contact.real_name:
        names.add(member.contact.real_name)
    names = {n for n in names if n and len(n.strip()) > 1}
    transcripts = {t.transcript_id for t in turns}
    from forum.models.sessions import session_members

    attended = list(db.session.scalars(select(session_members.c.session_id).where(
        session_members.c.member_id == member.id)))
    transcripts |= set(
        db.session.scalars(select(Transcript.id).where(Transcript.session_id.in_(attended))))
    changed = 0
    for transcript_id in transcripts:
        transcript = db.session.get(Transcript, transcript_id)
        if transcript is None:
            continue
        mine = [t for t in turns if t.transcript_id == transcript_id]
        labels = {t.speaker.label for t in mine if t.speaker}
        text = _without_turns(transcript.original_text, mine, labels)
        for turn in transcript.turns:
            if turn not in mine and turn.original_text:
                turn.original_text = _without_names(turn.original_text, names)
        if transcript.known_names:
            kept = [n
                for n in transcript.known_names.replace(";", "\n").replace(",", "\n").split("\n")
                    if n.strip() and n.strip().casefold() not in {x.casefold() for x in names}]
            transcript.known_names = "\n".join(kept) or None
        if text is not None:
            transcript.original_text = _without_names(text, names)
        changed += 1
    return changed


def _without_turns(text: str | None, turns: list[Turn], labels: set[str]) -> str | None:
    """The upload with each of these turns replaced: its words, lines, or its speaker's lines."""
    if text is None:
        return None
    # The pieces of a long turn cut for review share its lines (Turn.as_said): they are
    # erased once, or the second piece's erasure took the lines of whoever spoke next.
    said: dict[tuple[int | None, int, int], list[Turn]] = {}
    for turn in turns:
        said.setdefault(turn.as_said, []).append(turn)
    # from the end: earlier lines keep their numbers
    for (_speaker, first, last), pieces in sorted(said.items(), key=lambda item: -item[0][1]):
        lines = text.splitlines(keepends=True)
        if all(p.original_text and p.original_text in text for p in pieces):
            for piece in pieces:
                text = text.replace(piece.original_text or "", ERASED_TEXT)
        elif 1 <= first <= last <= len(lines):
            lines[first - 1:last] = [ERASED_TEXT + "\n"]
            text = "".join(lines)
    # lines still led by their label ("Jane: ...", "[00:01:02] Jane: ..."): the words went
    if labels:
        import re

        names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        led = rf"(?:<v\s+(?:{names})\s*>|(?:{names})\s*:)"
        text = re.sub(rf"(?im)^(?:\[?[\d:.,]+\]?\s*)?{led}[^\n]*$", lambda m: ERASED_TEXT, text)
    return text


def _without_names(text: str, names: set[str]) -> str:
    import re

    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "[erased member]", text,
                      flags=re.IGNORECASE)
    return text


def reapply(data_dir: Path, erase: Callable[[Member], object],
            entries: list[dict[str, Any]] | None = None) -> int:
    """Erase again everyone on the erasure list who is back (after restoring a backup).

    Args:
        data_dir: the data folder holding the list.
        erase: callable(member) that erases one member (``privacy.erase_member`` with hooks).
        entries: the list to apply (default: the one in ``data_dir``).

    Returns:
        How many members were erased again.
    """
    count = 0
    for entry in read_list(data_dir) if entries is None else entries:
        member = db.session.get(Member, entry["member_id"])
        if member is not None and fingerprint(member) == entry.get("fingerprint"):
            erase(member)
            count += 1
    return count
