"""More ways a sentence says a name is somewhere someone was, for institutions.find_by_kind.

institutions.py reads a name said "at", "in", "to" or "from" a place. People also say:

* "after Elmhurst I swore I'd never do a hostel again", "before Heron Point I was sleeping
  in a tent": a place left or arrived at, when a new clause starts straight after it
  ("after Dave died" is a person doing something);
* "Marsh View kicked me out", "St Cuthbert's let me stay": a name shaped like a place (a
  saint's, or ending in a street's or a building's word) doing what a hostel does;
* "the nurses on Poppy were lovely, it's the women's ward": a ward is said "on", but so are
  medicines, benefits and streets, so only with the word ward in the sentence;
* "Meadowside is where they put you on a section", "Fernlea was my fourth admission": a
  sentence opening on a place and saying it "is where" something happens, or that it was
  an admission or a placement;
* "when Ashlea shut down": places shut or close down; people shut doors;
* "my keyworker at Swan Lane", "my GP at Moss Lane", "the doctors at Lewisham", "the
  nurses on Poppy": who works there says what it is, even when it is named like a street
  or a town;
* "I've been under the Linden Centre since I was eighteen": under a service's care;
* "got funded for Castle Morven": what someone is funded to go to is a rehab;
* "up the Limes every week for my bloods": "up", "down" or "round the" a local place;
* "on the waiting list for Greystones": what a waiting list is for;
* "sofa surfing then Millstone then back on the street": a stop in a run of stays;
* "Haven chucked me out": one English word that houses or evicts someone (``housed_by_word``).

What the model's guesses and a town lived in say of such a name is ``model_guesses``'.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from functools import cache

from ..lists import load_list, load_set
from .areas import STUDIED_IN
from .common import CAP_WORD, Candidate, sentence_parts
from .model_guesses import model_says_no_place
from .nicknames import NOT_ACTING
from .stay_frames import ONE_PLACE_PLURAL, RELEASE_ADDRESS, RELEASED_TO, SPENT_AT, THEN_INTO
from .word_lists import SUBSTITUTES

__all__ = ["AFTER", "CLOSED", "HOUSED_BY", "NAME", "ON", "ONE_PLACE_PLURAL", "OPENING_HOME",
           "PUT_ON", "STAFF_AT", "STAFF_OF", "STAYED_FOR", "STAYS", "THROUGH", "UNDER_CARE",
           "UP_THE", "WAITING_FOR", "WHEN_AT", "WHERE", "housed_by_word", "listed_on",
           "more_frames", "not_said_as_a_place", "on_said_as_place", "person_cue", "ward_said"]

# A place's name as said: "St Aidan's", "Jimmy's", "the QE", up to three words.
# "st judes", "st annes": a saint's name typed in lower case is a place's name too.
NAME = (rf"(?:St\.?[ \t]+{CAP_WORD}(?:['’]s)?|{CAP_WORD}(?:['’]s)?|[A-Z]{{2,4}}\b"
        rf"|st\.?[ \t]+[a-z]{{3,}}(?:['’]s|s)\b)"
        rf"(?:[ \t]+{CAP_WORD}(?:['’]s)?){{0,2}}")
_THE = r"(?:(?i:the)[ \t]+)?"
# The last word of a place's or a building's name.
PLACE_WORDS = (r"Road|Street|Avenue|Lane|Close|Crescent|Drive|Way|Grove|Terrace|Gardens|Mews"
               r"|Rise|Parade|View|Court|House|Lodge|Hall|Place|Point|Grange|Park|Yard|Gate|Row")
# A new clause after the name: a pronoun subject, or a comma.
AFTER = re.compile(
    rf"\b(?i:after|before)[ \t]+{_THE}(?P<name>{NAME})"
    r"(?=,|[ \t]+(?i:i|we|they|he|she|you|it|me|my)\b)")
UP_THE = re.compile(rf"\b(?i:up|down|round)[ \t]+(?i:the)[ \t]+(?P<name>{NAME})(?!['’\w])")
ON = re.compile(rf"\b(?i:on)[ \t]+{_THE}(?P<name>{NAME})(?!['’\w])")
WHERE = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n)){_THE}(?P<name>{NAME})(?=[ \t]+(?:is|was)[ \t]+(?:where\b"
    r"|my[ \t]+(?:[a-z]+[ \t]+)?(?:admission|placement)s?\b))")
# "Ashcombe House was rough": a named House or Lodge opening a sentence.
OPENING_HOME = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n))(?P<name>(?:{CAP_WORD}[ \t]+){{1,2}}(?:House|Lodge))"
    r"(?=[ \t]+[a-z])")
CLOSED = re.compile(
    rf"(?<![\w'’])(?!(?i:when|after|before|since|until|till|then|and|but|so|cos|because)\b)"
    rf"{_THE}(?P<name>{NAME})(?=[ \t]+(?:(?:got|was|were)[ \t]+)?(?:shut|closed)"
    r"(?:[ \t]+down)?(?![ \t]+(?:the|a|his|her|my|their|its|up)\b))")
HOUSES = (r"[ \t]+(?:(?:wouldn['’]t|would|never|just)[ \t]+)?(?:(?:kicked|chucked|turfed|threw)"
          r"[ \t]+(?:me|us|him|her|them)[ \t]+out|let[ \t]+(?:me|us|him|her|them)"
          r"[ \t]+stay|took[ \t]+(?:me|us|him|her|them)[ \t]+in|have[ \t]+(?:me|us|him|her|them)"
          r"[ \t]+back|gave[ \t]+(?:me|us|him|her|them)[ \t]+a[ \t]+(?:room|bed))\b")
HOUSED_BY = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n)){_THE}(?P<name>(?:St\.?[ \t]+{CAP_WORD}['’]s"
    rf"|(?:{CAP_WORD}[ \t]+){{1,2}}(?:{PLACE_WORDS}))){HOUSES}")
# "Haven chucked me out", "then Threshold took me in": one English word doing what a hostel
# does, opening a sentence or after "then" (``housed_by_word`` keeps people out).
HOUSED_BY_WORD = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n)|(?<=\bthen[ \t])){_THE}(?P<name>{CAP_WORD}){HOUSES}")
# "on the waiting list for Greystones": what a list is for is somewhere to go (a hostel,
# a rehab, a ward: the rest of the sentence says which).
WAITING_FOR = re.compile(
    rf"\b(?i:waiting[ \t]+list|the[ \t]+list)[ \t]+(?i:for|at)[ \t]+{_THE}(?P<name>{NAME})"
    r"(?!['’\w])")
# "got funded for Castle Morven", "funding to go to Beechwood": what someone is funded to go
# to is a rehab placement, treatment (a hospital's label; treatment.py).
FUNDED_FOR = re.compile(
    rf"\b(?i:funded|funding|funds)[ \t]+(?i:for|to[ \t]+go[ \t]+to)[ \t]+{_THE}"
    rf"(?P<name>{NAME})(?!['’\w])")
# "been through Heron's Reach", "went through Brackenwood": a place lived through, as
# hostels, rehabs and prisons are; the kind is the sentence's, else a hostel (services,
# times and bodies are never read: institutions._excluded).
THROUGH = re.compile(
    rf"\b(?i:been|gone|went|going|go|goes|came|come|passed)[ \t]+(?i:through|thru)[ \t]+{_THE}"
    rf"(?P<name>{NAME})(?!['’\w])")
# "i was in Stepping Stones for a year": somewhere stayed in for a stretch, said with no
# kind, is a hostel's or a rehab's (the sentence may say which; towns are areas.py's).
STAYED_FOR = re.compile(
    rf"\b(?i:was|were|been|stayed|staying|stopped|stopping|kipping|kipped|slept|sleeping"
    rf"|dossed|dossing)[ \t]+(?i:in|at)"
    rf"[ \t]+{_THE}(?P<name>{NAME})(?=[ \t]+(?i:for)[ \t]+(?i:a|an|\d+|[a-z]+)"
    r"(?:[ \t]+(?i:and[ \t]+a[ \t]+half|odd|more))?[ \t]+(?i:years?|months?|weeks?|nights?)\b)")
# "when i was at Foundations they done cooking classes": a time of someone's life spent at
# a named place, as at a hostel or a rehab (the sentence may say which; a town lived in is
# areas.py's, kept out as for STAYED_FOR).
WHEN_AT = re.compile(
    rf"\b(?i:when|while|whilst)[ \t]+(?i:i|we|he|she|they)[ \t]+(?i:was|were)[ \t]+(?i:at)"
    rf"[ \t]+{_THE}(?P<name>{NAME})(?!['’\w])")
# Frames that say where someone stayed, and so a hostel unless the sentence says otherwise.
STAYS = (WAITING_FOR, THROUGH, STAYED_FOR, SPENT_AT, WHEN_AT, THEN_INTO)
# "Moorfield staff were lovely but the residents robbed everything": a name whose staff or
# residents are spoken of is a place; the sentence says what kind, else it is not read.
STAFF_OF = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n)|(?<=\b[Tt]he[ \t]))"
    rf"(?P<name>{NAME})(?=[ \t]+(?i:staff|key[ \t]?workers?|residents)\b)")
# "sofa surfing then Millstone then back on the street": one stop in a run of stays, said
# alone between "then" and a comma or the next "then"; the sentence says what kind.
THEN_STOP = re.compile(
    rf"\b(?i:then)[ \t]+{_THE}(?P<name>{NAME})(?=[ \t]*,|[ \t]+(?i:then)\b)")
# "put me on Juniper the first night": put on a house or unit of a hostel; a ward needs
# the word ward said, like any "on" (``ward_said``), and medicines are put on too, so only
# with a housing word near (institutions.find_by_kind reads the kind).
PUT_ON = re.compile(
    rf"\b(?i:put|placed|moved|stuck|bunged)[ \t]+(?i:me|us|him|her|them)[ \t]+(?i:on)[ \t]+"
    rf"{_THE}(?P<name>{NAME})(?!['’\w])")
# The group that matched names the kind.
STAFF_AT = re.compile(
    rf"\b(?i:(?P<hostel>key[ \t]?workers?)|(?P<hospital>gps?|doctors?|nurses?|psychs?"
    rf"|psychiatrists?|consultants?|cpns?))[ \t]+(?i:at|from|on)[ \t]+{_THE}"
    rf"(?P<name>{NAME})(?!['’\w])")
UNDER_CARE = re.compile(
    rf"\b(?i:been|am|i['’]m|was|still|now)[ \t]+(?i:under)[ \t]+{_THE}"
    rf"(?!(?i:section|mental health|the)\b)(?P<name>{NAME})(?!['’\w])(?![ \t]+(?i:act|order)\b)")
# One after another in a list: "Willow Ward, Juniper Ward and then Rowan", "Hostels,
# shelters, Bramley Grange".
LIST_NEXT = re.compile(rf"(?:,[ \t]*|,?[ \t]+(?:and|or)[ \t]+)(?:then[ \t]+)?(?:the[ \t]+)?"
                       rf"(?P<name>{NAME})(?!['’\w])")
WARD = re.compile(r"\bwards?\b", re.IGNORECASE)

def more_frames(text: str, is_word: Callable[[str], bool] | None = None,
                ) -> list[tuple[re.Match[str], str | None]]:
    """Every name said in one of the frames above, with the kind the frame itself says
    (None when the rest of the sentence must say it); ``is_word`` lets one English word
    that houses someone count (``housed_by_word``)."""
    framed: list[tuple[re.Match[str], str | None]] = [
        (m, None) for p in (AFTER, WHERE, CLOSED, OPENING_HOME, UP_THE, WAITING_FOR, THROUGH,
                            THEN_STOP, *STAYS[2:], ONE_PLACE_PLURAL, STAFF_OF)
        for m in p.finditer(text)]
    # "the nurses on Poppy ... the women's ward": "on" a ward only with the word said.
    framed += [(m, "hospital" if ward_said(text, m.start("name"), m.end("name")) else None)
               for m in ON.finditer(text)]
    framed += [(m, "hostel" if m.group("hostel") else "hospital") for m in STAFF_AT.finditer(text)]
    framed += [(m, "hospital") for p in (UNDER_CARE, FUNDED_FOR) for m in p.finditer(text)]
    framed += [(m, "hostel") for p in (HOUSED_BY, RELEASED_TO, RELEASE_ADDRESS)
               for m in p.finditer(text)]
    framed += [(m, None) for m in PUT_ON.finditer(text)]
    return framed + housed_by_word(text, is_word)


def on_said_as_place(text: str, m: re.Match[str], kind: str | None, strong: bool) -> bool:
    """"on Poppy": a ward only with the word ward said ("put me on Sertraline"); "put me on
    Juniper ... my own room": a house only with housing said, never a treatment medicine
    (medicines and benefits are put on too). Other frames pass."""
    start, end = m.span("name")
    if m.re is ON:
        return kind == "hospital" and (strong or ward_said(text, start, end))
    if m.re is PUT_ON:
        return kind == "hostel" and m.group("name").lower() not in SUBSTITUTES
    return True


def ward_said(text: str, start: int, end: int) -> bool:
    """Say whether the word ward is said in the sentence around text[start:end]."""
    before, after = sentence_parts(text, start, end)
    return bool(WARD.search(before) or WARD.search(after))


def listed_on(text: str, found: list[Candidate], ents: list[tuple[int, int, str]],
              is_word: Callable[[str], bool] | None,
              excluded: Callable[[str, bool], bool]) -> list[Candidate]:
    """Names listed straight after one already found take its kind ("Willow Ward, Juniper
    Ward and then Rowan"), a chain at a time, unless ``excluded(name, said_in_sequence)``."""
    added: list[Candidate] = []
    # A set and a deque: a list of thousands ("Bramley Grange, " over and over) stays linear.
    seen = set(found)
    queue = deque(sorted(found))
    while queue:
        cand = queue.popleft()
        m = LIST_NEXT.match(text, cand.end)
        if not m:
            continue
        start, end = m.start("name"), m.end("name")
        # "Juniper Ward and then Rowan": one after another, a sequence of places, not people.
        then = "then" in text[m.start():start].split()
        if excluded(m.group("name"), then) or model_says_no_place(text, start, end, ents,
                                                                    is_word):
            continue
        new = Candidate(start, end, cand.label)
        if new not in seen:
            seen.add(new)
            added.append(new)
            queue.append(new)
    return added


def housed_by_word(text: str, is_word: Callable[[str], bool] | None,
                   ) -> list[tuple[re.Match[str], str | None]]:
    """"Haven chucked me out": an English word that houses or evicts someone is a hostel;
    never a first name, a relative, a role, a service or an institution ("Mum kicked me
    out", "Probation let me stay", "Life kicked me out"), which are who or what, not where."""
    people = load_set("first_names.txt") | load_set("name_words.txt") | load_set(
        "name_cues.txt") | load_set("not_names.txt") | NOT_ACTING | {"life", "god"}
    return [(m, "hostel") for m in HOUSED_BY_WORD.finditer(text)
            if is_word is not None and is_word(m.group("name"))
            and m.group("name").lower() not in people]


@cache
def person_cue() -> re.Pattern[str]:
    """Who someone is, right before their name ("a fella called Chef", "my dog Tyson"):
    what follows is the person or pet, never a place ("a refuge called Oasis" is)."""
    cues = [re.escape(c).replace(r"\ ", r"[ \t]+") for c in load_list("name_cues.txt")
            if c not in ("call", "calls", "called", "name", "named", "nickname", "known as")]
    alternatives = "|".join(sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?i:{alternatives})(?:[ \t]+(?i:called|named))?[ \t]*,?[ \t]+$")


def not_said_as_a_place(text: str, m: re.Match[str], ents: Iterable[tuple[int, int, str]],
                        ) -> bool:
    """A subject studied ("a level 2 in Maths"), a person or pet after who they are ("a
    fella called Chef", "my dog Tyson"), or a town stayed in for a stretch ("was in
    Skegness for a year", areas.py's)."""
    start, end = m.span("name")
    return bool(
        STUDIED_IN.search(text, max(0, start - 30), start)
        or person_cue().search(text, max(0, start - 40), start)
        or (m.re in (STAYED_FOR, WHEN_AT) and any(s < end and start < e and label in ("GPE", "LOC")
                                       for s, e, label in ents)))
