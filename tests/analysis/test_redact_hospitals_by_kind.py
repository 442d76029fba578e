"""Hospitals, wards, units, clinics and surgeries named by any word: told by what the
sentence says happened there (a section, an overdose, blood tests) or a word of kind."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("They sectioned me and took me to Cherry Knowle.", "Cherry Knowle"),
    ("They rushed me to the Freeman after the overdose.", "Freeman"),
    ("Sectioned again, back to Hellesdon, same nurses.", "Hellesdon"),
    ("I had three admissions to Foxglove before they found the right meds.", "Foxglove"),
    ("I got stitched up at Tameside General and sent home.", "Tameside General"),
    ("They did the scan at Walton Centre after my seizure.", "Walton Centre"),
    ("My methadone comes through the Elmwood Practice now.", "Elmwood Practice"),
    ("I'm under the Brambles clinic for my anxiety now.", "Brambles clinic"),
    ("I was in Lavender Ward, Primrose Ward and then Larch in one winter.", "Larch"),
    ("Lakeside was the locked unit, you couldn't even go in the garden.", "Lakeside"),
])
def test_hospitals_said_as_what_they_are(text, expected, fake_nlp):
    assert ("hospital", expected) in found(text, fake_nlp)


@pytest.mark.parametrize("text", [
    "I went to the hospital for my knee and waited six hours.",
    "The methadone clinic moved my pick-up to Tuesdays.",
    "I was in and out of hospital for a year, on a section twice.",
])
def test_unnamed_hospitals_stay(text, fake_nlp):
    assert found(text, fake_nlp) == []
