"""A consultation's questions and sections: replace from a pasted list, edit one at a time.

Question rows are kept whenever their number is kept (or changed on the one-question
form), so segments, themes and draft sections linked to a question stay linked when its
wording changes.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import ngettext
from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Consultation, ConsultationSection, Question
from forum.services.questions import ParsedQuestion

# Plain names for the tables that point at a question, for the "remove" warning. Tables of
# packages above forum are found through the shared metadata, so forum imports none of them.
LINK_NAMES = {
    "segments": ("segment", "segments"),
    "transcript_turns": ("transcript turn", "transcript turns"),
    "survey_questions": ("survey question", "survey questions"),
    "csv_import_answers": ("imported survey answer", "imported survey answers"),
    "segment_question_maps": ("theme mapping", "theme mappings"),
    "draft_sections": ("draft section (its text is deleted too)",
                       "draft sections (their text is deleted too)"),
}


@dataclass(frozen=True)
class QuestionGroup:
    """Questions under one heading; heading is None for questions before any heading."""

    heading: str | None
    questions: list[Question]


def question_groups(consultation: Consultation) -> list[QuestionGroup]:
    """The consultation's questions grouped under its chapter or part headings, in order.

    Drafts and exports use this to print a consultation's own headings above its questions.

    Args:
        consultation: the consultation.

    Returns:
        One group per run of questions under the same heading, in question order.
    """
    groups: list[QuestionGroup] = []
    for question in consultation.questions:
        heading = question.section.heading if question.section else None
        if not groups or groups[-1].heading != heading:
            groups.append(QuestionGroup(heading, []))
        groups[-1].questions.append(question)
    return groups


def question_heading(question: Question) -> str | None:
    """The heading a question row sits under, for format_questions."""
    return question.section.heading if question.section else None


def replace_questions(consultation: Consultation, parsed: list[ParsedQuestion]) -> None:
    """Set the consultation's questions and sections, keeping rows for kept numbers and headings."""
    existing = {q.number: q for q in consultation.questions}
    sections = {s.heading: s for s in consultation.sections}
    wanted_sections: list[ConsultationSection] = []
    wanted = []
    for position, item in enumerate(parsed, start=1):
        question = existing.pop(item.number, None) or Question(number=item.number)
        question.text = item.text
        question.position = position
        section = None
        if item.section:
            section = sections.pop(item.section, None) or next(
                (s for s in wanted_sections if s.heading == item.section), None) or \
                ConsultationSection(heading=item.section)
            if section not in wanted_sections:
                section.position = len(wanted_sections) + 1
                wanted_sections.append(section)
        question.section = section
        wanted.append(question)
    consultation.sections = wanted_sections
    consultation.questions = wanted


class QuestionEditError(ValueError):
    """A one-question change that cannot be saved; the message is plain English."""


def _number_taken(consultation: Consultation, number: str, keep: Question | None) -> bool:
    return any(q.number == number and q is not keep for q in consultation.questions)


def save_question(consultation: Consultation, question: Question | None, number: str,
                  text: str, section_id: int | None) -> Question:
    """Add a question, or change one's number, wording or section, keeping its links.

    Args:
        consultation: the consultation it belongs to.
        question: the row to change, or None to add one at the end of its section.
        number: the consultation's own number, like "8" or "12a".
        text: the question's wording.
        section_id: one of the consultation's sections, or None.

    Returns:
        The saved question.

    Raises:
        QuestionEditError: the number is used by another question, or the section is not
            this consultation's.
    """
    number = number.strip().lower().removeprefix("q").strip()
    if _number_taken(consultation, number, question):
        raise QuestionEditError(f"Q{number} is already a question in this consultation. "
                                "Choose another number")
    section = next((s for s in consultation.sections if s.id == section_id), None)
    if section_id and section is None:
        raise QuestionEditError("Choose one of this consultation\u2019s sections")
    if question is None:
        question = Question(number=number, text=text, section=section)
        _insert_in_section(consultation, question)
    question.number, question.text, question.section = number, " ".join(text.split()), section
    db.session.commit()
    return question


def _insert_in_section(consultation: Consultation, question: Question) -> None:
    """Put a new question after the last one of its section (or at the end)."""
    questions = list(consultation.questions)
    after = max((i for i, q in enumerate(questions) if q.section is question.section
                 and question.section is not None), default=len(questions) - 1)
    questions.insert(after + 1, question)
    for position, item in enumerate(questions, start=1):
        item.position = position
    consultation.questions = questions


def question_links(question: Question) -> list[str]:
    """What points at a question, in words ("3 segments"), for the remove warning."""
    found = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == "questions" and fk.column.name == "id"
                   for fk in column.foreign_keys):
                count = db.session.scalar(select(func.count()).select_from(table).where(
                    column == question.id)) or 0
                if count:
                    one, many = LINK_NAMES.get(table.name, (table.name, table.name))
                    found.append(ngettext(f"%(num)d {one}", f"%(num)d {many}", count))
    return found


def remove_question(question: Question) -> None:
    """Delete one question; its links are cleared or deleted as each table's key says."""
    consultation = question.consultation
    consultation.questions.remove(question)
    for position, item in enumerate(consultation.questions, start=1):
        item.position = position
    db.session.commit()
