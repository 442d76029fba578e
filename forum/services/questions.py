"""Parse a consultation's pasted question list into numbered questions under their headings."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from forum.models.consultations import SECTION_HEADING_MAX

MAX_QUESTIONS = 300
MAX_QUESTION_CHARS = 3000
MAX_INPUT_CHARS = 200_000
# (number, line, the text lines, the section it sits under) of one numbered question
Numbered = tuple[str, int, list[str], str | None]

# "Q8. text", "Q8: text", "Question 8 - text", "Q 8 text", "8) text", "8. text", "(8) text".
# Plain numbers need punctuation then a space so "8.5 million" is not a question.
_NUMBERED = re.compile(
    r"""^\s*(?:
        (?:q|question)\s*(?P<q>\d{1,4}[a-z]?)\s*(?:[.):\-\u2013\u2014]\s*|\s+|$)
      | \(?(?P<n>\d{1,4}[a-z]?)\s*(?:[.):](?:\s+|$)|\s*[\-\u2013\u2014]\s+)
    )(?P<text>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)

# "Chapter 2: Housing", "PART 1 - Prevention", "Chapter Three", "Section 4 Employment".
# After the number comes punctuation, the end, or a capital letter: "Section 3 of the Act
# says ..." carries on a question instead.
_WORD_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HEADING = re.compile(
    rf"""^\s*(?P<kind>chapter|part|section)\s+
        (?P<n>\d{{1,3}}[a-z]?|[ivxl]{{1,6}}|{_WORD_NUMBERS})
        (?:\s*[.:\-\u2013\u2014]\s*|\s*$|\s+(?=(?-i:[A-Z])|[\u2018"']))(?P<title>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class ParsedQuestion:
    number: str
    text: str
    line: int
    # The chapter or part heading the question sits under, as written; None before any.
    section: str | None = None


def heading_of(line: str) -> str | None:
    """The heading a line is, written tidily ("Chapter 3: Employment"), or None."""
    match = _HEADING.match(line)
    if not match or line.rstrip().endswith("?"):
        return None
    title = _clean(match.group("title"))
    label = f"{match.group('kind').capitalize()} {match.group('n')}"
    return f"{label}: {title}" if title else label


class QuestionListError(ValueError):
    """The pasted list cannot be used; ``problems`` lists each reason in plain English."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse_questions(pasted: str) -> list[ParsedQuestion]:
    """Turn a pasted list into questions, keeping the consultation's own numbers.

    Args:
        pasted: text such as "Q8. What can central government do ...?" one question per
            number; a question may run over several lines; gaps in numbering are kept.
            Chapter, part and section headings ("Chapter 3: Employment") start a section
            (headings one after another join into one, like "Part 1: ... – Chapter 1: ...").

    Returns:
        The questions in the order given, each with the heading it sits under.

    Raises:
        QuestionListError: with every problem found (no numbers, text before the first
            number, a number with no question, duplicate numbers, a heading with no
            questions, too long).
    """
    if len(pasted) > MAX_INPUT_CHARS:
        raise QuestionListError(
            [f"The list is too long. Paste at most {MAX_INPUT_CHARS:,} characters"])
    problems: list[str] = []
    found = _numbered_lines(pasted, problems)
    if not found and not problems:
        problems.append("Paste the consultation\u2019s questions, each starting with its number, "
                        "like \u2018Q1. What works well?\u2019")
    elif not found:
        problems = ["We could not find any question numbers. Start each question with its "
                    "number, like \u2018Q1.\u2019 or \u20181)\u2019"]
    questions = _checked_questions(found, problems)
    if len(questions) > MAX_QUESTIONS:
        problems.append(
            f"There are {len(questions)} questions; the most we can take is {MAX_QUESTIONS}")
    if problems:
        raise QuestionListError(problems)
    return questions


def _numbered_lines(pasted: str, problems: list[str]) -> list[Numbered]:
    """(number, line, text lines, section) per numbered question; problems are added to."""
    found: list[Numbered] = []
    section: str | None = None
    heading_line = 0
    after_heading = False  # a heading was the last thing read: text now is not a question's
    for line_no, raw in enumerate(pasted.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _NUMBERED.match(line)
        heading = None if match else heading_of(line)
        if heading:
            if after_heading and section:
                heading = f"{section} \u2013 {heading}"
            section, heading_line, after_heading = heading, line_no, True
            if len(heading) > SECTION_HEADING_MAX:
                problems.append(f"The heading on line {line_no} is longer than "
                                f"{SECTION_HEADING_MAX} characters")
        elif match:
            number = (match.group("q") or match.group("n")).lower()
            found.append((number, line_no, [match.group("text")], section))
            after_heading = False
        elif found and not after_heading:
            found[-1][2].append(line)
        elif after_heading:
            problems.append(
                f"Line {line_no} comes after the heading \u2018{section}\u2019 but before its "
                "first question. Leave out text that is not a heading or a question")
        else:
            problems.append(
                f"Line {line_no} comes before the first numbered question. "
                "Start each question with its number, like \u2018Q1.\u2019 or \u20181)\u2019")
    if after_heading:
        problems.append(f"The heading \u2018{section}\u2019 (line {heading_line}) has no "
                        "questions under it")
    return found


def _checked_questions(found: list[Numbered], problems: list[str]) -> list[ParsedQuestion]:
    """The questions, each checked for text, length and a number used once."""
    seen: dict[str, int] = {}
    questions = []
    for number, line_no, parts, heading in found:
        text = _clean(" ".join(parts))
        if not text:
            problems.append(f"Question {number} (line {line_no}) has a number but no question")
        elif len(text) > MAX_QUESTION_CHARS:
            problems.append(f"Question {number} (line {line_no}) is longer than "
                            f"{MAX_QUESTION_CHARS:,} characters")
        if number in seen:
            problems.append(f"Question {number} appears twice (lines {seen[number]} and "
                            f"{line_no}). Each question needs its own number")
        seen.setdefault(number, line_no)
        questions.append(ParsedQuestion(number=number, text=text, line=line_no, section=heading))
    return questions


class NumberedQuestion(Protocol):
    """What ``format_questions`` reads: a ``ParsedQuestion`` or a ``Question`` row."""

    @property
    def number(self) -> str: ...

    @property
    def text(self) -> str: ...


def format_questions(questions: Iterable[NumberedQuestion],
                     heading: Callable[[Any], str | None] = lambda q: q.section) -> str:
    """Write questions back as a list that parse_questions reads the same way.

    Args:
        questions: ParsedQuestion or Question rows, in order.
        heading: gives a question's section heading (text) or None.

    Returns:
        The pasted-list text, with each heading on its own line before its first question.
    """
    lines: list[str] = []
    current = None
    for question in questions:
        section = heading(question)
        if section and section != current:
            lines.extend([""] * bool(lines) + [section])
        current = section
        lines.append(f"Q{question.number}. {question.text}")
    return "\n".join(lines)
