"""Checking a response sent by a tablet and putting it in one canonical form.

Every problem is reported in plain words, e.g. "answers[2].value (question 3) must be one of
“Yes” or “No”" (the choices' labels, as the participant saw them), so the tablet (and
whoever reads its screen) knows what is wrong. A problem names the question and the kind of
problem, never the answer given (not even a number): the server keeps the words as a note of
the refusal (``refusals``), and the answers stay on the tablet.
"""
from __future__ import annotations

import math
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeGuard

from sqlalchemy import select

from forum.extensions import db
from surveys.models import SurveyQuestion, SurveyVersion

TEXT_MAX = 10_000
# Said the same on the tablet (the question page carries it) and in the server's refusal.
TOO_LONG = f"Answers must be {TEXT_MAX:,} characters or fewer"
NUMBER_MAX = 1_000_000_000
# A number question counts things (workers, nights) unless its builder ticked "negative numbers
# are allowed". The tablet shows these words (the page carries them) and the server refuses in
# them, so the two never disagree.
NUMBER_TOO_SMALL = "Type a number of 0 or more"
NUMBER_TOO_BIG = "That number is too big"  # over NUMBER_MAX either way from 0, said alike
# A count of nights or workers is whole: 1.5 is refused unless the builder ticked "Decimals are
# allowed" (SurveyQuestion.decimals_allowed). 2.0 is 2, so it is taken.
NUMBER_NOT_WHOLE = "Type a whole number, like 3"
TIME_MAX = 40  # an ISO 8601 time with microseconds and an offset is 32 characters
FIRST_YEAR, LAST_YEAR = 2000, 2100  # a tablet clock outside these is wrong
REF_MAX = 120  # a member reference is a short code; longer text is not one
ID_LIMIT = 2 ** 31  # ids are PostgreSQL integers: a number outside is no id at all
FIELDS = {"uuid", "survey_version_id", "completed", "read_aloud", "member_id", "member_ref",
          "started_at",
          "finished_at", "answers"}
UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class PayloadError(ValueError):
    """The response is not valid; ``problems`` says why, one plain sentence each."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class VersionSpec:
    """What a published version accepts: question kinds and allowed choice values."""

    version_id: int
    kinds: dict[int, str]
    positions: dict[int, int]
    allowed: dict[int, frozenset[Any]]
    negative_allowed: frozenset[int] = frozenset()  # ids of number questions that take < 0
    decimals_allowed: frozenset[int] = frozenset()  # ids of number questions that take 2.5
    # A question's choices in the words and order the participant saw, for a refusal's reason.
    choices_shown: dict[int, str] = field(default_factory=dict)


def parse_time(value: str | None) -> datetime | None:
    """A canonical time string from ``normalise`` back to a datetime."""
    return None if value is None else datetime.fromisoformat(value)


class VersionSpecs:
    """Published versions never change, so their specs are kept once loaded."""

    def __init__(self) -> None:
        self._specs: dict[int, VersionSpec] = {}

    def get(self, version_id: int) -> VersionSpec | None:
        spec = self._specs.get(version_id)
        if spec is None:
            version = db.session.get(SurveyVersion, version_id)
            if version is None or not version.is_published:
                return None
            questions = db.session.scalars(
                select(SurveyQuestion).where(SurveyQuestion.version_id == version_id))
            kinds, positions, allowed, negative, decimals = {}, {}, {}, set(), set()
            shown = {}
            for q in questions:
                kinds[q.id], positions[q.id] = q.kind.value, q.position
                allowed[q.id] = frozenset(c["value"] for c in q.all_choices)
                shown[q.id] = _labels_text([c["label"] for c in q.all_choices])
                if q.negative_allowed:
                    negative.add(q.id)
                if q.decimals_allowed:
                    decimals.add(q.id)
            spec = self._specs[version_id] = VersionSpec(
                version_id, kinds, positions, allowed, frozenset(negative), frozenset(decimals),
                shown)
        return spec

    def clear(self) -> None:
        self._specs.clear()


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _fits_an_id(value: int) -> bool:
    """Whether a number fits the database's integer id columns (PostgreSQL ``integer``)."""
    return -ID_LIMIT <= value < ID_LIMIT


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true or false",
            type(None): "null"}.get(type(value), "a number")


