"""Lower-case names in frames that say who someone is without a kin word: who the speaker
lives or stays with ("i live with ade", "kipping at stretch's"), what someone is called ("we
called him tank"), a Scots "wee" or "big" before a short name ("wee eck", "big tam"), a name
before a role said about them ("ash my support worker is"), a role after "the" ("the nurse
bisi"), and a name that did something for the speaker ("dinger give me my first bag").

Each frame adds to ``kin_lower``'s and uses its test of which words can be a name; frames
weaker than a role take a word only if it is no English word, or a short one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..lists import load_set
from .common import Candidate
from .drug_lists import DRUG_WORDS
from .kin_lower import CLAUSE_OPEN, SHORT_NOUN, WordTests, kin_lower_names, plausible
from .lower_nicknames import nickname_spans
from .shops import listed_shop

__all__ = ["lower_case_names"]

NAME = r"(?P<name>[a-z]+(?:-[a-z]+)?)(?![\w'’-])"
# "i live with ade", "staying wi kez", "moved in with jojo", "sofa surfing with tez".
LIVES_WITH = re.compile(
    r"\b(?i:live|lives|living|lived|stay|stays|staying|stayed|stop|stops|stopping|stopped"
    r"|kipping|kipped|dossing|dossed|crashing|crashed|sofa[ \t-]?surfing|moved[ \t]+in"
    r"|move[ \t]+in|moving[ \t]+in)[ \t]+(?i:with|wi|wiv)[ \t]+" + NAME)
# "kipping at stretch's for a bit", "round bubba's place": someone's home by their name.
AT_THEIRS = re.compile(
    r"\b(?i:at|round|over)[ \t]+(?P<name>[a-z]+)['’]s(?=[ \t]*(?:[,.;!?\n]|$)|[ \t]+(?:for|place"
    r"|house|flat|gaff|till|until|and|then|when|cos|because|most|every|all|on|in|at)\b)")
# "we called him tank", "everyone calls her sparky", "he was known as chalky".
CALLED = re.compile(
    r"\b(?P<who>(?i:we|they|everyone|everybody|lads|girls|people|folk|folks|all))[ \t]+(?i:used"
    r"[ \t]+to[ \t]+)?(?i:call|calls|called)[ \t]+(?P<whom>(?i:him|her|me|them))[ \t]+" + NAME)
# Who gives a friend a nickname; "they called me scum" is more often what staff, police or
# papers call someone, so there only a word that is no English word is taken as a name.
NICKNAMERS = frozenset(["we", "everyone", "everybody", "lads", "girls", "all"])
KNOWN_AS = re.compile(r"\b(?i:known[ \t]+as|nicknamed|goes[ \t]+by|went[ \t]+by)[ \t]+" + NAME)
# What people call someone to hurt them, which is no name.
INSULTS = frozenset(
    ["scum", "junkie", "junky", "smackhead", "crackhead", "druggie", "alkie", "alky", "grass",
     "nonce", "beast", "paedo", "liar", "thief", "waster", "loser", "psycho", "nutter", "schizo",
     "mental", "trouble", "names", "everything", "selfish", "worthless"])
# "wee eck", "big tam": said in Scotland (and by big lads anywhere) before a short name.
WEE_NAME = re.compile(r"(?<![\w'’])(?i:wee|big)[ \t]+" + NAME)
# "ma wee brother", "a big ask": after an article or a possessive "wee" is only small.
OWNED_BEFORE = re.compile(
    r"\b(?i:a|the|ma|my|me|his|her|our|yer|your|this|that|some|wur|oor|their)[ \t]+$")
# Short names and forms said in Scotland and the North that the name list lacks.
SHORT_FORMS = frozenset(["eck", "shug", "shuggie", "rab", "rabbie", "tam", "tammy", "wullie",
                         "boab", "senga", "jinty", "eckie", "davie", "dougie", "ally", "mags"])
# "ash my support worker is": a name before the role it is, then what they do or are.
NAME_THEN_ROLE = re.compile(
    CLAUSE_OPEN + r"(?P<name>[a-z]+)[ \t]*,?[ \t]+(?:my|me|our)[ \t]+(?P<role>[a-z]+(?:[ \t]+"
    r"(?:worker|officer|manager|mentor|nurse))?)[ \t]*,?[ \t]+(?:is|was|has|had|['’]s|does|did"
    r"|gets|got|said|says|told|helped|sorted|speaks|came|comes|rang|rings|fought|listens|picks"
    r"|visits|visited|always|never|really|just)\b")
# "the nurse bisi came", "the chaplain, tunde, sat with me".
THE_ROLE = re.compile(r"\b(?i:the)[ \t]+(?P<role>[a-z]+(?:[ \t]+worker)?)[ \t]*,?[ \t]+" + NAME)
# "dinger give me my first bag", "and mazza showed me how".
DID_FOR_ME = re.compile(
    CLAUSE_OPEN + NAME + r"[ \t]+(?:give|gave|got|showed|taught|told|lent|sold|introduced"
    r"|took|brought|rang|phoned|texted|visited|picked|walked|drove|pulled|dragged)[ \t]+me\b")


# "eilidh at the foodbank", "kez from the drop in": someone by the service where they are.
AT_A_SERVICE = re.compile(
    CLAUSE_OPEN + NAME + r"[ \t]+(?:at|from|off|in)[ \t]+(?:the|my|our|me)[ \t]+(?:[a-z'’]+[ \t]+)?"
    r"(?:food[ \t]?bank|drop[ \t-]?in|day[ \t]+centre|centre|group|meeting|hostel|project"
    r"|church|chapel|mosque|rehab|cafe|library|job[ \t]?centre|gym|shelter|kitchen|pantry|hub"
    r"|outreach|team|charity|clinic|surgery|wing|landing)\b")
# "llinos is getting christened", "rhys was starting school": a word that is no English word
# opening a clause as the one a life event happens to (what a drug "is getting" is harder).
IS_GOING_THROUGH = re.compile(
    CLAUSE_OPEN + NAME + r"[ \t]+(?:is|was|['’]s)[ \t]+(?:(?:getting|got)[ \t]+(?:christened"
    r"|baptised|baptized|confirmed|married|engaged|divorced|sentenced|released|out|adopted)"
    r"|(?:starting|started|leaving|left|finishing)[ \t]+(?:school|nursery|college|uni|high"
    r"|secondary|primary|big[ \t]+school)|turning[ \t]+(?:\d|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty"
    r"|forty|fifty|sixty)|having[ \t]+(?:a|her|his|their)[ \t]+(?:baby|babby|operation|op))\b")


def _is_role(role: str) -> bool:
    """Whether a word or two say who someone is to the speaker ("nurse", "key worker")."""
    return role in load_set("name_cues.txt") or role.endswith((" worker", " officer",
                                                                " manager", " mentor"))


def _not_word(word: str, tests: WordTests) -> bool:
    """Whether a lower-case word is no English word (so only a name or slang)."""
    return tests[0] is not None and not tests[0](word) and word not in DRUG_WORDS


Spans = Iterator[tuple[int, int]]


def _homes_and_nicknames(text: str, tests: WordTests) -> Spans:
    """Names by who someone lives with, whose place they stay at, what they are called."""
    word_only = (tests[0], None, None)  # said as a name: nouns and verbs too
    for m in LIVES_WITH.finditer(text):
        if plausible(text, m.end("name"), m.group("name"), tests, nouns_up_to=SHORT_NOUN):
            yield m.span("name")
    for m in AT_THEIRS.finditer(text):
        word = m.group("name")
        if not listed_shop(text, *m.span("name")) and plausible(
                text, m.end("name"), word, word_only):
            yield m.span("name")
    # "we called him useless" is what he was said to be; "known as chalky" is a name.
    for pattern, test in ((CALLED, (tests[0], tests[1], None)), (KNOWN_AS, word_only)):
        for m in pattern.finditer(text):
            word = m.group("name")
            if pattern is CALLED and not (m.group("who").lower() in NICKNAMERS and m.group(
                    "whom").lower() in ("him", "her")) and not _not_word(word, tests):
                continue
            if word not in INSULTS and plausible(text, m.end("name"), word, test):
                yield m.span("name")


def _wee_names(text: str, tests: WordTests) -> Spans:
    """Short names after a Scots "wee" or "big" ("wee eck"), never "ma wee brother"."""
    for m in WEE_NAME.finditer(text):
        word = m.group("name")
        if OWNED_BEFORE.search(text[max(0, m.start() - 6):m.start()]):
            continue
        if (word in SHORT_FORMS or word in load_set("first_names.txt")
                or _not_word(word, tests)) and plausible(text, m.end(), word,
                                                         (tests[0], None, None)):
            yield m.span("name")


def _workers_and_doers(text: str, tests: WordTests) -> Spans:
    """Names by a role said about them, after "the" and a role, or by what they did for me."""
    for m in NAME_THEN_ROLE.finditer(text):
        if _is_role(m.group("role")) and plausible(text, m.end("name"), m.group("name"),
                                                   (tests[0], None, None)):
            yield m.span("name")
    for m in THE_ROLE.finditer(text):
        if (_is_role(m.group("role")) and _not_word(m.group("name"), tests)
                and plausible(text, m.end("name"), m.group("name"), tests)):
            yield m.span("name")
    for m in (*AT_A_SERVICE.finditer(text), *IS_GOING_THROUGH.finditer(text)):
        if _not_word(m.group("name"), tests) and plausible(text, m.end("name"),
                                                           m.group("name"), tests):
            yield m.span("name")
    for m in DID_FOR_ME.finditer(text):
        if _not_word(m.group("name"), tests) and plausible(text, m.end("name"),
                                                           m.group("name"), tests):
            yield m.span("name")


FRAMES: tuple[Callable[[str, WordTests], Spans], ...] = (
    _homes_and_nicknames, _wee_names, _workers_and_doers, nickname_spans)


def lower_case_names(text: str, tests: WordTests) -> list[Candidate]:
    """Find lower-case names in ``kin_lower``'s frames and in this module's.

    Args:
        text: text to search.
        tests: the English word, modifier and verb tests (``pii.lexicon``); without the word or
            verb test nothing is found.

    Returns:
        Name candidates.
    """
    found = kin_lower_names(text, tests)
    if tests[0] is None or tests[2] is None:
        return found
    spans = {span for frame in FRAMES for span in frame(text, tests)}
    return found + [Candidate(s, e, "name") for s, e in sorted(spans)]
