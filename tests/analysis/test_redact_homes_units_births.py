"""Redaction of supported housing said through who moved someone there, its rules or its
staff; hospitals explained after their name; birth dates said as "a ... baby"."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("The council moved us to Harbour Court after the fire.",
     "Harbour Court"),
    ("Probation moved him into Linden House the week he got out.", "Linden House"),
    ("Ended up back at Orchard Hall, it's a wet house so nobody judged me for the cans.",
     "Orchard Hall"),
    ("Dee, the warden at Fenwick Point, never once raised her voice.", "Fenwick Point"),
    ("My keyworker at Ashgrove Court sorted my bus pass.", "Ashgrove Court"),
])
def test_supported_housing_said_as_where_someone_stays(text, expected, fake_nlp):
    assert ("hostel", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "They moved the meeting to Riverside House because of the roadworks.",
    "The cook at the Red Lion gave me a job washing up.",
    "We moved to Milford Haven when I was small.",
])
def test_moves_and_staff_elsewhere_are_not_hostels(text, fake_nlp):
    assert "hostel" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, expected", [
    ("Three weeks in Brackendale, the psych unit, and nobody visited.", "Brackendale"),
    ("They took me to Thornfield, a secure hospital miles from anywhere.", "Thornfield"),
    # One list of unit kinds for both forms (found in review: each missed the other's).
    ("I was kept in Larkfield, the assessment unit, for weeks.", "Larkfield"),
])
def test_hospital_explained_after_its_name(text, expected, fake_nlp):
    assert ("hospital", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "On Tuesday, the ward was shut for cleaning.",
    "Honestly, the unit was the best thing that happened to me.",
    "Council ward 3 voted for the new hostel.",
])
def test_words_before_a_unit_are_not_hospitals(text, fake_nlp):
    assert "hospital" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, expected", [
    ("Me, I'm a 9th of October 1979 baby, same as my twin.", "9th of October 1979"),
    ("She was a twenty-second of June 1995 baby.", "twenty-second of June 1995"),
])
def test_birth_date_said_as_a_baby(text, expected, fake_nlp):
    assert ("date of birth", expected) in found(text, fake_nlp)


def test_a_date_before_a_baby_story_is_not_a_birth_date(fake_nlp):
    text = "On the 4th of June 2019 my baby was taken into care."
    assert "date of birth" not in [label for label, _ in found(text, fake_nlp)]


def test_a_named_locked_unit_is_a_hospital(fake_nlp):
    found_here = found("I spent a month on the Larkfield locked unit.", fake_nlp)
    assert [label for label, _ in found_here] == ["hospital"]
    assert "Larkfield" in found_here[0][1]