def _text_problem(value: str) -> str | None:
    if "\x00" in value:
        return "contains a null character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid text (broken characters)"
    return None


def _time(payload: dict[str, Any], key: str, problems: list[str]) -> str | None:
    value = payload.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > TIME_MAX:
        problems.append(f"{key} must be a date and time like 2026-11-23T10:15:00Z")
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        problems.append(f"{key} must be a date and time like 2026-11-23T10:15:00Z")
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        problems.append(f"{key} is not a believable date")
        return None
    return parsed.astimezone(UTC).isoformat()


def _spec_of(version_id: Any, specs: VersionSpecs, problems: list[str]) -> VersionSpec | None:
    if not _is_int(version_id):
        problems.append("survey_version_id must be a whole number")
        return None
    # Never looked up: PostgreSQL refuses the query, and the request's transaction with it.
    spec = specs.get(version_id) if _fits_an_id(version_id) else None
    if spec is None:
        problems.append(f"Survey version {version_id} does not exist or is not published")
    return spec


def _member(body: dict[str, Any], problems: list[str]) -> tuple[Any, Any]:
    """The member_id and member_ref as sent, each checked."""
    member_id = body.get("member_id")
    if member_id is not None and not (_is_int(member_id) and _fits_an_id(member_id)):
        problems.append("member_id must be a whole number or null")
    member_ref = body.get("member_ref")
    if member_ref is not None and (not isinstance(member_ref, str) or len(member_ref) > REF_MAX):
        problems.append(f"member_ref must be text of {REF_MAX} characters or fewer, or null")
    return member_id, member_ref


def normalise(body: Any, specs: VersionSpecs) -> tuple[dict[str, Any], VersionSpec]:
    """Check a response and return it in canonical form with its version's spec.

    Raises:
        PayloadError: listing every problem found.
    """
    if not isinstance(body, dict):
        raise PayloadError([f"The response must be a JSON object, not {_type_name(body)}"])
    problems: list[str] = []
    unknown = sorted(str(k)[:40] for k in body if k not in FIELDS)
    if unknown:
        problems.append("Unknown field(s): " + ", ".join(unknown))
    raw_uuid = body.get("uuid")
    if not isinstance(raw_uuid, str) or not UUID_RE.match(raw_uuid):
        problems.append("uuid must be a UUID like 3f2b8c1e-7d4a-4c2e-9b1a-2f6d8e0c4a1b")
        raw_uuid = None
    version_id = body.get("survey_version_id")
    spec = _spec_of(version_id, specs, problems)
    for key in ("completed", "read_aloud"):
        if key in body and not isinstance(body[key], bool):
            problems.append(f"{key} must be true or false")
    if "completed" not in body:
        problems.append("completed is missing (true if finished, false if stopped early)")
    member_id, member_ref = _member(body, problems)
    times = {key: _time(body, key, problems) for key in ("started_at", "finished_at")}
    answers = body.get("answers")
    normal_answers = []
    if not isinstance(answers, list):
        problems.append("answers must be a list")
    elif spec is not None:
        normal_answers = _answers(answers, spec, problems)
    if problems or spec is None:  # no spec is always a problem listed above
        raise PayloadError(problems)
    if member_id is None and member_ref:
        from surveys.services.runner import member_for_ref

        member_id = member_for_ref(member_ref)
    payload = {
        "uuid": str(uuid_module.UUID(raw_uuid)), "survey_version_id": version_id,
        "completed": body["completed"], "read_aloud": bool(body.get("read_aloud", False)),
        "member_id": member_id, "answers": normal_answers, **times}
    return payload, spec


