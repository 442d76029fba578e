"""Lower-case first names that are also words or very short ("my partner ade", "me and jo",
"auntie pat", "dawn my key worker", "mo was the one who found me"), found by who the
sentence says they are.

Elsewhere a lower-case word is a name only if no English word or list says otherwise; here
the frame is strong enough that an English noun or a name-word counts too. A verb, adverb,
adjective, number, function word, relative or a thing someone owns ("my mam house") does not.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import Candidate
from .name_rules import cue_pattern
from .name_words import PLACE_ENDINGS, is_ambiguous, never_name
from .word_lists import DIALECT_WORDS

__all__ = ["CLAUSE_OPEN", "SHORT_NOUN", "WordTests", "kin_lower_names", "plausible"]

WordTest = Callable[[str], bool]
# The English word, modifier (adjective or adverb) and verb tests (``pii.lexicon``).
WordTests = tuple[WordTest | None, WordTest | None, WordTest | None]
MIN_LETTERS = 2

# "my", and as it is said: "me mam", "ma wee brother", "mi cousin", "wor lass".
POSSESSIVE_BEFORE = re.compile(r"\b(?i:my|me|ma|mi|his|her|our|their|wor|your)[ \t]+$")
# Said as a title with no "my": "auntie pat", "uncle bill", "nana rose".
KIN_TITLE_BEFORE = re.compile(
    r"\b(?i:auntie|aunty|aunt|uncle|nana|nanna|nan|granny|grandad|granda|grandpa|cousin)[ \t]+$")
# "a lad called frank", "this fella named ray".
CALLED_BEFORE = re.compile(
    r"\b(?i:lad|fella|guy|bloke|girl|woman|man|lass|boy|kid|one|someone|somebody|geezer"
    r"|lady|dog|cat)[ \t]+(?i:called|named|calls?[ \t]+(?:him|her)self)[ \t]+$")
LOWER_NAME = re.compile(r"[ \t]*,?[ \t]+(?P<name>[a-z]+(?:-[a-z]+)?)(?![\w'’-])")
# "me and jo", "me n tam", "jo and me".
WITH_ME = re.compile(r"\b(?i:me|I)[ \t]+(?:and|n|an|&)[ \t]+(?P<name>[a-z]+(?:-[a-z]+)?)(?![\w'’-])"
                     r"|\b(?P<first>[a-z]+(?:-[a-z]+)?)[ \t]+(?:and|n|an|&)[ \t]+(?:me|I)\b")
# Text-speak openers ("ngl kez from the hub", "tbh roz was sound") stand where "honestly" does.
CLAUSE_OPEN = (r"(?:^|(?<=[.!?,;:\n])[ \t]*|\b(?i:and|then|but|so|cos|because|honestly|basically"
               r"|literally|only|like|it[ \t]+was|when|till|until|ngl|tbh|tbf|imo|imho|btw|fwiw"
               r"|lol|omg|tho|fr)[ \t]+)")
# "dawn my key worker is", "mo was the one who found me", "ken was my cellmate",
# "tam kept me alive", "rab is the reason".
OPENS_AS_SOMEONE = re.compile(
    rf"{CLAUSE_OPEN}(?P<name>[a-z]+(?:-[a-z]+)?)(?![\w'’-])(?=[ \t]+(?:"
    r"(?:my|me|his|her|our)[ \t]+(?:(?:wee|little|big|baby|eldest|youngest|oldest|middle|best"
    r"|old)[ \t]+)?(?P<who>[a-z]+(?:[ \t]+worker)?)\b"
    r"|(?:was|is|were)[ \t]+(?:my|me|his|her|our)[ \t]+(?P<role>[a-z]+(?:[ \t]+worker)?)\b"
    r"|(?:was|is)[ \t]+the[ \t]+(?:only[ \t]+)?(?:one|reason|person)\b"
    r"|(?:(?:always|never|just|really|still)[ \t]+)?(?:kept|saved|found|sorted|helped)[ \t]+me\b"
    r"(?![ \t]+(?:awake|up|going|off|on|out|sane|busy)\b)"
    r"|(?:from|off)[ \t]+(?:the|my|our|me)[ \t]+(?:[a-z'’]+[ \t]+)?(?:group|meeting|hostel|wing"
    r"|landing|project|drop[ \t-]?in|centre|church|chapel|rehab|unit|ward|cafe|team)\b))")
# "it was del that sorted me a bed", "it was jo who found me".
IT_WAS = re.compile(
    r"\b(?i:it)[ \t]+was[ \t]+(?P<name>[a-z]+(?:-[a-z]+)?)[ \t]+(?:that|who)[ \t]+"
    r"(?:sorted|helped|found|got|gave|took|saved|rang|told|picked|looked|kept|stood)\b")
# "our rose is fourteen", "our ash turned 12".
OUR_AGED = re.compile(
    r"\b(?i:our|wor)[ \t]+(?P<name>[a-z]+(?:-[a-z]+)?)[ \t]+(?:is|was|turned|['’]s)[ \t]+"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b")
# Verbs and modals that open a clause about someone ("hope my mum is ok", "will my son").
CLAUSE_VERBS = frozenset(["will", "may", "can", "must", "shall", "hope", "pray", "wish", "trust",
                          "bless", "thank", "love", "miss", "tell", "ask"])
# Things someone has, said without the 's ("my mam house", "me brother car").
OWNED = frozenset(
    ["house", "flat", "car", "van", "place", "room", "phone", "number", "birthday", "funeral",
     "grave", "name", "money", "stuff", "things", "school", "work", "job", "bed", "dog", "cat",
     "kids", "bairns", "weans", "fault", "side", "age", "address", "ashes", "wedding", "health",
     "court", "case", "sentence", "licence", "script", "benefits", "god", "christ", "jesus",
     "lord", "whole", "first", "last", "own", "other", "too", "inside", "again", "now", "then"])
# Words for people and fillers a frame may hold ("a guy from the group", "me and wi").
PEOPLE_AND_FILLERS = frozenset(
    ["man", "men", "guy", "guys", "gal", "kid", "lot", "bunch", "crew", "gang", "lads", "staff",
     "folk", "folks", "people", "doc", "vicar", "priest", "nurse", "wi", "aswell", "tho", "eh",
     "aye", "naw", "nae", "wee", "big", "bairns", "weans", "mates", "pals", "family", "one"])
NUMBER_WORDS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight",
                          "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty"])
# "my ex rob the shop": a verb-like name-word with its object after is the verb.
OBJECT_AFTER = re.compile(r"[ \t]+(?:me|him|her|them|us|you|it|the|a|an)\b")
PETS = frozenset(["dog", "cat", "kitten", "puppy", "pup", "staffie", "staffy", "whippet",
                  "ferret", "rabbit", "bunny", "hamster", "gerbil", "budgie", "parrot", "tortoise",
                  "lurcher"])
SHORT_NOUN = 3  # "tam", "eck", "ade": a short noun opening these frames is a name


def plausible(text: str, end: int, word: str, tests: WordTests, *,
               nouns_up_to: int = 99) -> bool:
    """Whether a lower-case word in a strong frame can be someone's name.

    Args:
        text: the whole text.
        end: offset just after the word (what follows may make it a verb).
        word: the word.
        tests: the word, modifier and verb tests; a None test lets its kind of word through.
        nouns_up_to: the longest English noun taken as a name (weak frames take short ones).

    Returns:
        True if the word may be a name here.
    """
    is_word, is_modifier, is_verb = tests
    if (len(word) < MIN_LETTERS or not re.search(r"[aeiouy]", word) or never_name(word)
            or word in OWNED or word in NUMBER_WORDS or word in PEOPLE_AND_FILLERS
            or word in PLACE_ENDINGS
            or word in DIALECT_WORDS or word in load_set("name_cues.txt")
            or word in load_set("justice_terms.txt") or word in load_set("not_names.txt")):
        return False
    if word in CLAUSE_VERBS or (is_ambiguous(word) and OBJECT_AFTER.match(text, end)
                                and is_verb is not None and is_verb(word)):
        return False
    if word in load_set("first_names.txt") or is_ambiguous(word):
        return True
    if is_word is None or not is_word(word):
        return True
    return (len(word) <= nouns_up_to and not (is_modifier and is_modifier(word))
            and not (is_verb and is_verb(word)))


def kin_lower_names(text: str, tests: WordTests) -> list[Candidate]:
    """Find lower-case names in strong frames: after who someone is to the speaker ("my
    partner ade", "me cat misty", "auntie pat", "a lad called frank"), with the speaker
    ("me and jo"), opening a clause as someone ("dawn my key worker", "mo was the one who",
    "tam kept me alive") or with an age ("our rose is fourteen").

    Args:
        text: text to search.
        tests: the English word test (without it or the verb test nothing is found), the adjective
            and adverb test ("my mate sound" is no name) and the verb test, inflections
            included ("my brother took me in").

    Returns:
        Name candidates.
    """
    if tests[0] is None or tests[2] is None:
        return []  # no word or verb test (a blank pipeline): "my son went" cannot be told
    found: list[tuple[int, int]] = []
    pets: list[tuple[int, int]] = []
    for cue in cue_pattern().finditer(text):
        before = text[max(0, cue.start() - 8):cue.start()]
        if not (POSSESSIVE_BEFORE.search(before)
                or cue.group().lower() in ("called", "named")
                and CALLED_BEFORE.search(text[max(0, cue.start() - 16):cue.end()] + " ")):
            continue
        m = LOWER_NAME.match(text, cue.end())
        if m and cue.group().lower() in PETS:
            pets.append(m.span("name"))  # "me cat misty", "my dog lucky": adjectives too
        elif m:
            found.append(m.span("name"))
    for m in re.finditer(r"(?<![\w'’-])[a-z]+(?![\w'’-])", text):
        if KIN_TITLE_BEFORE.search(text[max(0, m.start() - 9):m.start()]):
            found.append(m.span())
    checked = [(s, e) for s, e in found if plausible(text, e, text[s:e], tests)]
    checked += [(s, e) for s, e in pets
                if plausible(text, e, text[s:e], (tests[0], None, tests[2]))]
    # Weaker frames: a noun only when short ("me and tam"; not "me and drink").
    weak: list[tuple[int, int]] = []
    for m in WITH_ME.finditer(text):
        weak.append(m.span("name" if m.group("name") else "first"))
    for m in OPENS_AS_SOMEONE.finditer(text):
        who = m.group("who") or m.group("role")
        if who is None or who in load_set("name_cues.txt") or who.endswith(" worker"):
            weak.append(m.span("name"))
    weak += [m.span("name") for p in (OUR_AGED, IT_WAS) for m in p.finditer(text)]
    checked += [(s, e) for s, e in weak
                if plausible(text, e, text[s:e], tests, nouns_up_to=SHORT_NOUN)]
    return [Candidate(s, e, "name") for s, e in sorted(set(checked))]
