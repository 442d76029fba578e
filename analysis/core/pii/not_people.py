"""Capitalised words that look like names but are not people: titles, openers, courts."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..lists import load_list, load_set
from .common import CAP_WORD, Candidate, is_sentence_start
from .name_rules import cued_names, named_by_role
from .name_word_compounds import compound, paired_adjective
from .name_words import TITLES
from .speakers import speaks
from .word_lists import PERSON_OBJECT_VERBS

__all__ = ["drop_not_people", "named_documents"]


# Courts are public and kept (see GENERIC_FIRST in places.py: "Crown", "Magistrates"); a
# Crown Court known by its place ("the judge at Snaresbrook", "the hearing at Preston") is
# no person either. Not "bench": "the bench in Kevin's garden"; "the hearing at Tracy's
# flat" is a possessive, which stays a name.
COURT_BEFORE = re.compile(
    r"\b(?:judge|court|courts|sentenced|sentencing|sentence|magistrates|dock|hearing|hearings"
    r"|trial|tried|appeared|appearance|convicted|committed|adjourned)"
    r"\s+(?:(?:me|him|her|them|us)\s+)?(?:at|in|up\s+at|over\s+at|down\s+at)\s+$",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"['’](?:s\b|(?!\w))")  # "Kevin's", "Hughes'"
# "St John's Ambulance", "St Patrick's Day", "Saint Basil's": a saint is no participant;
# a hospital or hostel by a saint's name is found by its own detectors.
SAINT_BEFORE = re.compile(r"\b(?:St\.?|Saint)[ \t]+$")
SAINT_START = re.compile(r"(?:St\.?|Saint)[ \t]+[A-Z]")


@lru_cache(maxsize=1)
def _document_title() -> re.Pattern[str]:
    ends = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in load_list("public_document_words.txt"))
    # One to three capitalised words (never a possessive: "Dave's report" is Dave's) and
    # a title word in any case: "the Bradley Report", "the Lammy review".
    return re.compile(rf"(?<![\w'’])((?:{CAP_WORD}\s+){{1,3}})(?i:{ends})\b")


def named_documents(text: str) -> list[tuple[int, int]]:
    """Find public documents named after people ("the Bradley Report", "the Lammy review").

    Args:
        text: text to search.

    Returns:
        (start, end) offsets of each title, from its first capitalised word to its title word.
    """
    return [(m.start(1), m.end()) for m in _document_title().finditer(text)]


# "Tiny and me shared a cell": an adjective is never with the speaker. Not any "with
# someone" test: "Plus, my probation officer left" is an opener before who someone is.
WITH_SPEAKER = re.compile(r"[ \t]+and[ \t]+(?:me|I)\b")


def _opener(text: str, cand: Candidate, is_modifier: Callable[[str], bool]) -> bool:
    """A lone capitalised adverb or adjective opening a sentence ("Plus, ...", "Still ...")."""
    word = text[cand.start:cand.end]
    if " " in word or not is_sentence_start(text, cand.start):
        return False
    low = word.lower()
    # Names that are also words (Frank, Rose, Young) keep their own rules in the lists.
    if low in load_set("first_names.txt") or low in load_set("name_words.txt"):
        return False
    # "Royal was my keyworker", "Star told me", "Tiny and me": what follows shows a person.
    if (named_by_role(text, cand.start) or speaks(text, cand.end)
            or (WITH_SPEAKER.match(text, cand.end) and not low.endswith("ly"))):
        return False
    return is_modifier(word)


# "watched Prison Break", "Bad Girls was always on the telly": a programme, not a person.
SHOW_BEFORE = re.compile(r"\b(?i:watch|watched|watching|episodes?[ \t]+of|series[ \t]+of)[ \t]+"
                         rf"(?:{CAP_WORD}[ \t]+){{0,3}}$")
SHOW_AFTER = re.compile(r"[ \t]+(?:(?:was|is|were)[ \t]+)?(?:(?:always|still|back)[ \t]+)?on"
                        r"[ \t]+(?:the[ \t]+)?(?i:telly|tv|tele|television|iplayer|netflix)\b")
# "watched Baker get beaten up", "watched Cook and Fisher fight": someone watched doing
# something is a person; only a pause or when it was on may follow a programme.
SHOW_NEXT = re.compile(r"\s*(?:$|[.,;:!?]|(?:on|last|every|all|again|yesterday|tonight"
                       r"|when|while|before|after|till|until)\b)")


def _show(text: str, cand: Candidate, is_word: Callable[[str], bool]) -> bool:
    """A programme of two or more English words said as watched or on the telly, nothing
    done after it; never one word ("watched Baker", "Ginger on the telly": surnames and
    nicknames are words too), nor a first name ("watched Dean fall")."""
    words = text[cand.start:cand.end].split()
    if (len(words) == 1 or words[0].lower() in load_set("first_names.txt")
            or not all(map(is_word, words)) or not SHOW_NEXT.match(text, cand.end)):
        return False
    return bool(SHOW_BEFORE.search(text[max(0, cand.start - 60):cand.start])
                or SHOW_AFTER.match(text, cand.end))


# "Victoria coach station", "Euston station": a name before a station is where it stands.
STATION_AFTER = re.compile(
    r"[ \t]+(?:(?i:coach|bus|train|tube|railway|underground)[ \t]+)?(?i:station|airport)\b")
CAP_BEFORE = re.compile(rf"({CAP_WORD})[ \t]+$")
# What a service is named for doing ("Victim Support", "Cocaine Anonymous", "Women's Aid"):
# as the second of two words, never a surname here.
SERVICE_HEADS = frozenset(["support", "anonymous", "aid", "advice", "action", "care", "concern",
                           "rescue", "relief", "alliance", "matters"])


def _service_or_station(text: str, cand: Candidate, is_word: Callable[[str], bool]) -> bool:
    """A station's name, or a service named for what it does after an English word
    ("Victim Support", "Cocaine Anonymous"); after a first name or a title it is a surname."""
    if STATION_AFTER.match(text, cand.end):
        return True
    word = text[cand.start:cand.end]
    before = CAP_BEFORE.search(text[max(0, cand.start - 30):cand.start])
    if " " in word or not before or word.lower() not in SERVICE_HEADS:
        return False
    first = before.group(1).lower()
    return (is_word(first) and first not in load_set("first_names.txt")
            and first not in load_set("name_words.txt") and first.title() not in TITLES)


def _saint(text: str, cand: Candidate) -> bool:
    """A saint's name, after "St" ("St Patrick's Day") or starting with it ("St John's")."""
    return bool(SAINT_BEFORE.search(text[max(0, cand.start - 7):cand.start])
                or SAINT_START.match(text, cand.start))


