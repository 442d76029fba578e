"""The words of a theme label: which words only judge or measure, and a phrase's head word.

A label names a subject ("Housing on release"); these rules say which word of a phrase is
that subject and which words may not name a theme on their own.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["ACTOR_HEADS", "ASPECTS_OF", "GENERIC_HEADS", "KIND_HEADS", "MAX_LABEL_WORDS",
           "MIN_LABEL_WORDS", "MIN_SAYERS", "PREPOSITIONS", "SENT_PEOPLE", "SPEAKER_WORDS",
           "TIME_UNITS", "VAGUE_MODIFIERS", "WHEN_AFTER", "WHEN_WORDS", "WHICH_ONE",
           "WIDELY_FROM", "head_part", "head_word", "named_kind", "says_when", "show_phrase",
           "trimmed_phrase", "when_first", "when_order"]

MIN_LABEL_WORDS, MAX_LABEL_WORDS = 2, 5
WIDELY_FROM = 4  # segments from which a word must be said widely to name a theme
MIN_SAYERS = 2  # one remark's vivid word is no evidence of what a theme is about
# Words that say when, how much or what kind, not what about: fine as keywords, never a
# theme's name on their own ("Form", "Agency", "Section on payment", "Social problem").
GENERIC_HEADS = frozenset(
    ["time", "times", "term", "terms", "year", "years", "week", "weeks", "month", "months", "day",
     "days", "date", "dates", "today", "tomorrow",
     "yesterday", "morning", "afternoon", "evening", "night",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "thing",
     "things", "way", "ways", "lot", "bit", "kind", "sort", "type", "people", "person", "word",
     "words", "phrase", "good", "bad", "proper", "properly", "sorry", "hate", "number", "place",
     "form", "agency", "section", "part", "provide", "plan", "problem", "problems", "social",
     "cost", "costs", "intervention", "interventions", "programme", "programmes", "project",
     "projects", "system", "systems", "issue", "issues", "service", "services", "work", "example",
     "case", "cases", "level", "levels", "area", "areas", "group", "groups", "point", "points",
     "question", "questions", "answer", "answers", "fact", "side", "lots", "stuff", "alive",
     "drive", "force", "need", "needs", "approach", "role", "use", "important", "new", "different",
     "other", "high", "low", "big", "small", "right", "story", "basic", "real", "lovely", "nice",
     "little", "whole", "single", "same", "main", "general", "various", "certain", "own", "full",
     "great", "excellent", "wonderful", "amazing", "brilliant", "fantastic", "perfect", "terrible",
     "awful", "positive", "negative", "lead", "reason", "reasons"])
# Words that say when, for a thing's kind: in front of a noun that is no time word they name
# one ("Friday releases", "Night shelter"), where "Friday" or "Friday morning" name none.
WHEN_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
     "afternoon", "evening", "night"])
# Generic heads that a subject word in front makes a subject: "Transition plan", "Housing
# need", "Drug programme", "Young people" (alone, or after "social" or "other", they name
# nothing; a sixth response's answer on LGBT+ people had no other name). Not "service",
# "system" or "problem": on the NHS comments "first class service" then named the praise
# theme "Class service", and an introduction took "Justice system". "Referral form" names
# what a sixth response's answer on the duty to refer was about ("Form" alone named nothing).
KIND_HEADS = frozenset(
    ["plan", "plans", "need", "needs", "programme", "programmes", "project", "projects",
     "people", "person", "form", "forms"])
# Words in front that still say which one, not what about ("Local service", "Long plan").
VAGUE_MODIFIERS = frozenset(
    ["local", "better", "best", "worse", "long", "short", "first", "last", "next", "free",
     "current", "existing", "specific", "particular", "available", "extra", "more", "less",
     "few", "many", "much", "wider", "broader", "overall", "only", "usual", "simple",
     "relevant", "appropriate"])
# Words in front that only say which one of a kind the speaker means, never a kind of its
# own: after one, a noun alone names no subject ("Current hostel", from "their current
# hostel" on a sixth response's answer on move-on), where "Local connection" or "Short
# sentences" do. A participle saying which one ("the proposed changes") is one of them.
WHICH_ONE = frozenset(
    ["current", "existing", "particular", "specific", "previous", "present", "available",
     "extra", "usual", "same", "certain", "next", "only", "more", "less", "few", "many",
     "much", "proposed", "planned", "given", "stated", "mentioned", "described"])
# Units of time: alone before a preposition they say how long, not what about ("Hour at
# hospital" named an NHS theme on waiting); after a subject they name one ("Unpaid work
# hours").
TIME_UNITS = frozenset(["hour", "hours", "minute", "minutes"])
# People a verb sends somewhere ("send women to residential centres"): before "to" they are
# its object, and "Women to residential centres" no noun phrase ("Access to housing" is).
SENT_PEOPLE = frozenset(
    ["woman", "women", "man", "men", "people", "person", "child", "children", "prisoner",
     "prisoners", "offender", "offenders", "member", "members", "patient", "patients",
     "leaver", "leavers", "mother", "mothers", "family", "families"])
# Bodies that act: after words that only say which ones, a label names who acts, not on
# what ("Local authorities" named a sixth response's answer on how police and councils treat
# people sleeping rough); a subject word in front ("Housing authority") or a label naming
# what they do ("Duty on local authorities") is a subject.
ACTOR_HEADS = frozenset(
    ["authority", "authorities", "council", "councils", "government", "governments", "body",
     "bodies", "organisation", "organisations", "organization", "organizations", "partner",
     "partners", "provider", "providers", "department", "departments", "institution",
     "institutions", "ministry", "commissioner", "commissioners"])
# Who speaks, in every response the forum writes: a label made only of these (and generic
# words) names the speakers, not a subject ("Forum member", "Members' views"), while
# "Staff member" or "Youth forum" still name one.
SPEAKER_WORDS = frozenset(
    ["member", "members", "forum", "participant", "participants", "respondent", "respondents",
     "user", "users", "view", "views", "comment", "comments"])
# Words that, before "of", say which side of the thing after it is meant: "use of alcohol
# monitoring tags" names the tags, "role of housing" names housing ("date of birth" and
# "lack of housing" are subjects themselves and keep their first word).
# "Importance of family contact" says that the thing matters, how members feel: the thing
# is the subject ("Importance of offenders" headed the consultation's themes on community
# sentences and peer support).
ASPECTS_OF = frozenset(
    ["use", "role", "part", "kind", "sort", "type", "form", "level", "levels", "way", "ways",
     "view", "views", "lot", "lots", "bit", "number", "amount", "importance", "significance",
     "share", "proportion", "percentage", "majority", "rest"])
PREPOSITIONS = frozenset(
    ["after", "in", "for", "with", "from", "on", "of", "about", "without", "before", "at", "to",
     "into", "out"])

def named_kind(words: Sequence[str]) -> bool:
    """Whether words before a preposition end in a kind made specific by the word in front.

    Args:
        words: a phrase's head part, lower case ("transition plan").

    Returns:
        True for a ``KIND_HEADS`` head after a subject word ("transition plan").
    """
    *before, head = words or [""]
    if not before or head not in KIND_HEADS:
        return False
    front = before[-1].strip("'")
    return front not in GENERIC_HEADS | SPEAKER_WORDS | VAGUE_MODIFIERS | KIND_HEADS


def says_when(words: Sequence[str]) -> bool:
    """Whether a phrase's first word says when the thing it heads happens, naming a kind of it.

    Args:
        words: a phrase's words, lower case ("friday release").

    Returns:
        True for a ``WHEN_WORDS`` word in front of a head that is no generic or time word
        ("friday release"; not "friday morning").
    """
    before = head_part(words)
    return (len(before) > 1 and before[0] in WHEN_WORDS and not _time_word(before[-1]))


def _time_word(word: str) -> bool:
    """Whether a word names a time ("morning", "lunchtime", "weekend"), not a thing."""
    return (word in GENERIC_HEADS | TIME_UNITS or word.endswith(("time", "times"))
            or word.rstrip("s") in ("weekend", "holiday", "lunch"))


# Prepositions after which words saying when name a kind of the thing before them.
WHEN_AFTER = frozenset(["on", "at", "in"])


def when_order(words: Sequence[str]) -> list[int] | None:
    """The order that puts words saying when in front of what happens then ("release on
    friday" reads "friday release", as ``says_when`` accepts it), or None where the words
    after the preposition do not only say when ("release on licence") or what comes before
    is itself a time ("morning on friday").

    Args:
        words: a phrase's words (lemmas or as said), lower case.

    Returns:
        Indices into ``words``: the when words, then those before the preposition.
    """
    before = head_part(words)
    rest = list(words[len(before) + 1:])
    if (not before or not rest or words[len(before)] not in WHEN_AFTER
            or not all(_when_word(w) for w in rest) or _time_word(before[-1])):
        return None
    return [*range(len(before) + 1, len(words)), *range(len(before))]


def _when_word(word: str) -> bool:
    """Whether a word says when ("friday", said "fridays" too)."""
    return word in WHEN_WORDS or (word.endswith("s") and word[:-1] in WHEN_WORDS)


def when_first(words: Sequence[str]) -> list[str]:
    """Args: a phrase's words. Returns: them with words saying when in front, each in the
    singular ("fridays" names the kind as "friday" does), or as they are (``when_order``)."""
    order = when_order(words)
    if order is None:
        return list(words)
    return [w[:-1] if _when_word(w) and w not in WHEN_WORDS else w
            for w in (words[k] for k in order)]


def trimmed_phrase(phrase: str) -> str:
    """A phrase without judging words in front ("different pbr scheme" -> "pbr scheme"), or
    an aspect of what follows "of" ("use of alcohol monitoring tag" -> "alcohol monitoring
    tag"), with words saying when in front ("release on friday" -> "friday release")."""
    words = when_first(phrase.split())
    if words[0] in ASPECTS_OF and words[1:2] == ["of"] and words[2:]:
        words = words[2:]
    # Never down to a preposition: "date of birth" stays whole, not "of birth".
    while (len(words) > 1 and words[0] in GENERIC_HEADS and words[1] not in PREPOSITIONS
           and not says_when(words)):
        words.pop(0)
    return " ".join(words)


def head_word(phrase: str) -> tuple[str, list[str]]:
    """Split a phrase into its head word and its other content words."""
    words = phrase.split()
    before = head_part(words)
    head = before[-1] if before else words[-1]
    return head, [w for w in words if w != head and w not in PREPOSITIONS]


def head_part(words: Sequence[str]) -> list[str]:
    """The words before a phrase's first preposition ("housing" of "housing on release")."""
    out = []
    for word in words:
        if word in PREPOSITIONS:
            break
        out.append(word)
    return out


def show_phrase(phrase: str, display: Callable[[str], str]) -> str:
    """A phrase in its proper case, as a label shows it."""
    # Whole-term display first ("section 136"), then word by word ("iom officer").
    shown = display(phrase)
    if shown != phrase:
        return shown
    return " ".join(display(w) for w in phrase.split())
