"""Lower-case nicknames that are ordinary words ("smudge", "spud", "biscuit"), found by
what only a person is or does: the subject of a verb beside "me" ("me and spud slept"),
opening a sentence before what only a person does for someone ("smudge had me back",
"gonzo got out a week before me", "moose was the first face i saw"), asked about ("ask
scouse, he'll tell you"), or whom money is had off ("a tenner off dodger").

A bare singular noun needs "the", "a" or "my" in English; said with none where a person
goes, it is what someone is called. Ideas, drugs, institutions and states said so ("me and
drink never got on", "prison sorted me out", "sober had me back") are kept, and so are
towns and cities typed in lower case ("leeds got battered again" is the team).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..lists import load_set
from .drug_lists import DRUG_WORDS
from .kin_lower import CLAUSE_OPEN, WordTests, plausible
from .nicknames import NOT_ACTING, PERSONAL_ACTS
from .word_lists import STATE_WORDS

__all__ = ["nickname_spans"]

WORD = r"[a-z]+(?:-[a-z]+)?(?![\w'’-])"
# "me and spud slept", "me n biscuit used to kip": with the speaker as a subject.
WITH_ME_DOING = re.compile(
    rf"\b(?i:me)[ \t]+(?:and|n|an|&)[ \t]+(?P<name>{WORD})[ \t]+(?P<verb>[a-z]+)\b")
# Words after such a pair that say it is the subject of a verb, though no verb form.
SUBJECT_NEXT = frozenset(["used", "were", "was", "would", "both", "never", "always", "still",
                          "got", "had", "went", "did", "use", "are", "have", "shared"])
# What only a person is or does for someone, said after a word opening a clause (the rest
# of these are nicknames.PERSONAL_ACTS, said of capitalised words the same way).
DOES_FOR_ME = re.compile(
    r"(?:[ \t]+(?:and|n|&)[ \t]+(?P<other>[a-z]+))?[ \t]+(?:(?:always|never|just|really|still"
    r"|even)[ \t]+)?(?:"
    r"had[ \t]+(?:me|my)[ \t]+back"
    r"|sorted[ \t]+(?:me|us)[ \t]+(?:out|up|with|a|an|my)\b"
    r"|(?:rings|rang|texts|texted|phones|phoned|visits|visited|calls|called)[ \t]+(?:me|us)\b"
    r"|got[ \t]+out[ \t]+(?:(?:a|one|two|three|four|\d+)[ \t]+(?:days?|weeks?|months?|years?)"
    r"[ \t]+)?(?:before|after)[ \t]+(?:me|us)\b"
    r"|(?:is|was|were)[ \t]+the[ \t]+(?:first|last|only)[ \t]+(?:face|person|people|ones?|lad"
    r"|man|woman|girl|friend|mate|pal)\b"
    r"|(?:is|are|was|were)[ \t]+(?:still[ \t]+)?on[ \t]+the[ \t]+(?:gear|brown|smack|crack"
    r"|rock|spice|methadone|meth|script|pipe|needle)\b"
    r"|from[ \t]+the[ \t]+(?:[a-z]+[ \t]+)?(?:group|hostel|centre|project|unit|wing|landing"
    r"|meeting|cafe|church)[ \t]+(?:(?:still|always|just)[ \t]+)?(?:rings|rang|texts|texted"
    r"|visits|visited|calls|called|phones|phoned)[ \t]+(?:me|us)\b)")
OPENING = re.compile(CLAUSE_OPEN + rf"(?P<name>{WORD})")
# "bubbles still rings me": a word that looks plural doing a singular verb is one person.
SINGULAR_VERB = re.compile(r"\b(?:rings|texts|phones|visits|calls|is|was)\b")
# "ask scouse, he'll tell you": asked about as he or she.
ASK = re.compile(rf"\b(?i:ask)[ \t]+(?P<name>{WORD})[ \t]*,?[ \t]+(?:he|she)\b")
# "a fella everyone called smudge": what people call a person.
PERSON_CALLED = re.compile(
    r"\b(?:lad|fella|guy|bloke|girl|woman|man|lass|boy|kid|geezer)[ \t]+(?:who[ \t]+)?"
    r"(?:everyone|everybody|we|they|people|the[ \t]+lads)[ \t]+(?:used[ \t]+to[ \t]+)?"
    rf"(?:called|call|calls)[ \t]+(?P<name>{WORD})")
# "a lend of a tenner off dodger", "twenty quid off spud": whom money or drugs come off.
HAD_OFF = re.compile(
    r"\b(?:tenner|fiver|score|lend|loan|money|quid|bag|twenty|ten|fifty)(?:[ \t]+[a-z]+){0,2}?"
    rf"[ \t]+off[ \t]+(?P<name>{WORD})")
# Ideas and things said as company, which need no article ("me and drink", "god had my back").
THINGS = frozenset(["drink", "drinking", "booze", "alcohol", "drugs", "god", "jesus", "life",
                    "religion", "money", "food", "sleep", "music", "football", "exercise",
                    "crime", "addiction", "depression", "anxiety", "housing", "probation",
                    "everyone", "everybody", "nobody", "somebody", "someone", "anyone", "nature",
                    "faith", "fate", "luck", "karma", "time", "reality", "telly", "family",
                    "social", "services", "police", "council", "mental", "health", "care"])


def _may_be_nickname(text: str, end: int, word: str, tests: WordTests, *,
                     plural_ok: bool = False) -> bool:
    """A word said where a person goes that is no idea, drug, institution or state, nor a
    plural noun (unless beside a name: "pickles and fudge")."""
    is_word = tests[0]
    plural = (not plural_ok and is_word is not None and word.endswith("s")
              and is_word(word[:-1]))
    return (word not in THINGS and word not in DRUG_WORDS and word not in NOT_ACTING
            and word not in STATE_WORDS and word not in load_set("name_cues.txt")
            and word not in load_set("broad_areas.txt")  # "leeds got battered again": the team
            and not plural and plausible(text, end, word, (is_word, None, None)))


def nickname_spans(text: str, tests: WordTests) -> Iterator[tuple[int, int]]:
    """Find lower-case nicknames by what only a person is or does.

    Args:
        text: text to search.
        tests: the English word, modifier and verb tests (``pii.lexicon``).

    Yields:
        (start, end) of each name.
    """
    is_verb = tests[2]
    for m in WITH_ME_DOING.finditer(text):
        verb = m.group("verb")
        if (verb in SUBJECT_NEXT or (is_verb is not None and is_verb(verb))) and (
                _may_be_nickname(text, m.end("name"), m.group("name"), tests)):
            yield m.span("name")
    for m in OPENING.finditer(text):
        act = DOES_FOR_ME.match(text, m.end()) or PERSONAL_ACTS.match(text, m.end())
        if not act:
            continue
        pair = act.re is DOES_FOR_ME and act.group("other") is not None
        words = [m.span("name")] + ([act.span("other")] if pair else [])
        one = not pair and bool(SINGULAR_VERB.search(act.group()))
        if all(_may_be_nickname(text, e, text[s:e], tests, plural_ok=pair or one)
               for s, e in words):
            yield from words
    for pattern in (ASK, HAD_OFF, PERSON_CALLED):
        for m in pattern.finditer(text):
            if _may_be_nickname(text, m.end("name"), m.group("name"), tests):
                yield m.span("name")
