"""Frames that make a name-like word something else: a region where a place stands ("from
Kent"), a star sign said of someone ("i'm a leo"), a name that is an organisation's
("Prince's Trust")."""
from __future__ import annotations

import re

from .common import Candidate

STAR_SIGNS = frozenset(["aries", "taurus", "gemini", "cancer", "leo", "virgo", "libra", "scorpio",
                        "sagittarius", "capricorn", "aquarius", "pisces"])
# Said of what someone is ("i'm a leo", "she's such a Virgo"), never "there's a Leo on my
# wing"; "typical" or "proper" only with whom it describes after ("typical leo me"):
# "typical Leo, nicked my burn" is someone.
SIGN_BEFORE = re.compile(
    r"\b(?:(?i:i['’]?m|am|are|['’]re|is|[a-z]+['’]s|hes|shes|ur|being)[ \t]+"
    r"(?i:an?|such[ \t]+a)"
    r"|(?P<typical>(?i:typical|proper)))[ \t]+$")
THERE_BEFORE = re.compile(r"\b(?i:there|here)(?:['’]s|[ \t]+is)[ \t]+(?i:an?)[ \t]+$")
SIGN_OF_SOMEONE = re.compile(
    r"[ \t]*(?:[.!?\n]|$)"  # "..., typical leo."
    r"|[ \t]*,?[ \t]+(?i:me|him|her|you|us|them|that|behaviou?r|traits?|thing|energy)\b")
# With 's only a capitalised word names the organisation ("Prince's Trust"): "Jamie's
# appeal", "Kelly's community order" and "Sarah's charity shop job" are someone's.
ORG_WORDS = r"community|foundation|association|society|charity|appeal"
# "trust" in lower case after a name is the verb ("me and Dave trust each other").
ORG_AFTER = re.compile(rf"(?:[ \t]+(?:(?i:{ORG_WORDS})|Trust)"
                       rf"|['’]s[ \t]+(?:Community|Foundation|Association|Society|Charity"
                       rf"|Appeal|Trust))\b")
REGION_FRAME_BEFORE = re.compile(
    r"\b(?i:the|in|from|to|across|around|round|near|all[ \t]+over)[ \t]+$")


def region_framed(text: str, cand: Candidate) -> bool:
    """Whether a region word stands where a place does ("the Midlands", "from Kent")."""
    span = text[cand.start:cand.end]
    return (" " in span.strip() or span.lower().startswith("the ")
            or bool(REGION_FRAME_BEFORE.search(text[max(0, cand.start - 12):cand.start])))


def star_sign(text: str, cand: Candidate) -> bool:
    """"I'm a leo", "typical Leo": a star sign said as a kind of person, not someone."""
    sign = SIGN_BEFORE.search(text, max(0, cand.start - 12), cand.start)
    return bool(text[cand.start:cand.end].lower() in STAR_SIGNS and sign
                and not THERE_BEFORE.search(text, max(0, cand.start - 12), cand.start)
                and (not sign.group("typical") or SIGN_OF_SOMEONE.match(text, cand.end)))


def in_organisation(text: str, cand: Candidate) -> bool:
    """A name with an organisation's word after it or as its last word ("Simon Community")."""
    words = text[cand.start:cand.end].split()
    return bool(ORG_AFTER.match(text, cand.end)
                or (len(words) > 1 and ORG_AFTER.fullmatch(" " + words[-1])))
