"""Review seven: names the session's start redacted and later rules let through as films,
drugs, drinks, listed phrases, teams, weather levels, regions and adjectives.

Each text names a person the way a participant would; privacy beats precision, so each is
redacted. Tests named ``..._still_...`` check the tighter rules still keep what is nobody.
"""
from __future__ import annotations

import pytest

from analysis.core.redact import find_personal_data


def names(text, nlp):
    return " ".join(s.text for s in find_personal_data(text, nlp=nlp) if s.label == "name")


@pytest.mark.parametrize("text, name", [
    # P1: art words with a person in them.
    ("we watched a film with Dean Walsh on association and he cried", "Walsh"),
    ("I watched a movie with Kevin Brown last night", "Brown"),
    ("I wrote songs with Dean Walsh in the music class", "Walsh"),
    ("poems by Dean Walsh from B wing", "Walsh"),
    ("Dean Walsh on repeat telling me to get clean", "Walsh"),
    # P2: a drug word taken somewhere is a person.
    ("I took Molly to school then went to probation", "Molly"),
    ("I was taking Charlie to the dentist", "Charlie"),
    # P3: a drink word missed or with kids is a person.
    ("I missed Stella so much when I was inside", "Stella"),
    ("I miss Brandy every day, my daughter", "Brandy"),
    ("Stella and Carling my two kids were in care", "Carling"),
    # P4: a listed phrase said of someone cued or doing something.
    ("my pad mate Jack Daniels got out last week", "Jack"),
    ("my son Harry Potter's his real name", "Harry"),
    ("I'm seeing Ruby Tuesday at visits", "Ruby"),
    ("I saw Pat on the back stairs and she gave me a hug", "Pat"),
    ("me and Del Boy on the landing ran the canteen trade", "Del"),
    ("I gave Amber warning about the landlord", "Amber"),
    # P5: games and matches as verbs.
    ("Sarah games the system every single time", "Sarah"),
    ("Jamie matches the description they gave", "Jamie"),
    # P6: Amber gone to for a bed.
    ("the snow came and I went to Amber for a bed", "Amber"),
    ("it was freezing so I went round to Amber's, she put me up", "Amber"),
    # P7: a region word who is a pad mate.
    ("I miss Chad so much, he was my pad mate", "Chad"),
    # Minor: a name-word and an adjective, then more said of them.
    ("Frank and sober now, he sponsors me at NA", "Frank"),
])
def test_people_said_like_public_names_are_redacted(text, name, real_nlp):
    assert name in names(text, real_nlp)


@pytest.mark.parametrize("text", [
    "listening to Bob Marley",
    "I was on Crystal for two years",
    "a bag of Charlie",
    "a can of Stella for breakfast",
    "the weather went to Amber so the emergency beds opened",
    "a pat on the back is all you get for staying clean",
    "Leeds fans were loud",
    "the Crystal Palace game was on in the pub",
])
def test_still_public_names_in_their_frames_are_kept(text, real_nlp):
    assert names(text, real_nlp) == ""
