"""Nicknames that are ordinary English words ("Lucky", "Bones"), found by how they are said."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..lists import load_set
from .common import CAP_WORD, Candidate, is_sentence_start
from .name_words import is_ambiguous, never_name
from .word_lists import STATE_WORDS

__all__ = ["acting_nicknames", "called_nicknames", "describing_nicknames", "listed_nicknames",
           "owed_nicknames"]

# "Lucky, that's what they called me", "Chalky, that was what the lads called him": the
# word is then said to be what someone was called, so it is their name.
CALLED_AFTER = re.compile(
    rf"(?P<name>{CAP_WORD}),[ \t]+(?i:that['’]s|that[ \t]+(?:is|was)|is|was)[ \t]+what[ \t]+"
    r"(?:[a-z]+[ \t]+){1,5}?(?:(?:used[ \t]+to|would|still)[ \t]+)?(?:called|call|calls)"
    r"[ \t]+(?:me|him|her|us|them)\b")
# "with Paddy and Bones", "me, Shaz and Lofty": a capitalised word mid-sentence listed
# straight after a plain first name is another person. Not a longer name after it ("Marks
# and Spencer Food") nor a place (areas are kept, the place rules judge the rest).
# The rest is a lookahead so "Me and Kieran and Spider" also tries "Kieran and Spider".
AFTER_A_FIRST_NAME = re.compile(
    rf"\b(?P<first>{CAP_WORD})(?=(?:[ \t]+and|,)[ \t]+(?P<name>{CAP_WORD})\b(?![ \t]+[A-Z]))")
# "with Bones and Jonno", "Spider, Kelly and Dean": the same list the other way round, a
# capitalised word straight before a first name or a name found already, not the end of a
# longer name ("Tyson Fury and Dean").
CAP_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
BEFORE_A_FIRST_NAME = re.compile(
    rf"\b(?P<name>{CAP_WORD})(?=(?:[ \t]+and|,)[ \t]+"
    rf"(?P<first>{CAP_WORD})\b)")

# "Tiny got me through it", "Lofty looked after me": an adjective cannot do these to
# someone, so one opening a sentence before them is what someone is called. Only verbs of
# care or speech ("Cold kept me awake" is the weather).
CARES_FOR = re.compile(
    r"[ \t]+(?:(?:always|never|just|really|still)[ \t]+)?(?:got[ \t]+(?:me|us|him|her)[ \t]+through"
    r"|looked[ \t]+after|stuck[ \t]+by|helped|taught|saved|told|rang|texted|said|showed"
    r"[ \t]+(?:me|us|him|her))\b")


# Street words for drugs that are plain English words, dealt by someone ("sells the brown").
STREET_DRUGS = (r"brown|white|gear|smack|crack|rock|weed|green|spice|mamba|vallies|blues|pills"
                r"|coke|ket|bud|subbies|pregabs|gabbies|benzos|tabs|pins")
# "Smudge looked after me", "Sober looked after me when I first come in", "Tiny put me up":
# what only a person does for someone, so any word opening a sentence before it is what
# someone is called, a noun or a state as much as an adjective ("Sober helped me" stays the
# state: being sober helps; it does not pick you up from the gate).
PERSONAL_ACTS = re.compile(
    r"[ \t]+(?:(?:always|never|just|really|still|even)[ \t]+)?(?:looked[ \t]+after"
    r"|(?:put|picked)[ \t]+(?:me|us|him|her|them)[ \t]+up|lent[ \t]+(?:me|us|him|her|them)"
    r"|got[ \t]+(?:me|us|him|her|them)[ \t]+(?:a|the|my|his|her)[ \t]+(?:job|place|room|bed|flat)"
    r"|sat[ \t]+with[ \t]+(?:me|us|him|her|them)|came[ \t]+back[ \t]+from[ \t]+(?:his|her)"
    r"|owe[sd]?[ \t]+(?:me|us|him|her|them)"
    # What the law or the street does to a person: "Tank got recalled", "Ginger got out
    # before me" (word gets out, a sentence gets cut).
    r"|got[ \t]+out[ \t]+(?:before|after)[ \t]+(?:me|us|him|her|them)"
    r"|got[ \t]+(?:released|recalled|sentenced|sectioned|stabbed|arrested|battered|deported"
    r"|sent[ \t]+down)"
    # Dealing: "Tiny sells the brown round ours", "Rab does the vallies". Only a person
    # sells or does a drug round somewhere.
    rf"|(?:does|did|sells|sold|deals|dealt|shifts|shifted|knocks[ \t]+out)[ \t]+"
    rf"(?:the[ \t]+)?(?:{STREET_DRUGS})"
    r")\b")
# Words that open such a sentence as the institution or the people in it ("Prison got me a
# job in the kitchens", "Staff looked after me").
NOT_ACTING = frozenset(
    ["prison", "jail", "rehab", "hostel", "hospital", "church", "school", "college", "work",
     "staff", "family", "everybody", "society", "recovery", "treatment", "therapy", "music"])
# "score off Scouse", "got it off Spider": who drugs or money are had off is a person;
# "went to see Chalky": who someone goes to see.
OFF_OR_SEE = re.compile(
    rf"\b(?:(?i:got|get|gets|getting|bought|buy|buying|scored|score|scoring|borrowed|borrow"
    r"|nicked|robbed|took|take|heard)(?:[ \t]+[a-z]+){0,3}?[ \t]+off"
    r"|(?i:went|go|going|gone|came|come|coming)[ \t]+(?:to[ \t]+)?(?:see|visit))"
    rf"[ \t]+(?P<name>{CAP_WORD})\b(?![ \t]+[A-Z])")
# "I lent Spanner my phone", "gave Biscuit a tenner": who is lent or given a thing is a
# person (a service is in not_names.txt: "gave Probation my address").
LENT = re.compile(
    rf"\b(?i:lent|lend|lends|lending|gave|give|gives|giving|sold|sell|handed|bought|passed)"
    rf"[ \t]+(?P<name>{CAP_WORD})[ \t]+(?i:my|his|her|their|our|your|a|an|some)[ \t]+[a-z]")
# "they wouldn't let Biscuit in the hostel", "let Spanner stay on my floor": who is let in
# or let stay is a person (or a pet), however English the word.
LET_IN = re.compile(
    rf"\b(?i:let|lets|letting)[ \t]+(?P<name>{CAP_WORD})[ \t]+(?i:in|into|stay|stop|kip|sleep"
    r"|come|back)\b")
# "Spanner from the wing got me a phone", "Bomber from the bail hostel got done": a word
# opening a sentence as someone from where people live or meet, then what they did.
FROM_WHERE_PEOPLE_ARE = re.compile(
    rf"(?P<name>{CAP_WORD})[ \t]+from[ \t]+(?:the|my|our)[ \t]+(?:[a-z]+[ \t]+){{0,2}}?"
    r"(?:hostel|wing|landing|hub|group|project|meeting|centre|shelter|unit|estate|gym|church"
    r"|cafe|rehab|detox|block|flats|squat|pub|yard|site|team|office|street|scheme|house)"
    r"[ \t]+(?:(?:always|never|just|really|still|even|also)[ \t]+)?(?:got|gets|said|says"
    r"|told|tells|helped|helps|gave|gives|took|takes|came|comes|rang|rings|texted|died|lent"
    r"|sold|showed|sorted|stabbed|robbed|grassed|nicked|overdosed|od['’]?d|introduced|used"
    r"|knew|knows|taught|kept|put|brought|dragged|looked)\b")
# "I owed Sully money", "he still owes Ginger forty quid": who is owed money is a person.
OWED = re.compile(
    rf"\b(?i:owe|owed|owes|owing)[ \t]+(?P<name>{CAP_WORD})[ \t]+(?:(?i:money|some[ \t]+money"
    r"|a[ \t]+(?:tenner|fiver|score|ton|favour)|ten|twenty|thirty|forty|fifty|a[ \t]+hundred)\b"
    r"|£|\d)")


def acting_nicknames(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find a word opening a sentence before what only a person does for someone ("Smudge
    looked after me"); not an institution or a plural of people ("Nurses looked after me").

    Args:
        text: text to search.
        is_word: the English word test, to tell a plural noun; None skips that check.

    Returns:
        Name candidates.
    """
    found = []
    # "Kev and Debs put me up": two of them opening the sentence, each checked alike.
    for m in re.finditer(rf"({CAP_WORD})(?:[ \t]+(?:and|&)[ \t]+({CAP_WORD}))?\b", text):
        if not (is_sentence_start(text, m.start()) and PERSONAL_ACTS.match(text, m.end())):
            continue
        words = [(m.start(i), m.end(i)) for i in (1, 2) if m.group(i)]
        # Beside a name ("Kev and Debs") a word ending in s is a name too, not a plural.
        named = len(words) > 1 and any(
            is_word is not None and not is_word(text[s:e].lower()) for s, e in words)
        if all(_may_act(text[s:e], is_word, named) for s, e in words):
            found += [Candidate(s, e, "name") for s, e in words]
    return found


