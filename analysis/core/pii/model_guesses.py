"""What the model's guesses say of a name framed as a place, for institutions.find_by_kind.

A small model calls made-up place names dates or nationalities ("Woodlands" a date,
"Hillview" a nationality): such a guess counts only when the words show it. A town the
model names, said lived in ("my nan lived in Treorchy"), and a part of a prison or a
hospital ("the Segregation Unit") are no hostel or ward of their own.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .hospitals import NOT_HOSPITAL_FIRST
from .word_lists import TIME_NAMES, TIME_WORDS

__all__ = ["model_says_no_place", "model_says_town", "part_or_town"]

# The model's kinds that say a span is no place at all; those that are about time or
# people need the words to show it.
ALWAYS_NO_PLACE = frozenset(["CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT",
                             "WORK_OF_ART", "EVENT", "LAW"])
TIME_KINDS = frozenset(["DATE", "TIME"])
PEOPLE_KINDS = frozenset(["NORP", "LANGUAGE"])
# "next week", "the weekend", "bonfire night": words any said time has in it.
TIME_SAID = re.compile(
    r"\d|\b(?i:day|days|night|nights|week|weeks|weekend|month|months|year|years|morning"
    r"|evening|afternoon|tonight|today|yesterday|tomorrow|eve|new year|bank holiday)\b")


# How the names of peoples, languages and faiths end ("Polish", "Italian", "Chinese",
# "Greek", "Muslim", "Catholic"): an English word ending otherwise ("Goldcrest", a bird) is
# a guess the model got wrong.
PEOPLES_END = re.compile(r"(?:sh|ans?|ese|ics?|is?|ch|ss|eks?|ai|ists?|ims?|ews?|ox|us?"
                         r"|khs?|ives?|abs?|ts|ds?|ns?|a)$")


def model_says_no_place(text: str, start: int, end: int,
                        entities: Iterable[tuple[int, int, str]],
                        is_word: Callable[[str], bool] | None) -> bool:
    """Say whether the model's entities show text[start:end] is a date, number, nationality,
    work of art, event or law, and so no place.

    A date or time counts only with a number or a word of time in it ("Christmas", "next
    week"); a nationality or language only when it is an English word ending like one
    ("Polish", "English"; not "Goldcrest"). "Woodlands" and "Hillview", which the model
    guesses wrong, stay names.
    """
    for s, e, label in entities:
        if not (s < end and start < e):
            continue
        said = text[s:e]
        words = [w.lower() for w in re.findall(r"[\w'’]+", said)]
        if label in ALWAYS_NO_PLACE:
            return True
        if label in TIME_KINDS and (TIME_SAID.search(said) or any(
                w in TIME_WORDS or w in TIME_NAMES for w in words)):
            return True
        if label in PEOPLE_KINDS and (is_word is None or (
                len(words) == 1 and is_word(words[0]) and PEOPLES_END.search(words[0]))):
            return True
    return False


def part_or_town(name: str, kind: str | None, said: bool, own: bool, town: bool) -> bool:
    """"the Segregation Unit", "on the Acute ward": parts of a prison or a hospital; "my nan
    lived in Treorchy": a town lived in (``model_says_town``), a place for areas.py."""
    if (own or kind == "hospital") and name.split(maxsplit=1)[0].lower() in NOT_HOSPITAL_FIRST:
        return True
    return kind in ("hostel", "hospital") and not said and town


# "my nan lived in Treorchy"; "rehab at Hope Lodge in Ilkley": a town said straight after a
# named place is where that place is.
LIVED_IN = re.compile(r"(?:\b(?i:live[sd]?|living)|(?<![\w'’])[A-Z][\w'’]*)[ \t]+in[ \t]+$")


def model_says_town(text: str, start: int, end: int,
                    entities: Iterable[tuple[int, int, str]]) -> bool:
    """Say whether text[start:end] is said lived in ("my nan lived in Treorchy") or as where
    a named place is ("Hope Lodge in Ilkley") and the model calls exactly it a town (GPE);
    "stuck in Kettleby, no move on" says a hostel."""
    return bool(LIVED_IN.search(text, max(0, start - 20), start)) and any(
        s == start and e == end and label == "GPE" for s, e, label in entities)
