"""Services named in two English words ("Victim Support rang me", "Cocaine Anonymous on a
friday") and a place before "station" ("Victoria coach station") are no people (round
eleven), while a first name or a surname after one stays a person."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, word", [
    ("Victim Support rang me after the trial.", "Support"),
    ("Cocaine Anonymous on a friday night at the community centre.", "Anonymous"),
    ("we got the coach from Victoria coach station", "Victoria"),
    ("I slept at Euston station for a week.", "Euston"),
])
def test_services_and_stations_are_no_people(text, word, real_nlp):
    assert [label for label, span in found(text, real_nlp)
            if word in span and label == "name"] == []


@pytest.mark.parametrize("text, expected", [
    ("Kayleigh Baker rang me after the trial.", "Baker"),
    ("Me and Dean walked to the station.", "Dean"),
])
def test_people_beside_them_stay(text, expected, real_nlp):
    assert any(expected in span for label, span in found(text, real_nlp) if label == "name")