def _may_act(word: str, is_word: Callable[[str], bool] | None, named: bool) -> bool:
    """Neither an institution, a plural noun ("Nurses", unless ``named``), nor a word that
    is never a name."""
    plural = (not named and is_word is not None and word.endswith("s")
              and is_word(word[:-1].lower()))
    return word.lower() not in NOT_ACTING and not plural and not never_name(word)


def owed_nicknames(text: str, is_word: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Find who is owed money ("I owed Sully money"), lent or given a thing ("I lent Spanner
    my phone"), who drugs are had off ("score off Scouse"), who someone goes to see ("went
    to see Chalky"), who is let in ("let Biscuit in") and who, from the wing or the hostel,
    did something ("Spanner from the wing got me a phone"), however English the word.

    Args:
        text: text to search.
        is_word: the English word test, to tell a plural noun ("Residents from the block
            said"); None skips that check.

    Returns:
        Name candidates.
    """
    found = [m for p in (OWED, OFF_OR_SEE, LENT, LET_IN) for m in p.finditer(text)]
    found += [m for m in FROM_WHERE_PEOPLE_ARE.finditer(text)
              if is_sentence_start(text, m.start()) and _may_act(m.group("name"), is_word, False)]
    return [Candidate(m.start("name"), m.end("name"), "name") for m in found
            if not never_name(m.group("name")) and m.group("name").lower() not in NOT_ACTING
            and m.group("name").lower() not in load_set("not_names.txt")
            and m.group("name").lower() not in load_set("broad_areas.txt")]


def describing_nicknames(text: str, is_adjective: Callable[[str], bool] | None,
                         ) -> list[Candidate]:
    """Find an adjective opening a sentence and caring for someone ("Tiny got me through it").

    Args:
        text: text to search.
        is_adjective: the English adjective test (``lexicon.english_adjectives``); without
            one nothing is proposed.

    Returns:
        Name candidates.
    """
    if is_adjective is None:
        return []
    return [Candidate(m.start(), m.end(), "name") for m in re.finditer(rf"{CAP_WORD}\b", text)
            if is_sentence_start(text, m.start()) and is_adjective(m.group())
            and m.group().lower() not in STATE_WORDS
            and not never_name(m.group()) and CARES_FOR.match(text, m.end())]


# "they call him the Bishop", "everyone called her the Duchess", "known as the Professor": a
# capitalised word said to be what someone is called, after "the" too.
CALLED_THE = re.compile(
    r"\b(?:(?i:call|calls|called|calling)[ \t]+(?i:him|her|me|them|us)"
    r"|(?i:known[ \t]+as|nicknamed))"
    rf"[ \t]+(?i:the[ \t]+)(?P<name>{CAP_WORD})(?![\w'’-])")


def called_nicknames(text: str) -> list[Candidate]:
    """Find a word said to be what someone was called ("Lucky, that's what they called me").

    Args:
        text: text to search.

    Returns:
        Name candidates.
    """
    return [Candidate(m.start("name"), m.end("name"), "name")
            for pattern in (CALLED_AFTER, CALLED_THE)
            for m in pattern.finditer(text) if not never_name(m.group("name"))]


def listed_nicknames(text: str, named: Iterable[Candidate] = ()) -> list[Candidate]:
    """Find a capitalised word listed straight after or before a plain first name ("Paddy
    and Bones", "Bones and Jonno") or a word already found as a name ("Dazza and Col").

    Args:
        text: text to search.
        named: names found so far; one that is unambiguous counts as a first name here.

    Returns:
        Name candidates.
    """
    found = []
    first_names, areas = load_set("first_names.txt"), load_set("broad_areas.txt")
    named_at = {(c.start, c.end) for c in named if c.label == "name"}
    for m in (*AFTER_A_FIRST_NAME.finditer(text), *BEFORE_A_FIRST_NAME.finditer(text)):
        first, name = m.group("first"), m.group("name")
        a_name = first.lower() in first_names or m.span("first") in named_at
        if m.re is BEFORE_A_FIRST_NAME and CAP_BEFORE.search(text, max(0, m.start() - 25),
                                                             m.start()):
            continue
        if (a_name and not is_ambiguous(first)
                and not is_sentence_start(text, m.start("name"))
                and not never_name(name) and name.lower() not in areas):
            found.append(Candidate(m.start("name"), m.end("name"), "name"))
    return found
