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
