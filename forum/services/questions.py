"""Parse a consultation's pasted question list into numbered questions."""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUESTIONS = 300
MAX_QUESTION_CHARS = 3000
MAX_INPUT_CHARS = 200_000

# "Q8. text", "Q8: text", "Question 8 - text", "Q 8 text", "8) text", "8. text", "(8) text".
# Plain numbers need punctuation then a space so "8.5 million" is not a question.
_NUMBERED = re.compile(
    r"""^\s*(?:
        (?:q|question)\s*(?P<q>\d{1,4}[a-z]?)\s*(?:[.):\-\u2013\u2014]\s*|\s+|$)
      | \(?(?P<n>\d{1,4}[a-z]?)\s*(?:[.):](?:\s+|$)|\s*[\-\u2013\u2014]\s+)
    )(?P<text>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class ParsedQuestion:
    number: str
    text: str
    line: int


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

    Returns:
        The questions in the order given.

    Raises:
        QuestionListError: with every problem found (no numbers, text before the first
            number, a number with no question, duplicate numbers, too long).
    """
    if len(pasted) > MAX_INPUT_CHARS:
        raise QuestionListError([f"The list is too long. Paste at most {MAX_INPUT_CHARS:,} characters"])
    problems: list[str] = []
    found: list[tuple[str, int, list[str]]] = []
    for line_no, raw in enumerate(pasted.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _NUMBERED.match(line)
        if match:
            number = (match.group("q") or match.group("n")).lower()
            found.append((number, line_no, [match.group("text")]))
        elif found:
            found[-1][2].append(line)
        else:
            problems.append(
                f"Line {line_no} comes before the first numbered question. "
                "Start each question with its number, like \u2018Q1.\u2019 or \u20181)\u2019")
    if not found and not problems:
        problems.append("Paste the consultation\u2019s questions, each starting with its number, "
                        "like \u2018Q1. What works well?\u2019")
    elif not found:
        problems = ["We could not find any question numbers. Start each question with its "
                    "number, like \u2018Q1.\u2019 or \u20181)\u2019"]
    seen: dict[str, int] = {}
    questions = []
    for number, line_no, parts in found:
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
        questions.append(ParsedQuestion(number=number, text=text, line=line_no))
    if len(questions) > MAX_QUESTIONS:
        problems.append(f"There are {len(questions)} questions; the most we can take is {MAX_QUESTIONS}")
    if problems:
        raise QuestionListError(problems)
    return questions


def format_questions(questions) -> str:
    """Write questions back as a list that parse_questions reads the same way."""
    return "\n".join(f"Q{q.number}. {q.text}" for q in questions)
