"""Reading the draft editor's form (its fields are made per section and per quote)."""
from __future__ import annotations

import re
from datetime import date

from werkzeug.datastructures import MultiDict

from exports.models.drafts import EASY_READ_HEADING_MAX
from exports.services.editing import COVER_FIELDS, DraftEdit

LIMITS = {"title": 200, "organisation": 200}
FIRST_FOUR_DIGIT_YEAR = 1000  # "26" is a typo for 2026, not the year 26
# "What we did" boxes: per theme id, or per question ("q12") when no themes are linked.
EASY_READ_KEY = re.compile(r"easy_read_done-(q?\d+)")


class EditorValues:
    """What the editor shows in each field: what was just typed, else the saved value."""

    def __init__(self, posted: MultiDict | None = None):
        self.posted = posted

    def get(self, name: str, saved=""):
        if self.posted is None:
            return saved if saved is not None else ""
        return self.posted.get(name, "")

    def getlist(self, name: str, saved=()) -> list[str]:
        if self.posted is None:
            return [str(v) for v in saved]
        return self.posted.getlist(name)


def _int_suffix(key: str, prefix: str, suffix: str) -> int | None:
    middle = key[len(prefix):len(key) - len(suffix)] if suffix else key[len(prefix):]
    ours = key.startswith(prefix) and key.endswith(suffix) and middle.isdigit()
    return int(middle) if ours else None


def _read_date(form: MultiDict, errors: dict[str, str]) -> date | None:
    parts = [form.get(f"date-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        return None
    try:
        day, month, year = (int(p) for p in parts)
        if year < FIRST_FOUR_DIGIT_YEAR:
            raise ValueError
        return date(year, month, day)
    except ValueError:
        errors["date-day"] = "Enter a real date, for example 14 3 2026"
        return None


def read_editor_form(form: MultiDict, labels: dict[int, str] | None = None
                     ) -> tuple[DraftEdit, dict[str, str]]:
    """Turn the posted editor form into a DraftEdit.

    Args:
        form: what was posted.
        labels: {section id: question label ("Q5")}, to name a section's field in an error.

    Returns:
        The edit and {field name: plain-English error}; nothing is saved when there are errors.
    """
    errors: dict[str, str] = {}
    edit = DraftEdit(fields={name: form.get(name, "") for name in COVER_FIELDS if name in form})
    if "title" in form and not form.get("title", "").strip():
        errors["title"] = "Enter a title for the response"
    for name, limit in LIMITS.items():
        if len(form.get(name, "")) > limit:
            errors[name] = f"{COVER_FIELDS[name]} must be {limit} characters or fewer"
    edit.date = _read_date(form, errors)
    if "recommendations" in form:
        edit.recommendations = [line.strip()
                                for line in form.get("recommendations", "").splitlines()
                                if line.strip()]
    for key in form:
        if (topic := EASY_READ_KEY.fullmatch(key)) is not None:
            edit.easy_read_done[topic.group(1)] = form.get(key, "")
        elif (section_id := _int_suffix(key, "section-", "-text")) is not None:
            edit.section_text[section_id] = form.get(key, "")
            edit.section_themes[section_id] = [int(v)
                                               for v in form.getlist(f"section-{section_id}-themes")
                                               if v.isdigit()]
        elif (section_id := _int_suffix(key, "section-", "-easy-read")) is not None:
            edit.easy_read_headings[section_id] = form.get(key, "")
            if len(" ".join(form.get(key, "").split())) > EASY_READ_HEADING_MAX:
                which = (labels or {}).get(section_id, "a question")
                errors[key] = (f"Easy Read heading for {which} must be {EASY_READ_HEADING_MAX} "
                               "characters or fewer")
        elif (quote_id := _int_suffix(key, "quote-", "-text")) is not None:
            edit.quote_text[quote_id] = form.get(key, "")
    return edit, errors


def read_revision(form: MultiDict) -> int | None:
    value = form.get("revision", "")
    return int(value) if value.isdigit() else None