def _court(text: str, cand: Candidate) -> bool:
    """A court named by its place ("sentenced at Isleworth", "the hearing at Preston"), never
    a possessive ("the court at Kevin's") or a first name with a surname ("at Stacey Hall")."""
    words = text[cand.start:cand.end].split()
    if POSSESSIVE.match(text, cand.end) or (
            len(words) > 1 and words[0].lower() in load_set("first_names.txt")):
        return False
    return bool(COURT_BEFORE.search(text[max(0, cand.start - 30):cand.start]))


# "an henry", "a charlie": a lower-case word after an article is a thing, not someone; "ye
# ken", "dinnae ken": Scots for "know". "an" is "and" as said too ("me an shaz an tony"), so
# it is an article only before a vowel or h and after an English word that is no person.
A_BEFORE = re.compile(r"(?:^|[^\w'’])(?i:a)[ \t]+$")
AN_BEFORE = re.compile(r"(?:^|(?P<prev>[\w'’]+)[ \t]+)(?i:an)[ \t]+$")
PERSON_WORDS = frozenset(["me", "him", "her", "us", "them", "i", "you", "we"])
SCOTS_KEN_BEFORE = re.compile(r"\b(?i:ye|ya|yi|you|ah|i|dinnae|dunno|d['’]?ye|div|ken)[ \t]+$")
# "it's hard, ken", "a long way ken": closing a clause after a comma or a noun, Scots for "you
# know?"; not after a verb ("I miss ken"), a role or who is with or told ("me and ken.").
KEN_CLOSES = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$)")
KEN_CLAUSE_BEFORE = re.compile(r"(?:(?P<last>[\w'’]+),|\b(?i:a|an|the|my|your|this|that|some)"
                               r"[ \t]+(?:[a-z]+[ \t]+)?(?P<noun>[a-z]+))[ \t]*$")
