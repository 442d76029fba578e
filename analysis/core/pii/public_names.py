"""Things said like people's names: brands, programmes, characters, drinks and drugs.

"Marks and Spencer", "Harry Potter", "Holby City", "Crystal meth" and "a bottle of Brandy"
name nobody, yet every name route can propose them (the model tags "Spencer" and "Brandy"
as people, "Crystal" is a listed first name, "Coronation Street" looks like an address).
Two kinds: phrases in ``data/public_names.txt`` (and the multi-word services of
``not_names.txt``), which are never a person wherever they stand; and words the sentence
decides: drinks and drugs ("Brandy in my coffee"), a warning level said with the weather
("the weather went to Amber"), a team ("the Crystal Palace game", "Leeds fans", "Liverpool
won") and a famous full name said as music or film ("Bob Marley on repeat", "listening to
Amy Winehouse"), which no list could hold.
"""
from __future__ import annotations

import re
from functools import cache

from ..lists import load_list
from .common import Candidate
from .drug_lists import listed_drug, said_as_drug
from .famous_names import POSSESSIVE_AFTER, famous_or_team
from .kin import named_as_kin
from .name_rules import cued_names
from .name_words import shows_a_person
from .public_frames import listed_figures

__all__ = ["drop_public_names", "famous_or_team", "said_as_substance"]

# Drinks people name by brand or kind that are said like a name ("Brandy in my coffee",
# "Stella for breakfast"): the drink unless the sentence shows someone ("Stella said").
DRINKS = frozenset(["brandy", "sherry", "stella", "carling", "strongbow", "guinness", "baileys",
                    "bailey's", "smirnoff", "bacardi", "buckfast", "fosters", "foster's",
                    "magners", "kronenbourg", "jameson", "jamesons", "jameson's", "glen's",
                    "buckie"])
# Street names for drugs that are common first names: only said as the drug ("on Crystal",
# "a bag of Charlie"), since "Charlie said" and "me and Molly" are people. Not after "off":
# who a drug is had off is a person ("got it off Charlie").
DRUGS = frozenset(["crystal", "charlie", "mandy", "molly", "tina", "henry", "billy"])
# Only the frames no one says of a person: "took Molly to school" and "taking Charlie to the
# dentist" are children, so "took", "taking" and the like read nothing. "on" alone only
# after being on something ("I was on Crystal", "hooked on charlie"): "picked on Tina",
# "come on Molly" and "keeping an eye on Billy" are people.
TAKING_BEFORE = re.compile(
    r"\b(?i:(?:smashed|wasted|off[ \t]+(?:my|me|his|her)[ \t]+(?:face|head)|was|were|been|be"
    r"|i['’]?m|['’]m|is|are|got|get|getting|back|hooked|started|lived|living)[ \t]+on"
    r"|on(?=[ \t]+(?i:the|some)[ \t])|sniffed|sniffing|snorted|snorting|smoked|smoking"
    r"|addicted[ \t]+to"
    r"|(?:bags?|lines?|grams?|bits?|pills?|caps?|bombs?|dabs?|points?|loads?)[ \t]+of|some"
    r"|half[ \t]+an?)"
    r"[ \t]+(?:(?i:the|some)[ \t]+)?$")
# Taken to somewhere or gone for something is a person ("on Charlie for the dentist" never
# is the drug); a time after "for" is how long ("on Crystal for two years").
TAKEN_SOMEWHERE = re.compile(
    r"[ \t]+(?i:to\b|for[ \t]+(?!(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|about|over|nearly|years?|months?|weeks?|days?|ages|long|a[ \t]+while|\d+)\b))")
# Drinks only in a drink frame: "a can of Stella", "drinking Brandy", "on the Stella",
# "Brandy in my coffee". "I missed Stella" and "Stella and Carling my two kids" are people.
DRINK_BEFORE = re.compile(
    r"\b(?i:(?:bottles?|cans?|pints?|glass|glasses|crates?|litres?|shots?)[ \t]+of"
    r"|drinking|drink|drank|on[ \t]+the)[ \t]+$")
