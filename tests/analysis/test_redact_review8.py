"""Review of round fifteen: people named like drinks, drugs and chains, said in a sentence
that also talks of drinking or of an amount, are still people (redaction is privacy-first);
and a long run of word characters after an app name does not stall the handle rule.
"""
from __future__ import annotations

import pytest

from analysis.core.pii import contact

from .test_redact import found


@pytest.mark.parametrize("text, name", [
    ("Brandy was drinking again and I couldn't cope", "Brandy"),
    ("Sherry drank a bottle of vodka every day", "Sherry"),
    ("My sister Sherry drank a bottle of vodka every day", "Sherry"),
    ("My mate Stella was always drunk", "Stella"),
    ("Stella was my key worker when I was drinking", "Stella"),
    ("Brandy's drinking got worse after her mum died", "Brandy"),
    ("I used to drink with Brandy at the park", "Brandy"),
    ("Sherry is my sponsor, she's been sober ten years, no alcohol", "Sherry"),
    ("Sherry and Brandy were both drinking", "Sherry"),
    ("Stella, Brandy and Sherry were at the pub drinking", "Brandy"),
])
def test_people_named_like_drinks_in_a_drinking_sentence_are_names(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("Some Charlie from the hostel robbed me", "Charlie"),
    ("Some Tina I knew from rehab was on it too", "Tina"),
    ("A bit of Mandy's advice helped", "Mandy"),
    ("I was on Crystal's sofa for a month", "Crystal"),
])
def test_people_named_like_drugs_after_amount_words_are_names(text, name, real_nlp):
    assert any(label == "name" and t.startswith(name) for label, t in found(text, real_nlp))


def test_a_person_named_like_a_delivery_firm_is_a_name(real_nlp):
    assert ("name", "Hermes") in found("Hermes my probation officer was decent", real_nlp)


def test_a_long_run_after_an_app_name_is_read_quickly_and_is_no_handle():
    # Was quadratic in the run's length (some 10 s for 20,000 characters, minutes for 100 KB).
    text = "snapchat me a" + "_" * 100_000 + " ok"
    assert contact.HANDLE_AFTER_APP.search(text) is None


@pytest.mark.parametrize("text, handle", [
    ("snapchat me kel.x.99", "kel.x.99"),
    ("my insta is jay_b.88", "jay_b.88"),
    ("snap me zoë_21", "zoë_21"),
])
def test_handles_after_an_app_name_are_still_found(text, handle):
    m = contact.HANDLE_AFTER_APP.search(text)
    assert m is not None and m.group("handle") == handle
