"""Drug slang said as the drug: "charlie, ket, mandy", "spice in there, then tina", "molly
at the weekend", "tina took over my life, the crystal meth i mean".

A first name that is street slang for a drug (``public_names.DRUGS``) is the drug when it
stands in a list beside another drug, or comes next after one said earlier in its sentence;
typed in lower case and opening a clause, also when only when it was taken follows, or when
it does what a drug does in a sentence about drugs (``said_as_drug``). Capitalised only as
a sentence's first word ("Molly and ket every weekend") it counts as typed in lower case.
"""
from __future__ import annotations

import re

from .common import is_sentence_start

__all__ = ["DRUG_WORDS", "listed_drug", "said_as_drug"]

# Drugs by their street or plain names, which list a slang name among them as a drug too
# ("charlie, ket, mandy", "it was spice in there, then tina").
DRUG_WORDS = frozenset(
    ["ket", "spice", "mamba", "coke", "crack", "weed", "skunk", "mdma", "pills", "speed",
     "heroin", "smack", "gear", "brown", "valium", "vallies", "ecstasy", "pregabs", "subbies",
     "benzos", "acid", "whizz", "meth", "pingers", "bud", "pregabalin", "subutex", "g", "ghb",
     "gabbies", "gabapentin", "chems", "ketamine", "cocaine", "xanax", "xannies", "methadone",
     "mephedrone", "mcat", "lsd", "shrooms", "poppers", "ganja", "hash", "resin"])
# Next to another drug in a list: the words either side of the comma, "and" or "or".
LIST_BEFORE = re.compile(r"\b(?P<drug>[a-z]+)(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+)$")
LIST_AFTER = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+)(?P<drug>[a-z]+)\b")
# "then tina", "then it was tina": the next drug after one said earlier in the sentence.
THEN_DRUG_BEFORE = re.compile(r"\b(?i:then)(?:[ \t]+(?i:it)[ \t]+(?i:was))?[ \t]+$")


# A drug in a list is followed by the list's next word or its end ("charlie, ket", "then
# tina when i got out"); "billy sold the rest", "then henry my keyworker" go on to say what
# someone did or is.
LIST_CLOSE = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?:and|or|n|&|when|till|until|after"
                        r"|every|all|mostly|again|too|then)\b")
MAX_LISTED = 10  # how many words either side a list is followed for


def _list_run(text: str, start: int, end: int) -> list[str]:
    """The other words of the list a word stands in ("charlie, ket, mandy")."""
    words: list[str] = []
    pos = start
    while len(words) < MAX_LISTED and (m := LIST_BEFORE.search(text, max(0, pos - 20), pos)):
        words.append(m.group("drug"))
        pos = m.start("drug")
    pos = end
    while len(words) < 2 * MAX_LISTED and (m := LIST_AFTER.match(text, pos)):
        words.append(m.group("drug"))
        pos = m.end()
    return words


def _lower_or_opening(text: str, start: int, end: int) -> bool:
    """Typed in lower case, or capitalised only because it opens a sentence ("Molly and ket
    every weekend"): a capital mid-sentence is someone's name."""
    word = text[start:end]
    return word.islower() or (word[1:].islower() and is_sentence_start(text, start))


def listed_drug(text: str, start: int, end: int, slang: frozenset[str]) -> bool:
    """A slang name in lower case listed with a drug that is no one's name ("charlie, ket,
    mandy"; "billy and charlie were my cellmates" are two people) or next after one said
    earlier in its sentence ("spice in there, then tina"), ending the list or the clause."""
    if not _lower_or_opening(text, start, end) or not LIST_CLOSE.match(text, end):
        return False
    if any(w in DRUG_WORDS for w in _list_run(text, start, end)):
        return True
    sentence = re.split(r"[.!?\n]", text[max(0, start - 200):start])[-1]
    return bool(THEN_DRUG_BEFORE.search(sentence)) and any(
        w in DRUG_WORDS | slang for w in re.findall(r"[a-z]+", sentence.lower()))



# A sentence that says drugs in plain words or by what they do ("the crystal meth i mean",
# "awake for three days"), where a slang name does what a drug does (``DRUG_DOES``).
DRUG_TALK = re.compile(
    r"\b(?:drugs?|addict(?:ed|ion)?|habit|come ?downs?|wired|off (?:my|me|his|her) "
    r"(?:face|head|nut|tits)|awake for|no sleep for|paranoid|relapsed?)\b")
# "molly at the weekend and then nothing all week": a slang name opening a clause with no
# verb, only when it was taken ("at the weekend", "every night", "most days").
WHEN_TAKEN = re.compile(
    r"[ \t]+(?:at[ \t]+the[ \t]+weekends?|every[ \t]+(?:day|night|weekend|morning)"
    r"|(?:all|most)[ \t]+(?:day|night|weekend|week|days|nights|weekends)"
    r"|on[ \t]+(?:a[ \t]+)?(?:friday|saturday)s?(?:[ \t]+nights?)?)\b")
CLAUSE_OPENS = re.compile(r"(?:^|[.!?,;:\n])[ \t]*(?:(?:and|then|but)[ \t]+){0,2}$")
# What a drug does to its user: there "took" or "kept" is no sign of a person ("tina took
# over my life", "billy kept me awake for three days"); "tina took me to the meeting" is.
DRUG_DOES = re.compile(r"[ \t]+(?:took[ \t]+over|took[ \t]+hold|kept[ \t]+(?:me|him|her|us)"
                       r"[ \t]+(?:awake|up)|ruined[ \t]+(?:my|his|her)[ \t]+life"
                       r"|(?:nearly|almost)[ \t]+killed[ \t]+(?:me|him|her|us))\b")


def said_as_drug(text: str, start: int, end: int) -> bool:
    """Whether a lower-case slang name opening its clause is the drug: only when it was
    taken follows ("molly at the weekend and then nothing"), or it does what a drug does in
    a sentence about drugs ("tina took over my life, the crystal meth i mean"). "saw molly
    at the weekend" and "my mate billy kept me up" are people."""
    if not _lower_or_opening(text, start, end) or not CLAUSE_OPENS.search(
            text, max(0, start - 20), start):
        return False
    if WHEN_TAKEN.match(text, end):
        return True
    before = re.split(r"[.!?\n]", text[max(0, start - 200):start])[-1]
    sentence = (before + " " + re.split(r"[.!?\n]", text[end:end + 200])[0]).lower()
    return bool(DRUG_DOES.match(text, end)) and bool(
        set(re.findall(r"[a-z]+", sentence)) & DRUG_WORDS or DRUG_TALK.search(sentence))
