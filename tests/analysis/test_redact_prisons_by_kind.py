"""Prisons said without "HMP": a sentence length said as a number ("did a two in"), "the"
before a stretch, a list with years or "the one before", "on the out from", a shared pad,
and nicknames; a car or a team that shares a prison's name is neither."""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, expected", [
    ("Did a four in Garth and never got a visit.", "Garth"),
    ("Did three years in Garth and two in Wakefield.", "Wakefield"),
    ("I did my first one in Risley and the one before that in Lewes.", "Lewes"),
    ("I was on the out from Winchester for a fortnight, then recalled.", "Winchester"),
    ("Eighteen months in the Mount and they lost my parole dossier.", "Mount"),
    ("I got nicked on the Tuesday and by Friday I was in Hindley.", "Hindley"),
    ("Me and him shared a pad in Norwich the whole of 2019.", "Norwich"),
    ("Pentonville, the Ville, whatever you call it, it was grim.", "the Ville"),
    ("My grandad did fifteen years in Parkhurst.", "Parkhurst"),
])
def test_prisons_said_without_hmp(text, expected, fake_nlp):
    assert ("prison", expected) in found(text, fake_nlp)


def test_a_word_the_model_runs_on_to_does_not_hide_the_prison(real_nlp):
    # The model reads "Swaleside now" as one place; the longer span used to win.
    assert ("prison", "Swaleside") in found("He's doing a five in Swaleside now.", real_nlp)


@pytest.mark.parametrize("text", [
    "My brother sold me a Ford when I was inside and it got nicked off the drive.",
    "Liverpool won on Saturday and the whole landing was buzzing.",
    "I watched Prison Break on the telly in my cell.",
])
def test_cars_teams_and_shows_are_no_prisons(text, fake_nlp):
    assert "prison" not in [label for label, _ in found(text, fake_nlp)]


@pytest.mark.parametrize("text, expected", [
    ("I was recalled to Bristol over one missed appointment.", "Bristol"),
    ("They took me down to Lincoln straight from the dock.", "Lincoln"),
    ("I've done Hull, Everthorpe and Wolds, they're all the same.", "Wolds"),
])
def test_recalls_being_sent_down_and_closed_prisons(text, expected, fake_nlp):
    assert ("prison", expected) in found(text, fake_nlp)