KEN_SOMEONE_BEFORE = re.compile(
    r"\b(?i:and|an|n|with|wi|to|for|at|from|about|like|than|saw|see|seen|thanks|cheers|ta|hi"
    r"|hiya|hello|bye|night|mate|pal|bro|big|wee|old|auld|uncle|cousin)[ \t]*$")


def _article_or_scots(text: str, cand: Candidate, is_word: Callable[[str], bool] | None) -> bool:
    word = text[cand.start:cand.end]
    before = text[max(0, cand.start - 20):cand.start]
    if not word.islower():
        return False
    clause = KEN_CLAUSE_BEFORE.search(before)
    if word == "ken" and (SCOTS_KEN_BEFORE.search(before) or (
            clause and KEN_CLOSES.match(text, cand.end)
            and not KEN_SOMEONE_BEFORE.search(before.rstrip(", \t"))
            and (clause.group("last") or "").lower() not in PERSON_OBJECT_VERBS
            and (clause.group("noun") is None or (is_word is not None and is_word(
                clause.group("noun")) and clause.group("noun") not in load_set("name_cues.txt"))))):
        return True
    if A_BEFORE.search(before):
        return True
    an = AN_BEFORE.search(before)
    prev = an.group("prev") if an else None
    return bool(an and word[0] in "aeiouh" and (prev is None or (
        prev.lower() not in PERSON_WORDS and is_word is not None and is_word(prev.lower())
        and prev.lower() not in load_set("first_names.txt"))))


def drop_not_people(text: str, cands: list[Candidate],
                    is_modifier: Callable[[str], bool] | None,
                    is_word: Callable[[str], bool] | None = None,
                    is_adjective: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Remove name candidates that are document titles, sentence openers or courts.

    Args:
        text: the text the candidates point into.
        cands: name candidates from the rule and model routes (not the caller's own names).
        is_modifier: says whether a word is an English adverb or adjective (see
            ``pii.lexicon.english_modifiers``); None skips the sentence-opener test.
        is_word: an English word test; None skips the compound-noun test ("Will power").
        is_adjective: an English adjective test; None skips the paired-adjective test
            ("Frank and honest").

    Returns:
        The candidates that may still be people.
    """
    titles = named_documents(text)
    # "My keyworker Hope sanctions nobody", "my cellmate Baker was on the telly": a name
    # after a cue word is a person whatever follows it.
    cued = {c.start for c in cued_names(text)}
    kept = []
    for cand in cands:
        if any(s <= cand.start and cand.end <= e for s, e in titles):  # "Bradley", "Bradley Report"
            continue
        if is_modifier is not None and _opener(text, cand, is_modifier):
            continue
        if is_adjective is not None and cand.start not in cued and paired_adjective(
                text, cand, is_adjective):
            continue
        if _article_or_scots(text, cand, is_word):
            continue
        if _court(text, cand) or _saint(text, cand) or (
                is_word is not None and cand.start not in cued and (
                    compound(text, cand, is_word, is_modifier) or _show(text, cand, is_word)
                    or _service_or_station(text, cand, is_word))):
            continue
        kept.append(cand)
    return kept