def _answers(answers: list[Any], spec: VersionSpec,
             problems: list[str]) -> list[dict[str, Any]]:
    if len(answers) > len(spec.kinds):
        problems.append(f"There are {len(answers)} answers but the survey has only "
                        f"{len(spec.kinds)} questions")
        return []
    seen, normal = set(), []
    for index, answer in enumerate(answers):
        where = f"answers[{index}]"
        if not isinstance(answer, dict) or set(answer) != {"question_id", "value"}:
            problems.append(f"{where} must be an object with question_id and value only")
            continue
        question_id = answer["question_id"]
        if not _is_int(question_id) or question_id not in spec.kinds:
            problems.append(f"{where}.question_id is not a question of this survey version")
            continue
        if question_id in seen:
            problems.append(f"{where}: question {spec.positions[question_id]} is answered twice")
            continue
        seen.add(question_id)
        value, problem = _value(spec.kinds[question_id], spec.allowed[question_id], answer["value"],
                                NumberRule(question_id in spec.negative_allowed,
                                           question_id in spec.decimals_allowed),
                                spec.choices_shown.get(question_id, ""))
        if problem:
            problems.append(f"{where}.value (question {spec.positions[question_id]}) {problem}")
        elif value != "":  # an empty text box is no answer
            normal.append({"question_id": question_id, "value": value})
    return sorted(normal, key=lambda a: spec.positions[a["question_id"]])


def _labels_text(labels: list[str]) -> str:
    quoted = [f"“{label}”" for label in labels]
    return " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)


@dataclass(frozen=True)
class NumberRule:
    """What a number question takes beyond 0 to NUMBER_MAX whole numbers (its builder's ticks)."""

    negative_allowed: bool = False
    decimals_allowed: bool = False


def _value(kind: str, allowed: frozenset[Any], value: Any,
           rule: NumberRule = NumberRule(), shown: str = "") -> tuple[Any, str | None]:
    if kind == "free_text":
        return _free_text(value)
    if kind == "number":
        return _number(value, rule)
    if kind == "multiple_choice":
        return _choices(allowed, value, shown)
    if not isinstance(value, str) or value not in allowed:
        return None, f"must be one of {shown}"
    return value, None


def _free_text(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return None, f"must be text, not {_type_name(value)}"
    if len(value) > TEXT_MAX:
        # The limit only: the refusal is kept and shown to staff, who need not learn the
        # length of what a participant wrote.
        return None, f"is too long. {TOO_LONG}."
    problem = _text_problem(value)
    return (None, problem) if problem else (value.strip(), None)


def _number(value: Any, rule: NumberRule) -> tuple[Any, str | None]:
    if not (_is_int(value) or isinstance(value, float)):
        return None, f"must be a number, not {_type_name(value)}"
    if not math.isfinite(value) or abs(value) > NUMBER_MAX:
        return None, f"is not a believable number. {NUMBER_TOO_BIG}."
    if value < 0 and not rule.negative_allowed:
        return None, f"is below 0. {NUMBER_TOO_SMALL}."
    if not rule.decimals_allowed and value != int(value):
        return None, f"is not a whole number. {NUMBER_NOT_WHOLE}."
    return value, None


def _choices(allowed: frozenset[Any], value: Any, shown: str) -> tuple[Any, str | None]:
    if not isinstance(value, list) or not value:
        return None, "must be a list of one or more choices"
    if not all(isinstance(v, str) and v in allowed for v in value):
        return None, f"must only hold choices from {shown}"
    if len(set(value)) != len(value):
        return None, "has the same choice twice"
    if len(value) > 1 and ({"dont_know", "prefer_not"} & set(value)):
        return None, "cannot mix 'Don't know' or 'Prefer not to say' with other choices"
    return sorted(value), None