# "on" alone only after being drunk or on something ("smashed on buckie", "I was on
# Strongbow"), never someone's ("on Sherry's case"): "relied on Stella", "come on Sherry" and
# "checked on Stella" are people.
DRINK_ON_BEFORE = re.compile(
    r"\b(?i:smashed|wasted|pissed|hammered|steaming|leathered|mortal|drunk|was|were|been|be"
    r"|i['’]m|['’]m|got|get|getting|back|hooked|started|lived|living)[ \t]+(?i:on)[ \t]+$")
DRINK_AFTER = re.compile(r"[ \t]+(?i:in[ \t]+my[ \t]+(?:coffee|tea|brew|cuppa))\b")
# A sentence about drinking: "Brandy was my drink of choice", "Stella was my poison, then
# Buckfast". There a drink's name is the drink unless the sentence shows someone.
DRINKING = re.compile(
    r"\b(?i:drinks?|drinking|drank|drunk|pissed|poison|booze[dr]?|boozing|bevv(?:y|ies)|pints?"
    r"|cans|bottles?|hangovers?|alcohol(?:ic)?|tipple|liquor|spirits|vodka|cider|lager|beers?"
    r"|whisk(?:e)?y|wine|rum|gin)\b")
# In such a sentence only a drink's own frames read it as the drink: said as what someone
# drank ("Brandy was my drink of choice"), the next in a run ("..., then Buckfast") or how
# often ("Strongbow every morning"). A drinking sentence is as often about someone who
# drinks: "Brandy was drinking again", "Sherry and Brandy were both drinking".
DRINK_WAS = re.compile(
    r"[ \t]+(?i:was|is|were|became)[ \t]+(?i:my|me|our|his|her|their)[ \t]+"
    r"(?:(?i:first|only|usual|favourite|favorite|main|go-to|old)[ \t]+)?"
    r"(?i:drink|poison|tipple|thing|downfall|vice|crutch|breakfast)\b")
THEN_BEFORE = re.compile(r"\b(?i:then|or)(?:[ \t]+(?i:it)[ \t]+(?i:was))?[ \t]+$")
RUN_ENDS = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$|(?i:then|or)\b)")
HOW_OFTEN = re.compile(r"[ \t]+(?i:every|each)[ \t]+(?i:morning|day|night|evening)\b")
# After "some", a capitalised drug word is someone ("some Charlie from the hostel", "some
# Tina I knew"); with 's (``POSSESSIVE_AFTER``) it is someone's ("a bit of Mandy's advice").
SOME_BEFORE = re.compile(r"\b(?i:some)[ \t]+$")


# A sentence is read at most this far either side of the word: read whole for every drink
# word, a long unpunctuated text took minutes.
SENTENCE_REACH = 300


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, at most SENTENCE_REACH either side."""
    low, high = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    left = max(low - 1, *(text.rfind(p, low, start) for p in ".!?\n")) + 1
    rights = [i for i in (text.find(p, end, high) for p in ".!?\n") if i != -1]
    return text[left:min(rights, default=high)]


def _drinking(text: str, start: int, end: int) -> bool:
    """Whether the sentence around the word talks of drinking or names another drink."""
    sentence = _sentence(text, start, end)
    others = [w for w in re.findall(r"[\w'’]+", sentence.lower()) if w in DRINKS]
    return bool(DRINKING.search(sentence) or len(others) > 1)


@cache
def _phrases() -> re.Pattern[str]:
    entries = list(load_list("public_names.txt")) + [
        e for e in load_list("not_names.txt") if " " in e.strip()]
    parts = []
    for entry in sorted({e.lower() for e in entries}, key=len, reverse=True):
        # "Marks & Spencer", "Marks n Spencer": one shop however "and" is said.
        words = ["(?:and|&|n)" if w == "and" else re.escape(w).replace("'", "['’]?")
                 for w in entry.split()]
        parts.append(r"[ \t]+".join(words))
    return re.compile(rf"(?<![\w'’])(?i:{'|'.join(parts)})(?![\w])")


def drop_public_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop names, places and homes found wholly inside a brand, programme or character,
    drinks or drugs said as one ("Brandy in my coffee", "on Crystal"), and warning levels,
    teams and famous names said as such (``famous_or_team``).

    Args:
        text: the text the candidates point into.
        cands: candidates from every detector.

    Returns:
        The candidates left: other labels, and any over more than the phrase
        ("Ronald McDonald" inside "Ronald McDonald House" goes; "14 Coronation Street" stays).
    """
    spans = [m.span() for m in _phrases().finditer(text) if _phrase_framed(text, m)]
    cued = {c.start for c in cued_names(text)}
    figures = [f for f in listed_figures(text) if f[0] not in cued]  # "Keir Starmer says"
    return [c for c in cands
            if c.label not in ("name", "place", "hostel")
            or not ((c.start not in cued and not _phrase_is_someone(text, c, spans)
                     and any(s <= c.start and c.end <= e for s, e in spans))
                    or any(s <= c.start and c.end <= e for s, e in figures)
                    or said_as_substance(text, c.start, c.end)
                    or famous_or_team(text, c, c.start in cued))]


