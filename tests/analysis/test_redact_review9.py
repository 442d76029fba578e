"""Review of round sixteen's keep-rules: each is a place a real name could leak. People
named like drugs, drinks, star signs and shops, someone's appeal or community order, and
initials that are also an abbreviation are still people (redaction is privacy-first); and
many initials beside many names are read in time proportional to the text.
"""
from __future__ import annotations

import pytest

from analysis.core.pii import initials
from analysis.core.pii.common import Candidate

from .test_redact import found


def _names(text, nlp):
    return [t for label, t in found(text, nlp) if label == "name"]


@pytest.mark.parametrize("text, name", [
    ("Jamie's appeal got turned down last week", "Jamie"),
    ("Kelly's community order got breached", "Kelly"),
    ("my brother Connor's community sentence ended", "Connor"),
    ("Sarah's charity shop job kept her sane", "Sarah"),
])
def test_someones_appeal_or_community_order_is_still_theirs(text, name, real_nlp):
    assert name in _names(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("billy and charlie were my cellmates on the detox wing", "billy"),
    ("tina and molly are my two girls, they live with my mum now", "tina"),
    ("mandy, tina and molly were the only ones who visited", "mandy"),
    ("we had spice in there, then billy from the next cell got me off it", "billy"),
    ("it was crack and heroin with me, then henry my keyworker got me into rehab", "henry"),
    ("used to sell weed, billy sold the rest", "billy"),
])
def test_people_named_like_drugs_listed_together_or_next_are_still_names(text, name,
                                                                         real_nlp):
    assert name in _names(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("I relied on Stella for everything when I got out", "Stella"),
    ("Come on Sherry, you can tell them", "Sherry"),
    ("checked on Stella and she was fine", "Stella"),
    ("I was on Sherry's case all week", "Sherry"),
])
def test_people_named_like_drinks_after_on_are_still_names(text, name, real_nlp):
    assert name in _names(text, real_nlp)


@pytest.mark.parametrize("text", [
    "typical Leo, nicked my burn and never paid me back",
    "there was a Leo on my wing who got me through it",
    "proper Leo he is, grassed me up to the screws",
])
def test_a_leo_who_is_someone_is_still_a_name(text, real_nlp):
    assert "Leo" in _names(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("me and my padmate greggs shared everything", "greggs"),
    ("wilko grassed on me to the screws", "wilko"),
])
def test_a_lower_case_shop_name_that_is_someone_is_still_a_name(text, name, real_nlp):
    assert name in _names(text, real_nlp)


@pytest.mark.parametrize("text", [
    "rang JP and he picked me up",
    "me and JP were in the same cell for two years",
])
def test_jp_said_of_someone_is_a_name(text, real_nlp):
    assert "JP" in _names(text, real_nlp)


class _CountedCandidate(Candidate):
    """A name candidate that counts how often its start is read."""

    reads = 0

    @property
    def start(self):  # type: ignore[override]
        _CountedCandidate.reads += 1
        return tuple.__getitem__(self, 0)


def test_initials_beside_many_names_look_only_at_names_near_them():
    # Each initials' check read every name found: 4,000 initials beside 4,000 names read
    # 16 million starts (seconds for 50 KB of text).
    text = "KP and Dave, " * 4000
    names = [_CountedCandidate(i + 7, i + 11, "name") for i in range(0, len(text), 13)]
    _CountedCandidate.reads = 0
    assert len(initials.initials_as_names(text, names)) == 4000
    assert _CountedCandidate.reads < 100_000


@pytest.mark.parametrize("text, name", [
    ("I was keeping an eye on Billy cos he was self harming", "Billy"),
    ("the screws picked on Tina every single day", "Tina"),
    ("come on Molly, tell them what you told me", "Molly"),
])
def test_people_named_like_drugs_after_on_are_still_names(text, name, real_nlp):
    assert name in _names(text, real_nlp)


@pytest.mark.parametrize("text", [
    "I was on Crystal for two years",
    "got back on Billy after my release",
    "i was hooked on charlie by fifteen",
    "on the charlie every weekend",
])
def test_drugs_someone_is_on_are_still_the_drug(text, real_nlp):
    assert _names(text, real_nlp) == []


@pytest.mark.parametrize("text, name", [
    ("i owe greggs a tenner", "greggs"),
])
def test_a_lower_case_shop_name_owed_money_is_someone(text, name, real_nlp):
    assert name in _names(text, real_nlp)
