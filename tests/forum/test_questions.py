"""Parsing a pasted consultation question list."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forum.services.questions import QuestionListError, format_questions, parse_questions


def numbers_and_texts(pasted):
    return [(q.number, q.text) for q in parse_questions(pasted)]


@pytest.mark.parametrize("line, number, text", [
    ("Q8. What can central government do?", "8", "What can central government do?"),
    ("Q8: What works?", "8", "What works?"),
    ("Q 8 What works?", "8", "What works?"),
    ("q12) lower case", "12", "lower case"),
    ("Question 3 - Housing?", "3", "Housing?"),
    ("Question 3: Housing?", "3", "Housing?"),
    ("8) Anything else?", "8", "Anything else?"),
    ("8. Anything else?", "8", "Anything else?"),
    ("(8) Anything else?", "8", "Anything else?"),
    ("12a) A sub-question", "12a", "A sub-question"),
    ("  Q18.   How can we better work   with the private rented sector? ", "18",
     "How can we better work with the private rented sector?"),
])
def test_numbered_line_shapes(line, number, text):
    assert numbers_and_texts(line) == [(number, text)]


def test_questions_run_over_lines_and_gaps_are_kept():
    pasted = """Q1. What are the barriers
to stopping offending?

Q3. How can housing support
on release be improved?
Q8) What can central government do?"""
    assert numbers_and_texts(pasted) == [
        ("1", "What are the barriers to stopping offending?"),
        ("3", "How can housing support on release be improved?"),
        ("8", "What can central government do?"),
    ]


def test_decimal_numbers_inside_text_are_not_questions():
    pasted = "Q1. Costs rose\n8.5 million people were affected. Why?"
    assert numbers_and_texts(pasted) == [("1", "Costs rose 8.5 million people were affected. Why?")]


def test_round_trip_through_format():
    parsed = parse_questions("Q2. Two?\nQ5. Five, over\ntwo lines?")
    assert parse_questions(format_questions(parsed)) == [
        type(q)(number=q.number, text=q.text, line=i) for i, q in enumerate(parsed, start=1)]


@pytest.mark.parametrize("pasted, message", [
    ("", "Paste the consultation\u2019s questions"),
    ("   \n\n  ", "Paste the consultation\u2019s questions"),
    ("What works?\nWhat does not?", "could not find any question numbers"),
    ("Introduction text\nQ1. What works?", "Line 1 comes before the first numbered question"),
    ("Q1. First\nQ2.\nQ3. Third", "Question 2 (line 2) has a number but no question"),
    ("Q1. First\nQ2. Second\nQ2. Again", "Question 2 appears twice (lines 2 and 3)"),
    ("Q1. " + "x" * 3001, "longer than 3,000 characters"),
])
def test_bad_lists_get_plain_messages(pasted, message):
    with pytest.raises(QuestionListError) as raised:
        parse_questions(pasted)
    assert any(message in problem for problem in raised.value.problems), raised.value.problems


def test_every_problem_is_reported_at_once():
    with pytest.raises(QuestionListError) as raised:
        parse_questions("Q1.\nQ1. dup\nQ4.")
    assert len(raised.value.problems) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_parses_or_gets_a_plain_error(pasted):
    try:
        questions = parse_questions(pasted)
    except QuestionListError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
    else:
        numbers = [q.number for q in questions]
        assert len(numbers) == len(set(numbers))
        assert all(q.text for q in questions)


def test_chapter_headings_become_sections_before_and_between_questions():
    pasted = ("Chapter 2: Reducing reoffending\nQ1. What works?\nQ5. Five,\nover two lines?\n"
              "Chapter 3: Employment\nQ7. Seven?")
    parsed = parse_questions(pasted)
    assert [(q.number, q.text, q.section) for q in parsed] == [
        ("1", "What works?", "Chapter 2: Reducing reoffending"),
        ("5", "Five, over two lines?", "Chapter 2: Reducing reoffending"),
        ("7", "Seven?", "Chapter 3: Employment")]


@pytest.mark.parametrize("line, heading", [
    ("PART 1 - Prevention", "Part 1: Prevention"),
    ("Chapter Three", "Chapter Three"),
    ("Section 4 Employment", "Section 4: Employment"),
    ("Chapter iv: Women", "Chapter iv: Women"),
])
def test_heading_shapes(line, heading):
    assert parse_questions(f"{line}\nQ1. One?")[0].section == heading


def test_a_part_then_a_chapter_join_into_one_heading():
    parsed = parse_questions("Part 1: Prevention\nChapter 2: Housing\nQ1. One?")
    assert parsed[0].section == "Part 1: Prevention \u2013 Chapter 2: Housing"


def test_words_like_section_inside_a_question_are_not_headings():
    parsed = parse_questions("Q1. Under the Act,\nSection 3 of the Act says what?\nQ2. Two?")
    assert [(q.text, q.section) for q in parsed] == [
        ("Under the Act, Section 3 of the Act says what?", None), ("Two?", None)]


def test_headings_round_trip_through_format():
    parsed = parse_questions("Chapter 1: A\nQ1. One?\nQ2. Two?\nChapter 2: B\nQ4. Four?")
    again = parse_questions(format_questions(parsed))
    assert [(q.number, q.text, q.section) for q in again] == [
        (q.number, q.text, q.section) for q in parsed]


@pytest.mark.parametrize("pasted, message", [
    ("Chapter 1: A\nSome introduction.\nQ1. One?",
     "Line 2 comes after the heading \u2018Chapter 1: A\u2019"),
    ("Q1. One?\nChapter 9: Empty",
     "The heading \u2018Chapter 9: Empty\u2019 (line 2) has no questions"),
])
def test_heading_problems_are_explained(pasted, message):
    with pytest.raises(QuestionListError) as raised:
        parse_questions(pasted)
    assert any(message in problem for problem in raised.value.problems), raised.value.problems
