"""Capitalised words the sentence shows to be someone, whatever the word: "Star told me",
"Sutton said", "me and Tanner", "Bailey's mum"."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import CAP_WORD, COMMON_WORDS, Candidate, is_sentence_start
from .name_words import PERSON_VERB_AFTER, is_ambiguous, never_name, with_someone
from .word_lists import DIALECT_WORDS, PERSON_OBJECT_VERBS, SPEECH_VERBS

__all__ = ["lower_case_named", "speaking_names", "speaks"]

# "the Judge said", "my Mum told me": a determiner makes the word a common noun.
DETERMINER_BEFORE = re.compile(
    r"\b(?i:the|a|an|my|your|his|her|our|their|this|that|every|no|some|any|each)[ \t]+$")
# Institutions and groups speak too ("Police said", "Staff told me", "Housing rang").
GROUP_WORDS = frozenset(
    ["police", "staff", "housing", "social", "prison", "security", "reception", "healthcare",
     "management", "government", "society", "office", "team", "services", "court", "courts",
     "hostel", "school", "hospital", "ward", "clinic", "surgery", "benefits", "chaplaincy",
     "whoever", "outreach", "medical", "psychiatry", "family", "everyone", "screws", "officers",
     "governor", "labour", "tories", "mother", "father", "parents", "grandma"])


CAP_TOKEN = re.compile(rf"(?<![\w'’-]){CAP_WORD}(?![\w-])")


def speaks(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` speaks: "Star told me", "Sutton said", "Royal
    then rang" (a verb of speech after it, maybe past an adverb)."""
    verb = PERSON_VERB_AFTER.match(text, end)
    return bool(verb and verb.group("verb") in SPEECH_VERBS)


def speaking_names(
    text: str, entities: list[tuple[int, int, str]], is_word: Callable[[str], bool] | None,
) -> list[Candidate]:
    """Find capitalised words that speak or are with someone: "Star told me", "Sutton said",
    "me and Tanner", "Bailey's mum".

    A word that is also English or a town counts here, because only a person (or a
    service) tells, rings or texts; services, roles, relatives, groups, plurals of words
    ("Doctors said"), words after a determiner ("the Judge said") and words inside a
    longer capitalised name or entity ("Turning Point said") are skipped.

    Args:
        text: text to search.
        entities: the model's non-person entities (start, end, label).
        is_word: an English word test, or None (then plurals are not judged).

    Returns:
        Name candidates.
    """
    found = []
    roles, terms = load_set("name_cues.txt"), load_set("justice_terms.txt")
    areas = load_set("broad_areas.txt")
    for m in CAP_TOKEN.finditer(text):
        word, (start, end) = m.group(), m.span()
        low = word.lower()
        # Said with someone or as someone's: "me and Tanner", "Bailey's mum"; not a town
        # ("England's number one") nor an opener before a comma ("Look, Errol is ...").
        opener = is_sentence_start(text, start) and bool(re.match(r",[ \t]*[A-Z]", text[end:]))
        with_one = low not in areas and not opener and with_someone(text, start, end)
        if not (speaks(text, end) or with_one):
            continue
        if (never_name(word) or low in roles
                or low in terms or low in GROUP_WORDS
                or (is_word is not None and low.endswith("s") and is_word(low[:-1])
                    and not is_ambiguous(word) and low not in load_set("first_names.txt"))
                or DETERMINER_BEFORE.search(text[max(0, start - 8):start])
                or any(e - s > end - start for s, e, _ in entities if s <= start < e)
                # "Tribunal said", "Parliament said": an English word the model calls a body.
                or (is_word is not None and is_word(low) and not with_one
                    and any(s <= start < e for s, e, _ in entities))):
            continue
        previous = re.search(rf"({CAP_WORD})(?:['’]s)?[ \t]+(?:(?:of|for)[ \t]+)?$",
                             text[max(0, start - 30):start])
        if previous and previous.group(1).lower() not in COMMON_WORDS:
            continue  # "Turning Point said", "College of Psychiatrists says": a longer name
        found.append(Candidate(start, end, "name"))
    return found


# "her name is bev", "known as tiny", "tell jonno": a lower-case word said as a name, or as
# the one told or rung, though no list has it.
NAMED_LOWER = re.compile(
    r"\b(?:(?i:name is|name's|name was|nickname is|nickname was|known as|goes by|went by)"
    rf"|(?i:{'|'.join(sorted(PERSON_OBJECT_VERBS))}))[ \t]+(?P<name>[a-z][a-z'’-]+)\b")


def lower_case_named(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find unlisted lower-case names after a naming cue or a verb done to a person.

    Args:
        text: text to search.
        is_word: an English word test; without one nothing is proposed, because "her name
            is down" and "tell everyone" cannot then be told apart.

    Returns:
        Name candidates.
    """
    if is_word is None:
        return []
    return [Candidate(*m.span("name"), "name") for m in NAMED_LOWER.finditer(text)
            if not (never_name(m.group("name")) or is_word(m.group("name"))
                    or m.group("name") in DIALECT_WORDS
                    or m.group("name") in load_set("name_cues.txt"))]
