"""What the tablet runner pages need from a version: its question flow and what to cache."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member
from surveys.models import SurveyQuestion, SurveyVersion


def flow(version: SurveyVersion) -> list[dict[str, Any]]:
    """The questions in order with their skip logic, for the runner's navigation."""
    return [{"id": q.id, "position": q.position,
             "showIf": [q.show_if_question_id, q.show_if_value] if q.show_if_question_id else None}
            for q in version.questions]


def question_at(version: SurveyVersion, position: int) -> SurveyQuestion | None:
    return next((q for q in version.questions if q.position == position), None)


def read_aloud_text(question: SurveyQuestion) -> str:
    """What 'Play' says when there is no recording: the question, its help and its choices."""
    parts = [question.text]
    if question.help_text:
        parts.append(question.help_text)
    labels = [c["label"] for c in question.all_choices]
    if labels:
        parts.append(" ... ".join(labels))
    return " ".join(p if p.rstrip()[-1:] in ".?!" else p.rstrip() + "." for p in parts)


def participant_texts(version: SurveyVersion) -> list[tuple[str, str]]:
    """Every string a participant reads in this version, each with where it is, for checking."""
    texts = [("Title", version.title), ("What the survey is for", version.purpose or "")]
    for q in version.questions:
        where = f"Question {q.position}"
        texts.append((where, q.text))
        if q.help_text:
            texts.append((f"{where}, help text", q.help_text))
        if q.picture_alt:
            texts.append((f"{where}, picture description", q.picture_alt))
        texts += [(f"{where}, choice \u2018{c['label']}\u2019", c["label"]) for c in q.choices
                  or []]
    return [(where, text) for where, text in texts if text.strip()]


def member_for_ref(ref: str | None) -> int | None:
    """The member whose pseudonym was typed on the tablet, if they may be linked.

    The tablet never lists members (a shared screen would show every pseudonym): the
    researcher or the member types the pseudonym, and it is matched here when the
    response arrives, ignoring case and extra spaces. No match, or a member without
    current consent to take part, leaves the response anonymous.

    Args:
        ref: what was typed, or None.

    Returns:
        The member's id, or None.
    """
    wanted = " ".join((ref or "").split()).casefold()
    if not wanted:
        return None
    matches = [m for m in db.session.scalars(select(Member))
               if " ".join(m.pseudonym.split()).casefold() == wanted]
    if len(matches) != 1:  # two members with one pseudonym: never guess
        return None
    return matches[0].id if matches[0].takes_part else None


def media_ids(version: SurveyVersion) -> list[int]:
    ids = []
    for q in version.questions:
        ids += [i for i in (q.picture_id, q.audio_id) if i is not None]
    return sorted(set(ids))
