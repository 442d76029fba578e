"""What the tablet runner pages need from a version: its question flow and what to cache."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member
from surveys.models import SurveyQuestion, SurveyVersion


def flow(version: SurveyVersion) -> list[dict]:
    """The questions in order with their skip logic, for the runner's navigation."""
    return [{"id": q.id, "position": q.position,
             "showIf": [q.show_if_question_id, q.show_if_value] if q.show_if_question_id else None}
            for q in version.questions]


def question_at(version: SurveyVersion, position: int) -> Optional[SurveyQuestion]:
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


def members_to_link() -> list[tuple[int, str]]:
    """Members a researcher may link a response to: current consent to take part, not withdrawn."""
    members = db.session.scalars(select(Member).order_by(Member.pseudonym))
    return [(m.id, m.pseudonym) for m in members
            if m.consent is not None and m.consent.take_part and not m.consent.withdrawn]


def media_ids(version: SurveyVersion) -> list[int]:
    ids = []
    for q in version.questions:
        ids += [i for i in (q.picture_id, q.audio_id) if i is not None]
    return sorted(set(ids))
