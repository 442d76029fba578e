"""Responses the server refused from tablets: a note of each (which, why, how often), for
staff to see. The answers themselves are never kept here: they stay on the tablet."""
from __future__ import annotations

import re
import uuid as uuids
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask_babel import ngettext
from sqlalchemy import delete, select

from forum.extensions import db
from forum.models.base import utcnow
from surveys.models import SurveyQuestion, SurveyRefusal, SurveyResponse
from surveys.models.refusals import REASON_MAX
from surveys.services.devices import Tablet

SHOWN = 200  # the newest; older notes stay in the table
# Field names the tablet sent can hold any character; PostgreSQL refuses NUL in text.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _uuid(body: Any) -> str | None:
    value = body.get("uuid") if isinstance(body, dict) else None
    try:
        return str(uuids.UUID(value)) if isinstance(value, str) else None
    except ValueError:
        return None


def _version(body: Any) -> int | None:
    value = body.get("survey_version_id") if isinstance(body, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and 0 < value < 2 ** 31 else None


def note_refusal(tablet: Tablet, body: Any, status: int, reason: str) -> None:
    """Note that a tablet's response was refused; the same refusal again counts an attempt.

    Args:
        tablet: the tablet that sent it (its token was checked).
        body: the decoded body, or None if it could not be read; only its id and survey
            version are kept.
        status: the HTTP status the tablet was given (409, 413 or 422).
        reason: the server's words to the tablet, which name answers by position and never
            repeat written answers.
    """
    reason = CONTROLS.sub("\N{REPLACEMENT CHARACTER}", reason)[:REASON_MAX]
    response_id = _uuid(body)
    now = utcnow()
    same = db.session.scalars(select(SurveyRefusal).where(
        SurveyRefusal.device_id == tablet.id, SurveyRefusal.uuid == response_id,
        SurveyRefusal.reason == reason).limit(1)).first() if response_id else None
    if same is not None:
        same.attempts += 1
        same.last_at = now
    else:
        db.session.add(SurveyRefusal(device_id=tablet.id, uuid=response_id,
                                     version_id=_version(body), status=status, reason=reason,
                                     first_at=now, last_at=now))
    db.session.commit()


# The API's field names in a reason (payload.py), and the words staff read for them.
ANSWER_VALUE = re.compile(r"answers\[\d+\]\.value \(question (\d+)\)")
FIELD_WORDS = [
    (re.compile(r"answers\[(\d+)\]\.question_id is not a question of"),
     lambda m: f"answer {int(m.group(1)) + 1} is for a question not in"),
    (re.compile(r"answers\[(\d+)\]: "), lambda m: ""),
    (re.compile(r"answers\[(\d+)\]"), lambda m: f"answer {int(m.group(1)) + 1}"),
    (re.compile(r"\bstarted_at\b"), lambda m: "the time it was started"),
    (re.compile(r"\bfinished_at\b"), lambda m: "the time it was finished"),
    (re.compile(r"\bsurvey_version_id\b"), lambda m: "the survey version"),
    (re.compile(r"\bmember_id\b"), lambda m: "the member"),
    (re.compile(r"\bmember_ref\b"), lambda m: "the member reference"),
]


@dataclass(frozen=True)
class RefusalRow:
    refusal: SurveyRefusal
    stored_at: datetime | None  # sent again and stored since (put right on the tablet)
    reason: str = ""  # the refusal's reason in plain words (plain_reason)


def plain_reason(reason: str, texts: dict[int, str]) -> str:
    """A refusal's reason with the API's field names said in words, each refused answer as its
    question's number and text.

    Args:
        reason: the reason the tablet was given (``SurveyRefusal.reason``).
        texts: the refused response's survey version's question texts, by position.

    Returns:
        The reason in plain words.
    """
    def answer(m: re.Match[str]) -> str:
        text = texts.get(int(m.group(1)))
        return f"the answer to question {m.group(1)}" + (f", ‘{text}’," if text else "")

    reason = ANSWER_VALUE.sub(answer, reason)
    for pattern, words in FIELD_WORDS:
        reason = pattern.sub(words, reason)
    return reason


def _question_texts(version_ids: set[int]) -> dict[int, dict[int, str]]:
    texts: dict[int, dict[int, str]] = {}
    if version_ids:
        for version_id, position, text in db.session.execute(
                select(SurveyQuestion.version_id, SurveyQuestion.position, SurveyQuestion.text)
                .where(SurveyQuestion.version_id.in_(version_ids))):
            texts.setdefault(version_id, {})[position] = text
    return texts


def list_refusals() -> list[RefusalRow]:
    """The newest refusals, each with when its response was stored since, if it was."""
    refusals = list(db.session.scalars(
        select(SurveyRefusal).order_by(SurveyRefusal.last_at.desc(), SurveyRefusal.id.desc())
        .limit(SHOWN)))
    ids = {r.uuid for r in refusals if r.uuid}
    stored = dict(db.session.execute(
        select(SurveyResponse.uuid, SurveyResponse.received_at)
        .where(SurveyResponse.uuid.in_(ids))).all()) if ids else {}
    texts = _question_texts({r.version_id for r in refusals if r.version_id is not None})
    # Stored after it was first refused: a conflict's id was stored before, by another response.
    return [RefusalRow(r, _after(stored.get(r.uuid or ""), r.first_at),
                       plain_reason(r.reason, texts.get(r.version_id or 0, {})))
            for r in refusals]


def _after(when: datetime | None, since: datetime) -> datetime | None:
    if when is None:
        return None
    aware = [t if t.tzinfo else t.replace(tzinfo=UTC) for t in (when, since)]
    return when if aware[0] >= aware[1] else None


def purge_refusals(days: int, cutoff: datetime) -> str | None:
    """Delete the notes of refusals last tried before the retention cutoff (the job commits).

    A response deleted on the tablet is never sent again, so its note would stay for ever.
    Registered with ``forum.services.retention.register_retention_hook``.

    Args:
        days: the retention period in days, for the sentence.
        cutoff: notes last tried before this go.

    Returns:
        A sentence saying how many went, or None if none did.
    """
    result = db.session.execute(delete(SurveyRefusal).where(SurveyRefusal.last_at < cutoff))
    gone = int(getattr(result, "rowcount", 0))  # a DELETE's result is a CursorResult
    if not gone:
        return None
    return str(ngettext("Deleted %(num)d note of a tablet response the server refused, last tried "
                    "more than %(days)d days ago.",
                    "Deleted %(num)d notes of tablet responses the server refused, last tried "
                    "more than %(days)d days ago.", gone, days=days))