# Idioms that read as a name plus words unless the article is said: "a pat on the back" but
# "I saw Pat on the back stairs"; "an Amber warning" but "I gave Amber warning".
ARTICLE_NEEDED = {"pat on the back": re.compile(r"\b(?i:a|the)[ \t]+$"),
                  "amber warning": re.compile(r"\b(?i:an|the)[ \t]+$")}


def _phrase_is_someone(text: str, cand: Candidate, spans: list[tuple[int, int]]) -> bool:
    """A phrase opened by the candidate shown to be a person ("me and Harry Potter");
    a word inside a shop name is not read ("the guard at Marks & Spencer knew my face")."""
    return any(s == cand.start for s, _ in spans) and shows_a_person(text, cand.start, cand.end)


def _phrase_framed(text: str, m: re.Match[str]) -> bool:
    """Whether a listed phrase stands as that phrase (idioms that need their article have it)."""
    low = " ".join(m.group().lower().split())
    for phrase, before in ARTICLE_NEEDED.items():
        if low.startswith(phrase):
            return bool(before.search(text[max(0, m.start() - 5):m.start()]))
    return True


def said_as_substance(text: str, start: int, end: int) -> bool:
    """Say whether a name candidate is a drink or drug said as one.

    Args:
        text: the whole text.
        start: where the word starts.
        end: where it ends.

    Returns:
        True for "Brandy in my coffee" and "I was on Crystal for two years" (a place too:
        the model calls that one a location); False for
        "Stella said", "me and Crystal", "got it off Charlie", and any other word.
    """
    word = text[start:end].lower()
    if word in DRINKS:
        framed = bool(DRINK_WAS.match(text, end) or HOW_OFTEN.match(text, end)
                      or (THEN_BEFORE.search(text[max(0, start - 15):start])
                          and RUN_ENDS.match(text, end)))
        drink_on = (DRINK_ON_BEFORE.search(text[max(0, start - 20):start])
                    and not POSSESSIVE_AFTER.match(text, end))
        return bool((DRINK_BEFORE.search(text[max(0, start - 20):start]) or drink_on
                     or DRINK_AFTER.match(text, end) or (framed and _drinking(text, start, end)))
                    and not shows_a_person(text, start, end)
                    and not named_as_kin(text, start, end))
    if word in DRUGS:
        before = text[max(0, start - 25):start]
        return bool((TAKING_BEFORE.search(before) or listed_drug(text, start, end, DRUGS))
                    and not TAKEN_SOMEWHERE.match(text, end)
                    and not POSSESSIVE_AFTER.match(text, end)
                    and not (SOME_BEFORE.search(before) and text[start:start + 1].isupper())
                    and not shows_a_person(text, start, end)) or said_as_drug(text, start, end)
    return False
