"""Name-words used as ordinary words beside other words: the first half of a compound noun
("Will power is not enough", "some Frank conversations") or an adjective paired with
another ("Frank and honest"). Read by ``not_people.drop_not_people``.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .common import COMMON_WORDS, Candidate, is_sentence_start
from .name_words import is_ambiguous
from .word_lists import DAYTIME_NAMES, PERSON_VERBS, SPEECH_VERBS, TIME_NAMES

__all__ = ["compound", "paired_adjective"]


# "Will power is not enough", "Dawn raids are terrifying", "some Dean conversations": a
# name-word as the first half of a compound noun, shown by what comes before or after.
NOUN_AFTER = re.compile(r"[ \t]+(?P<noun>[a-z]{3,})\b")
QUANTIFIER_BEFORE = re.compile(
    r"\b(?i:some|any|those|these|such|more|no|few|many|lots[ \t]+of|a[ \t]+lot[ \t]+of|the|a|an)"
    r"[ \t]+$")
AUX_AFTER = re.compile(
    # Typed with or without the apostrophe ("Will power isnt enough").
    r"[ \t]+(?:is|are|was|were|isn['’]?t|aren['’]?t|wasn['’]?t|weren['’]?t|can|can['’]?t|could"
    r"|will|won['’]?t|would|should|must|might|do|don['’]?t|did|didn['’]?t|does|doesn['’]?t|have"
    r"|has|had|alone)\b")
# Said after a person as well as a noun: "Frank today was brilliant", "Mark himself was".
NOT_NOUNS = frozenset(["today", "tonight", "yesterday", "tomorrow", "himself", "herself",
                       "again", "though", "anyway", "instead", "maybe", "sometimes", "too"])
# Plurals no verb ends in ("conversations", "friendships", "difficulties"); not "-ances"
# or "-itions" ("Grace dances", "Mark positions himself"), nor "-ssions": "Frank sessions
# with Dawn" may be Frank's sessions (privacy first).
NOUN_ONLY_PLURAL = re.compile(r"(?:ations|nesses|ships|ities|isms)$")
# A person does things to someone or something: "Dawn cooks for us", "Frank mentions his
# kids", "Mark questions everything". Words ending like nouns (-tions, -ments, -ances) are
# verbs too, so this is read before anything the second word looks like.
PERSON_OBJECT_AFTER = re.compile(
    r"[ \t]+(?:me|us|him|her|them|his|my|our|their|your|the|a|an|everything|everyone"
    r"|everybody|nothing|nobody|no[ \t]+one|someone|somebody|himself|herself|themselves"
    r"|for|with|to)\b")


def compound(text: str, cand: Candidate, is_word: Callable[[str], bool],
              is_modifier: Callable[[str], bool] | None) -> bool:
    """A name-word before a noun it describes: after a quantifier ("some Frank
    conversations"), before an auxiliary ("Frank conversations were good") or a plural no
    verb ends like ("Frank conversations with my worker"), or a time of day
    or year said before a noun ("Dawn raids", "Summer holidays"); never before what a
    person does to someone ("Frank mentions his kids", "Grace dances with me"). Only a word
    that can describe a noun (an adjective: "Frank"), a time, or one that makes a single
    word with it ("Will power": willpower) does: "Mark conditions were the worst" is Mark."""
    word = text[cand.start:cand.end]
    after = NOUN_AFTER.match(text, cand.end)
    if " " in word or not is_ambiguous(word) or not after:
        return False
    noun = after.group("noun")
    low = word.lower()
    if not (low in DAYTIME_NAMES | TIME_NAMES or is_word(low + noun)
            or is_modifier is None or is_modifier(low)):
        return False
    # "Frank conversations with my worker": a plural that is never a verb cannot be what
    # a person does, so the name-word describes it.
    if NOUN_ONLY_PLURAL.search(noun) and is_word(noun):
        return True
    if (noun in COMMON_WORDS or noun in PERSON_VERBS or noun in SPEECH_VERBS or noun in NOT_NOUNS
            or noun.endswith(("ed", "ly")) or not is_word(noun)
            or PERSON_OBJECT_AFTER.match(text, after.end("noun"))):
        return False
    return bool(QUANTIFIER_BEFORE.search(text[max(0, cand.start - 12):cand.start])
                or AUX_AFTER.match(text, after.end("noun"))
                or word.lower() in DAYTIME_NAMES | TIME_NAMES)


# "Frank and honest", "Frank and open conversations": a name-word paired with a lower-case
# adjective by "and" or "but" is that adjective ("Frank and me", "Rose and Kev" are people).
# Not before a capital: "Frank and young Dean" lists people.
PAIRED_ADJECTIVE = re.compile(
    r"[ \t]+(?:and|but|yet|or)[ \t]+(?P<other>[a-z]{3,})\b(?![ \t]+[A-Z])")


PAIRED_NEXT = re.compile(r"[ \t]*(?:[,.;:!?\n]|$)|[ \t]+(?P<noun>[a-z]{3,})\b")


def paired_adjective(text: str, cand: Candidate, is_adjective: Callable[[str], bool]) -> bool:
    """A lone name-word that is an adjective paired with another ("Frank and honest")."""
    word = text[cand.start:cand.end]
    m = PAIRED_ADJECTIVE.match(text, cand.end)
    if not (" " not in word and m and is_sentence_start(text, cand.start)
            and is_adjective(word.lower())
            and m.group("other") not in COMMON_WORDS and is_adjective(m.group("other"))):
        return False
    # Then a stop or a noun ("Frank and honest, that's", "Frank and open conversations");
    # anything more ("Frank and sober now, he sponsors me") is said of someone.
    nxt = PAIRED_NEXT.match(text, m.end())
    return bool(nxt and (nxt.group("noun") is None or (
        nxt.group("noun") not in COMMON_WORDS and nxt.group("noun") not in PERSON_VERBS
        and not nxt.group("noun").endswith(("ly", "ed")))))
