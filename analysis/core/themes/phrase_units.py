"""Units of a noun phrase: which tokens join one, and how a long one is cut to label size.

Kept apart from ``vocabulary.collect_words``, which walks the tokens and calls these.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .phrases import WHEN_AFTER, WHEN_WORDS

__all__ = ["MAX_PHRASE_WORDS", "NO_LEXICON", "OWNER_WORDS", "POSSESSIVE", "Lexicon",
           "content_unit", "label_sized", "owner_inside", "thing_before_day"]

MAX_PHRASE_WORDS = 5
OWNER_WORDS = frozenset(["my", "your", "his", "her", "its", "our", "their"])
# Articles say which one as owners say whose: "a condition of the licence" names "condition
# of licence" (left in, "the" cut the phrase short and the label fell back to a keyword);
# dropped after "of" only, and before a day ("on a Friday").
ARTICLES = frozenset(["the", "a", "an"])
DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# After an article, these say how long or when, not what about: "box room for a month" is
# no "box room for month" ("on a Friday" names a day, which ``phrases.when_first`` reads).
TIMES_AFTER_ARTICLE = frozenset(
    ["day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
     "hour", "hours", "minute", "minutes", "while", "moment", "fortnight", "weekend",
     "weekends", "night", "nights", "morning", "afternoon", "evening", "few", "couple",
     "bit", "lot"])
# Endings that make a noun of a verb: "hearing" (hear), "appointment" (appoint), "arrival"
# (arrive), "admission" (admit is not found: such a noun is simply not taken as an event).
ACTION_ENDINGS = ("ing", "ment", "al", "ion")
# Prepositions that say where to or where at: a noun after them is said as a place ("sent
# to jail", "in court", "out of prison"), even one the dictionary knows as a verb too.
PLACE_BEFORE = frozenset(["to", "in", "at", "from", "into", "inside", "outside"])
# Words that may stand between such a preposition and its noun ("to the police station").
NOUN_GROUP = ("NOUN", "PROPN", "ADJ", "DET", "NUM")
# Prepositions after which a phrase reads as well without whose it is ("breach of licence",
# "housing on release"); not where a place or an idiom needs it ("language in its
# response" is no "language in response", "housing in their area" no "housing in area").
OWNED_AFTER = frozenset(["of", "on", "for", "about", "after", "before", "from", "to", "with",
                         "without"])
POSSESSIVE = {"'s": "'s", "\u2019s": "'s", "'": "'", "\u2019": "'"}


@dataclass(frozen=True)
class Lexicon:
    """Which words a dictionary knows as nouns, adjectives and verbs (WordNet's lists, as
    spaCy's English lemmatizer ships them), to overrule a tagger that calls an adjective a noun.

    A tagger reads "helpful pleasant and caring" as adjective, NOUN, adjective: the words
    around a one-word adjective decide its tag. The dictionary does not guess, so a word it
    knows only as an adjective is never the subject of a phrase.
    """

    nouns: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()

    def only_adjective(self, word: str) -> bool:
        """Args: a lower-case lemma. Returns: True when it is known as an adjective, never
        as a noun. Words ending "-ing" name activities ("offending", "housing") however the
        dictionary files them, and words it does not know stay nouns."""
        return (word in self.adjectives and word not in self.nouns
                and not word.endswith("ing"))

    def only_verb(self, word: str) -> bool:
        """Args: a lower-case lemma. Returns: True when it is known as a verb, never as a
        noun or an adjective ("engage", "attend", "comply"): the tagger called it a noun from
        the words around it ("people leaving prison engage with ...")."""
        return (word in self.verbs and word not in self.nouns and word not in self.adjectives
                and not word.endswith("ing"))

    def event(self, word: str) -> bool:
        """Args: a lower-case lemma. Returns: True when it names something done: known as a
        verb too ("release", "visit") or made of one ("hearing", "appointment", "arrival");
        with no dictionary, every word (the tags are taken as they are)."""
        if not self.verbs:
            return True
        stems = [word[:-len(end)] for end in ACTION_ENDINGS if word.endswith(end)]
        return word in self.verbs or any(s in self.verbs or s + "e" in self.verbs
                                         for s in stems)


def thing_before_day(tokens: Sequence[tuple[str, str, str]],
                     units: Sequence[tuple[str, str]], i: int, lexicon: Lexicon) -> bool:
    """Whether token ``i`` is "on"/"at"/"in" before a day or time of day (an article between)
    after a noun that names no event ("the prison on a Friday", "the hostel on Fridays"):
    the day names a kind of an event ("Friday releases", ``phrases.when_first``), not of a
    place or a thing ("Friday prison"), so the phrase ends before the preposition."""
    if tokens[i][0] not in WHEN_AFTER or not units or units[-1][1] != "N":
        return False
    rest = [t[0] for t in tokens[i + 1:i + 3]]
    when = rest[1:2] if rest[:1] and rest[0] in ARTICLES else rest[:1]
    day = when[0] if when else ""
    said_when = day in WHEN_WORDS or (day.endswith("s") and day[:-1] in WHEN_WORDS)
    return said_when and not (lexicon.event(units[-1][0])
                              and not _said_as_place(tokens, i, lexicon))


def _said_as_place(tokens: Sequence[tuple[str, str, str]], i: int, lexicon: Lexicon) -> bool:
    """Whether the noun group ending before token ``i`` follows a preposition of place ("to
    the police station", "out of jail"): the noun is then said in its sense of a place, so
    the dictionary's verb of the same spelling ("to jail") makes no event of it. A noun made
    of a verb ("to the hearing", "at my appointment"), no verb itself, still names one."""
    if not i or tokens[i - 1][1] not in lexicon.verbs:
        return False
    j = i - 1
    while j >= 0 and (tokens[j][2] in NOUN_GROUP or tokens[j][0] in OWNER_WORDS):
        j -= 1
    if j < 0:
        return False
    before = tokens[j][0]
    return before in PLACE_BEFORE or (before == "of" and j > 0 and tokens[j - 1][0] == "out")


def owner_inside(tokens: Sequence[tuple[str, str, str]], units: Sequence[tuple[str, str]],
                 i: int) -> bool:
    """Whether token ``i`` is a possessive determiner or an article between a phrase's
    preposition and its next noun group: whose or which it is ("of your licence", "for their
    housing", "to a GP") says nothing of the subject, and left in it cut the phrase short
    ("condition" of "condition of your licence")."""
    after = tokens[i + 1][2] if i + 1 < len(tokens) else "X"
    if tokens[i][0] in ARTICLES and i + 1 < len(tokens) and (
            tokens[i + 1][0] in TIMES_AFTER_ARTICLE):
        return False
    # After any other preposition the article often starts where or with whom a verb acted
    # ("work with the Ministry on the detail", "released from prison without a confirmed
    # place"), except before a day ("released on a Friday", read by ``phrases.when_first``).
    if tokens[i][0] in ARTICLES and units and units[-1][0] != "of" and not (
            units[-1][0] in ("on", "at") and i + 1 < len(tokens)
            and tokens[i + 1][0].rstrip("s") in DAYS):
        return False
    return (tokens[i][0] in OWNER_WORDS | ARTICLES and bool(units) and units[-1][1] in "PF"
            and units[-1][0] in OWNED_AFTER and after in ("NOUN", "PROPN", "ADJ", ""))


def label_sized(units: Sequence[tuple[str, str]], said: Sequence[str], start: int,
                end: int) -> list[tuple[list[str], list[str]]]:
    """A phrase's words and forms or, too long for a label, each short noun group between its
    prepositions ("direct experience", "alcohol monitoring tags"): no part holding one, as
    it may end half-way ("funding for specialist" of "... for specialist and user-led"), nor
    a long one (a proposal's name: "multi year cross departmental fund")."""
    words, shown = _owners_joined(units, said, range(start, end))
    if len(words) <= MAX_PHRASE_WORDS:
        return [(words, shown)]
    cuts = [start - 1, *(k for k in range(start, end) if units[k][1] in "PF"), end]
    parts = [_owners_joined(units, said, range(a + 1, b))
             for a, b in zip(cuts, cuts[1:], strict=False)]
    return [part for part in parts if 0 < len(part[0]) < MAX_PHRASE_WORDS]


def content_unit(lower: str, lemma: str, pos: str,
                 lexicon: Lexicon) -> tuple[str, str] | None:
    """A content word as a phrase unit: (word as shown in a phrase, one-letter tag), or None
    for a tag that says nothing of phrases (a preposition is then read as one)."""
    if pos in ("NOUN", "PROPN", "") and lexicon.only_adjective(lemma):
        return lower, "A"
    if pos in ("NOUN", "") and lexicon.only_verb(lemma):
        return lower, "O"
    if pos in ("NOUN", "PROPN"):
        return (lemma if pos == "NOUN" else lower), "N"
    if pos == "ADJ":
        return lower, "A"
    if not pos:
        return lemma, "O" if lower.endswith(("ed", "ly")) else "N"
    return None


def _owners_joined(units: Sequence[tuple[str, str]], said: Sequence[str],
                   span: range) -> tuple[list[str], list[str]]:
    """A phrase's words and said forms, each possessive joined to its owner as it was said
    ("women's": the owner's lemma would make it "woman's")."""
    words: list[str] = []
    shown: list[str] = []
    for k in span:
        if units[k][1] == "S":
            owner = words[-1] if " " in said[k - 1] else said[k - 1]
            words[-1] = owner + units[k][0]
            shown[-1] += said[k]
        else:
            words.append(units[k][0])
            shown.append(said[k])
    return words, shown


NO_LEXICON = Lexicon()  # tags taken as the tagger gave them
