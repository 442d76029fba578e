"""Safeguarding flags: broad on purpose, past tense and third person included."""
from __future__ import annotations

import pytest

from analysis.core import safeguarding
from analysis.core.safeguarding import find_risks


@pytest.mark.parametrize("text, category", [
    ("I went back to the hostel and I thought about ending it.", "suicide"),
    ("I'd sort of planned it, how I'd do it.", "suicide"),
    ("She tried to kill herself last year.", "suicide"),
    ("My cellmate hanged himself.", "suicide"),
    ("I had the same sort of thoughts as Lisa, back then.", "suicide"),
    ("I don't want to be here any more.", "suicide"),
    ("I used to cut myself inside.", "self-harm"),
    ("He's been self-harming again.", "self-harm"),
    ("When I was being hurt at home, I didn't ring.", "abuse"),
    ("Don't send us back to the person who hurt us.", "abuse"),
    ("My ex battered me for years.", "abuse"),
    ("They were grooming the younger lads for county lines.", "abuse"),
    ("He said he's going to kill her.", "danger"),
    ("I put a chair against the door every night.", "danger"),
    ("He's got a knife, he carries it everywhere.", "danger"),
    ("I didn’t feel safe, I was scared for my life.", "danger"),
    # Said without the obvious words: passive wishes, hopelessness, self-harm, disclosures.
    ("Some nights I just want to go to sleep and not wake up.", "suicide"),
    ("I don't see the point in carrying on anymore.", "suicide"),
    ("Honestly I can't take this no more.", "suicide"),
    ("My kids would be better off, that's what I thought.", "suicide"),
    ("I took all my tablets at once.", "suicide"),
    ("I've been cutting again since they moved me.", "self-harm"),
    ("My uncle used to touch me when I was little.", "abuse"),
    ("He made me carry for him or else.", "abuse"),
    ("I haven't eaten in four days.", "danger"),
])
def test_flags(text, category):
    assert category in {flag.category for flag in find_risks(text)}


@pytest.mark.parametrize("text", [
    "I ended up in a hostel near the station.",
    "The end of it all was a good day out.",
    "It might have saved my life, honestly.",
    "The chemist shut at six on a Friday.",
    "I've been cutting back on the drink with my worker.",
    "I can't take this tablet on an empty stomach.",
    "The food was killing me, worst curry ever.",
])
def test_ordinary_speech_is_not_flagged(text):
    assert find_risks(text) == []


def test_flags_point_into_the_text():
    text = "Honestly, I thought about ending it. And he hit me."
    flags = find_risks(text)
    assert [(f.category, text[f.start:f.end]) for f in flags] == [
        ("suicide", "thought about ending"), ("abuse", "hit me")]
    assert all(f.matched == text[f.start:f.end] for f in flags)


def test_negated_statements_still_flag_for_a_person_to_read():
    assert find_risks("I'm not suicidal now, I promise.")


def test_every_pattern_line_is_valid():
    patterns = safeguarding.load_patterns()
    assert {category for category, _ in patterns} == set(safeguarding.CATEGORIES)


def test_bad_pattern_file_names_the_line(tmp_path, monkeypatch):
    monkeypatch.setattr(safeguarding, "load_list", lambda name: ("worry | thing",))
    safeguarding.load_patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match="worry"):
            safeguarding.load_patterns("other.txt")
    finally:
        safeguarding.load_patterns.cache_clear()


@pytest.mark.parametrize("text, category", [
    # Written fresh for this check, none from the fixtures: risk said without the usual words.
    ("Some nights I just want it all to stop.", "suicide"),
    ("I've written letters to my kids in case I'm not here.", "suicide"),
    ("I stockpiled my meds for weeks.", "suicide"),
    ("There's no reason for me to be here anymore.", "suicide"),
    ("Nobody would notice if I disappeared.", "suicide"),
    ("My dealer said he'd hurt my little girl if I don't pay.", "danger"),
    ("They'll do my mum if I don't hold it for them.", "danger"),
    ("I'm scared he'll kill me when he gets out.", "danger"),
    ("I've been hearing voices telling me to hurt people.", "danger"),
    ("I've got nowhere to sleep tonight and it's freezing.", "danger"),
    ("I'm using again, injecting every day, sharing needles.", "danger"),
    ("I haven't had my insulin since they released me.", "danger"),
    ("He OD'd in the hostel toilets.", "suicide"),
])
def test_flags_risk_said_in_other_words(text, category):
    assert category in {f.category for f in find_risks(text)}


@pytest.mark.parametrize("text", [
    "Excellent service, odd mistakes by a very committed team.",
    "I do my mum's shopping on a Tuesday.",
    "I want to stop reoffending and get a job.",
    "I nearly died laughing when they said that.",
    "I overdid it at the gym.",
])
def test_everyday_words_near_those_are_not_flagged(text):
    assert find_risks(text) == []


@pytest.mark.parametrize("text, category", [
    # A second fresh set (this round): control at home, threats through debt, using alone,
    # a missing friend, losing a roof, and despair without the words "suicide" or "die".
    ("My partner locks me in the flat when he goes out.", "abuse"),
    ("He won't let me see my family any more.", "abuse"),
    ("I owe money to some lads and they know where my mum lives.", "danger"),
    ("I've been using on my own again, which is how you die.", "danger"),
    ("I can't keep myself safe at the minute.", "suicide"),
    ("I've been having thoughts of hurting my baby.", "danger"),
    ("My mate's been missing for a week and nobody's looking.", "danger"),
    ("I'm being kicked out on Monday and I'll be on the streets.", "danger"),
    ("I just don't see the point in anything any more.", "suicide"),
    # The README's own example, said without "in": a new user found it unflagged.
    ("Some days I felt there was no point carrying on.", "suicide"),
])
def test_flags_control_debt_threats_using_alone_and_despair(text, category):
    assert category in {f.category for f in find_risks(text)}


@pytest.mark.parametrize("text", [
    "They locked me up for two years.",
    "We were locked in our cells 23 hours a day.",
    "I owe money to the council for rent arrears.",
    "I used to be on the streets but I've got a flat now.",
    "The letter went missing for a week.",
    "Using the bus on my own was scary at first.",
])
def test_prison_talk_and_everyday_words_near_those_are_not_flagged(text):
    assert find_risks(text) == []


@pytest.mark.parametrize("text", [
    # Written fresh: the same despair in the words one pattern had and the other did not.
    "Honestly there's no point in anything now.",
    "What's the point of being alive like this.",
    "I couldn't see any point in being alive.",
])
def test_no_point_in_living_is_flagged_however_it_is_put(text):
    assert "suicide" in {f.category for f in find_risks(text)}


@pytest.mark.parametrize("text, said", [
    ("After Friday I will be homeless.", "will be homeless"),
    ("Honestly I'm gonna be on the streets again.", "'m gonna be on the streets again"),
])
def test_a_flag_holds_the_words_not_the_space_before_them(text, said):
    assert [f.matched for f in find_risks(text)] == [said]
