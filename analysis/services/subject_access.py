"""A member's survey and CSV answers, and staff memos on their words, for subject access.

Registered with ``forum.services.privacy.register_member_export``. Free text is redacted
before it goes in (other people's names, addresses and numbers must not reach the
member); closed answers are given as the choice the member picked.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from analysis.models import SegmentMemo
from forum.extensions import db
from forum.models import Member, Segment
from forum.services.privacy import staff_role


def _redact(text: str) -> str:
    from analysis.core.redact import redact

    return redact(text or "").text


def survey_answers(member: Member) -> list[dict[str, Any]]:
    """Every answer in survey responses linked to the member, closed and free text.

    Args:
        member: the member.

    Returns:
        One dict per answer: survey, when, question, answer (free text redacted).
    """
    from surveys.models import SurveyResponse

    rows = []
    for response in db.session.scalars(
            select(SurveyResponse).where(SurveyResponse.member_id == member.id)
                                       .order_by(SurveyResponse.id)):
        for answer in sorted(response.answers, key=lambda a: a.question.position):
            question = answer.question
            if answer.text is not None:
                given = _redact(answer.text)
            elif isinstance(answer.value, list):
                given = ", ".join(question.choice_label(v) for v in answer.value)
            elif question.kind.has_choices:
                given = question.choice_label(answer.value)
            else:
                given = "" if answer.value is None else str(answer.value)
            rows.append(
                {"survey": response.version.title,
                 "when": (response.finished_at or response.received_at)
                         .strftime("%-d %B %Y"), "question": question.text, "answer": given})
    return rows


def csv_answers(member: Member) -> list[dict[str, Any]]:
    """Answers imported from other survey tools under the member's pseudonym (redacted)."""
    from surveys.models import CsvImportAnswer

    return [{"file": a.csv_import.filename, "imported": a.created_at.strftime("%-d %B %Y"),
             "question": a.question.label if a.question else None, "answer": _redact(a.text)}
            for a in db.session.scalars(
                    select(CsvImportAnswer).where(CsvImportAnswer.member_id == member.id)
                                        .order_by(CsvImportAnswer.id))]


def staff_memos(member: Member) -> list[dict[str, Any]]:
    """Staff memos on the member's segments: kept out of exports, but about the member.

    Args:
        member: the member.

    Returns:
        One dict per memo: the words it is about (redacted), memo, when, written by (a role).
    """
    return [{"about": segment.text, "memo": memo.text, "when": memo.updated_at.isoformat(),
             "written_by": staff_role(memo.updated_by)}
            for memo, segment in db.session.execute(
                select(SegmentMemo, Segment).join(Segment, Segment.id == SegmentMemo.segment_id)
                .where(Segment.member_id == member.id)
                .order_by(SegmentMemo.updated_at, Segment.id))]


def member_export(member: Member) -> dict[str, Any]:
    """The hook: survey and CSV answers and staff memos as data files the summary also reads."""
    return {"survey_answers.json": survey_answers(member), "csv_answers.json": csv_answers(member),
            "staff_memos.json": staff_memos(member)}
