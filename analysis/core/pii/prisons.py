"""Detect prisons: "HMP X", listed names, and prisons named like their town with context.

A listed name that is never anything else (Pentonville) counts in any case. One that is
also a town or word (marked `` *`` in ``prisons.txt``: Leeds, Feltham, Wandsworth) counts
with context: "HMP Leeds", "Leeds prison", "did two years in Leeds", "got moved to
Wandsworth", "in Feltham for two years", or listed with a prison found already. Typed in
lower case ("in feltham for two years", "got moved to wandsworth") it counts the same when a
preposition comes right before it, so "two years reading in my cell" is no prison.
"""
from __future__ import annotations

import re
from functools import cache

from ..lists import load_list, load_set
from .common import COMMON_WORDS, Candidate, sentence_parts
from .places import NAME_WORDS, list_matches, listed
from .word_lists import EVERYDAY

__all__ = ["always_prisons", "find_prisons", "listed_with_prisons"]

PRISON_PREFIXES = r"(?:HMP\s*(?:/|&|and)\s*YOI|HMP|HMYOI|YOI|HM\s+Prison|HM\s+YOI)"
PRISON_PREFIX = re.compile(
    rf"\b(?i:{PRISON_PREFIXES})[ \t]+(?:the[ \t]+)?(?:{NAME_WORDS}|(?-i:[a-z][a-z'’-]{{2,}}))"
)
# Two-word prisons typed in lower case ("wormwood scrubs", "long lartin"): only those no
# everyday phrase could be ("new hall", "high down", "spring hill" could).
LOWER_CASE_NAMES = re.compile(
    r"\b(?:wormwood scrubs|long lartin|full sutton|channings wood|cookham wood|askham grange"
    r"|swinfen hall|foston hall|buckley hall|bullwood hall|latchmere house|long kesh"
    r"|hydebank wood|cornton vale|castle huntly|lowdham grange|kirklevington grange"
    r"|hollesley bay|eastwood park|east sutton park|north sea camp|lancaster farms"
    r"|shepton mallet|standford hill|guys marsh|stoke heath|thorn cross|blantyre house"
    r"|monster mansion|hewell grange|hatfield lakes"
    # Round fifteen: the rest of the listed two-word prisons no everyday phrase could be.
    r"|holme house|forest bank|low moss|low newton|glen parva|drake hall|morton hall|rye hill"
    r"|warren hill|five wells)\b")
# "HMP whatever, they're all the same", "HMP wherever": any prison, no prison's name.
INDEFINITE = frozenset(["whatever", "wherever", "whichever", "somewhere", "anywhere", "nowhere",
                        "whoever", "blah", "such", "so-and-so"])
# "the YOI bit", "a YOI": a kind of prison, no prison's name after it.
YOI_AS_WORD = re.compile(r"\b(?:the|a)[ \t]+$", re.IGNORECASE)
PRISON_WORD_AFTER = r"(?:[ \t]+(?:prison|Prison|jail|nick|YOI))"
PRISON_CONTEXT_BEFORE = re.compile(
    r"\b(?:stretch|stint|sentence|remand(?:ed)?(?:\s+to)?|inside|out of|"
    r"released from|transferred to|shipped(?: out)? to|locked up in|banged up in|visits? (?:in|at)|"
    # "visits room in Greenock": a prison's visits room or hall.
    r"(?:visits?|visiting) (?:room|hall)|"
    r"cells?|wings?|landings?|served|bird|porridge|on (?:the )?out from|on licence from|"
    r"(?:did|done|doing|do) a (?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))"
    r"\s+(?:in\s+|at\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# "two year in Parc": a stretch said before a name. Of a city or borough it says only where
# someone was ("two years in Manchester" is where they lived) unless it was done or served
# ("did three years in Wakefield").
STRETCH_BEFORE = re.compile(
    r"(?:\b(?P<did>did|done|doing|served|serving)\s+(?:[\w-]+\s+){0,3})?"
    r"\b(?:time|years?|months?|weeks?)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# "Nine months in Bedford and I came out with a habit": a stretch someone came out of.
CAME_OUT = re.compile(
    r"[^.!?\n]{0,40}\b(?:came|come|got|get|getting|coming)\s+out\b(?!\s+(?:of|to)\b)", re.I)
# "me and Rhodri were in Parc together": shared time in one place is done in an institution.
TOGETHER_AFTER = re.compile(r"[ \t]+together\b", re.IGNORECASE)
# "Pentonville, then Brixton, then the Scrubs": a place-named prison listed with prisons.
# "Whatton, then back to Nottingham", "lewes and another in Ford": joined by a few short words.
# "Barlinnie then moved to Shotts": a move from a prison is a transfer (after "released from"
# it is not, below). "the Scrubs in 2011 and then Wandsworth": a year may say when each one
# was; "Garth and two in Wakefield", "Risley and the one before that in Lewes": how long, or
# which time.
PRISON_LIST_JOIN = re.compile(
    r"^(?:\s*,)?\s*(?:(?:and|then|or|to|back|on|another|one|a|bit|stint|in|at|the|before|after"
    r"|last|first|next|my|that|two|three|four|five|six|seven|eight|nine|ten|more|years?"
    # "Polmont at seventeen, then Addiewell": the age someone was at each.
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d\d"
    r"|months?|(?:19|20)\d\d,?|moved|sent|shipped|transferred|ghosted),?\s+){0,6}$"
    r"|^\s*/\s*$")
# "released from HMP Leeds to Manchester": after a release, "to" names where someone went.
RELEASED_FROM = re.compile(r"\b(?:released|discharged|let \w+ out|out)\s+(?:of|from)\s+$", re.I)
# Scottish prisons have halls, not wings: "Shotts, hall 4", "Perth, c hall" (not "town hall").
PRISON_CONTEXT_AFTER = re.compile(r"^[^.?!]{0,40}\b(?:prison|jail|nick|wings?|landing|cell"
                                  r"|hall[ \t]+\d{1,2}|(?:[b-eB-E]|(?-i:A))[ \t]+hall)\b", re.I)
# "got moved to Wandsworth", "they shipped me to Leeds": someone moved by others, a transfer.
PRISON_TRANSFER_BEFORE = re.compile(
    r"\b(?:(?:got|get|gets|getting|was|were|been|being)\s+(?:moved|sent|shipped|ghosted|"
    r"transferred)(?:\s+(?:out|over|down|up|back))?|(?:moved|sent|shipped|ghosted)\s+"
    r"(?:me|him|her|us|them)(?:\s+(?:out|over|down|up|back))?"
    # "recalled to Preston", "they took me down to Exeter": only a prison takes you back or
    # down from the dock.
    r"|recalled(?:\s+back)?|took\s+(?:me|him|her|us|them)\s+down)\s+(?:to|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "got moved to Bristol by the council into temp accommodation": a move of home. But only
# prisoners are "shipped" or "ghosted": "shipped me out to Durham, miles from my family"
# is a transfer whatever else the sentence says.
PRISONER_MOVED = re.compile(r"\b(?:shipped|ghosted)\b", re.IGNORECASE)
HOME_MOVE = re.compile(r"\b(?:council|housing|temp|temporary|accommodation|flat|tenancy|hostel"
                       r"|family|job|work|uni|university|college)\b", re.IGNORECASE)
# "in Feltham for two years", "at Wandsworth for six months": a stretch spent there; not
# for a city or borough ("in Manchester for two years" is where someone lived).
PRISON_STRETCH_AFTER = re.compile(
    r"^\s+for\s+(?:a|an|\d+|[a-z]+)(?:\s+(?:and\s+a\s+half|odd|more))?\s+"
    r"(?:years?|months?|weeks?|stretch)\b", re.IGNORECASE)
PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|to|into|from|of)\s+$", re.IGNORECASE)
IN_BEFORE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
LIVED_IN = re.compile(r"\b(?:live|lived|living|lives|grew up|brought up|born|moved|stayed|"
                      r"staying|work|worked|working)\s+(?:\w+\s+)?(?:in|at)\s+$", re.IGNORECASE)
# Words that make a whole sentence about prison: "my cellie in Walton", "Young offenders,
# Polmont", "First time I went inside I was seventeen, Feltham". A town-named prison said in
# such a sentence is the prison, unless what comes right before makes it a home, a move, a
# court or a service ("moved back to Leeds after my sentence", "sentenced at Preston").
PRISON_SENTENCE = re.compile(
    r"\b(?:inside|cellie|celly|cell ?mates?|pad ?mates?|padded|sentence|served|serving|"
    r"(?:did|doing|do|done)\s+(?:my\s+)?(?:time|bird|porridge)|YOI|young offenders|jail|"
    r"the nick|landings?|wings?|remand|lifers?|banged up|bang up|locked up|screws?|prison|HMP|"
    r"custody|went down|sent down|kangaroo court|canteen|lock-?down|on the out|"
    r"the (?:ones|twos|threes|fours|fives)|recall(?:ed)?|cat [a-d]|parole|got nicked|"
    r"shared a pad|long[- ]?termers?)\b",
    re.IGNORECASE)
NOT_PRISON_BEFORE = re.compile(
    r"\b(?:moved|move|moving|back|home|released|came out|got out|from|flat|house|"
    r"place|room|hostel|address|housed|live|lived|living|grew up|born|family|mum|dad|"
    r"probation|court|courts|sentenced|judge|magistrates|council|office|jobcentre|hospital|"
    r"near|outside|visit|visited|visiting|stay|stayed|staying|settled|job|work|worked|working|"
    r"college|uni|school|friends|mates|girlfriend|boyfriend|partner|kids|brother|sister|nan|"
    r"gran|cousin|raised|rehab)\s+(?:\w+\s+)?(?:in|at|to|into|of)?\s*$",
    re.IGNORECASE)


@cache
def always_prisons() -> frozenset[str]:
    """Listed prison names that are never anything else (Pentonville, not Leeds), lower case."""
    return frozenset(e.lower() for e in load_list("prisons.txt") if not e.endswith("*"))


@cache
def _lower_case_towns() -> re.Pattern[str] | None:
    """The one-word prisons named like a town, typed in lower case ("wandsworth")."""
    words = [e.rstrip("* ").lower() for e in load_list("prisons.txt")
             if e.endswith("*") and " " not in e.rstrip("* ")]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b") if words else None


def _in_context(text: str, start: int, end: int, *, by_sentence: bool = True) -> bool:
    """Whether a town-named prison at start:end is said as a prison (with ``by_sentence``,
    also anywhere in a sentence about prison).

    A city or borough ("Bristol", "Wandsworth") moved to by the council or for work is a
    move of home; one lived in for two years is a home: only a prison town that is no broad
    area (Feltham, Armley) counts after a stretch.
    """
    before = text[max(0, start - 40):start]
    if PERSON_BEFORE.search(text[max(0, start - 10):start]):
        return False
    area = text[start:end].lower() in load_set("broad_areas.txt")
    sentence = "".join(sentence_parts(text, start, end))
    return bool(
        PRISON_CONTEXT_BEFORE.search(before) or PRISON_CONTEXT_AFTER.match(text[end:])
        or ((stretch := STRETCH_BEFORE.search(before)) and (
            not area or stretch.group("did") or CAME_OUT.match(text, end)))
        or (not area and IN_BEFORE.search(before) and TOGETHER_AFTER.match(text, end))
        or (PRISON_TRANSFER_BEFORE.search(before)
            and not (area and HOME_MOVE.search(sentence) and not PRISONER_MOVED.search(before)))
        or (IN_BEFORE.search(before) and not LIVED_IN.search(before)
            and PRISON_STRETCH_AFTER.match(text[end:]) and not area)
        or (by_sentence and _in_prison_sentence(text, start, end, area)))


# "my cellie Walton", "a screw called Lincoln": a prison town after a word for a person is
# that person, whom the name rules find. ("Walton said the wing ..." stays a prison: the
# model may call it an organisation, and hidden as a prison is hidden all the same.)
PERSON_BEFORE = re.compile(
    r"\b(?:cellie|celly|cell ?mate|pad ?mate|mate|called|named|lad|bloke|geezer|fella|officer"
    r"|screw|governor|Mr|Mrs|Ms|Miss|and)\s+$", re.IGNORECASE)


def _in_prison_sentence(text: str, start: int, end: int, area: bool) -> bool:
    """Whether a town-named prison is said in a sentence about prison, in it or beside it.

    A broad area ("Wandsworth", "Brixton") is also where people live, so for one the prison
    word must be close (40 characters before, 30 after) and the name said "in" or "at" it.
    """
    # "a course at Leeds College of Building inside": the town starts another name.
    if NOT_PRISON_BEFORE.search(text[max(0, start - 30):start]) or re.match(
            r"[ \t]+(?:of[ \t]+)?[A-Z]", text[end:]):
        return False
    if area:
        near = text[max(0, start - 40):end + 30]
        return bool(IN_BEFORE.search(text[max(0, start - 5):start])
                    and PRISON_SENTENCE.search(near))
    before, after = sentence_parts(text, start, end)
    sentence = before + text[start:end] + after
    return bool(PRISON_SENTENCE.search(sentence))


# "sold me a Ford", "drove a Ford Transit": a prison named like a make of car is the car
# only when bought, sold or driven, or a model or "car" follows. "a" or "another" alone says
# nothing here ("then a Durham", "a Send lifer unit"): PRISON_LIST_JOIN reads it as one
# more prison in a list. "Liverpool won on Saturday": a town that wins or plays is its team.
CAR_BEFORE = re.compile(
    r"\b(?:drove|drive|drives|driving|bought|buy|buying|sold|sell|selling|nicked|stole|owned"
    r"|own|had)\s+(?:(?:me|him|her|us|them)\s+)?(?:a|an|another|my|his|her|their|our)\s+"
    r"(?:(?:old|new|red|blue|black|white|silver|green|clapped[- ]out|little|big)\s+)?$",
    re.IGNORECASE)
CAR_AFTER = re.compile(r"\s+(?:car|van|motor|truck|pickup|Transit|Escort|Fiesta|Focus|Mondeo"
                       r"|Sierra|Cortina|Capri|Granada|Ka|Galaxy|Hawk|Super Snipe)\b")
TEAM_AFTER = re.compile(r"\s+(?:won|lost|drew|beat|played|play|are playing|were playing|scored"
                        r"|got relegated|got promoted)\b")


def _a_thing_or_team(text: str, start: int, end: int) -> bool:
    return bool(CAR_BEFORE.search(text[max(0, start - 40):start])
                or CAR_AFTER.match(text, end) or TEAM_AFTER.match(text, end))


def find_prisons(text: str) -> list[Candidate]:
    """Find prisons: "HMP X", listed names, and city-named prisons with context.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``prison``.
    """
    # "hmp wandsworth" typed in lower case counts; "hmp was grim" has no name to hide.
    found = [Candidate(m.start(), m.end(), "prison") for m in PRISON_PREFIX.finditer(text)
             if m.group().split()[-1] not in COMMON_WORDS
             and m.group().split()[-1] not in INDEFINITE
             and not (m.group().split()[-1].islower()
                      and YOI_AS_WORD.search(text[max(0, m.start() - 5):m.start()]))]
    found += [Candidate(m.start(), m.end(), "prison") for m in LOWER_CASE_NAMES.finditer(text)]
    found += list_matches("prisons.txt", text, "prison")
    _, ambiguous = listed("prisons.txt")
    for m in ambiguous.finditer(text) if ambiguous else ():
        word_after = re.match(PRISON_WORD_AFTER, text[m.end():])
        if word_after:
            found.append(Candidate(m.start(), m.end() + word_after.end(), "prison"))
        elif _a_thing_or_team(text, m.start(), m.end()):
            continue
        elif _in_context(text, m.start(), m.end()):
            found.append(Candidate(m.start(), m.end(), "prison"))
    lower = _lower_case_towns()
    for m in lower.finditer(text) if lower else ():
        word_after = re.match(PRISON_WORD_AFTER, text[m.end():])
        # "interested in reading when I was inside": in lower case an everyday word is the
        # word, whatever the sentence is about; only a cue right at it makes it the prison.
        if word_after or (PREPOSITION_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                          and _in_context(text, m.start(), m.end(),
                                          by_sentence=m.group() not in EVERYDAY)):
            found.append(Candidate(m.start(), m.end() + (word_after.end() if word_after else 0),
                                   "prison"))
    return found + _listed_with_prisons(text, found, ambiguous)


def listed_with_prisons(text: str, found: list[Candidate]) -> list[Candidate]:
    """Place-named prisons listed with a prison any detector found ("in Polmont at
    seventeen, then Addiewell", where Polmont is found by the age said there).

    Args:
        text: the whole text.
        found: prison candidates found so far.

    Returns:
        More candidates labelled ``prison``.
    """
    return _listed_with_prisons(text, found, listed("prisons.txt")[1])


def _listed_with_prisons(text: str, found: list[Candidate],
                         ambiguous: re.Pattern[str] | None) -> list[Candidate]:
    """Place-named prisons joined by a comma, "and" or "then" to a prison already found."""
    pending = [m for m in (ambiguous.finditer(text) if ambiguous else ())
               if not any(c.start <= m.start() < c.end for c in found)
               and not _a_thing_or_team(text, m.start(), m.end())]
    added: list[Candidate] = []
    grew = True
    while grew:  # a chain of three or more: each newly found name vouches for the next
        grew = False
        for m in list(pending):
            if any(_joined(text, c.start, c.end, m.start()) if c.end <= m.start()
                   else _joined(text, m.start(), m.end(), c.start)
                   for c in found + added):
                added.append(Candidate(m.start(), m.end(), "prison"))
                pending.remove(m)
                grew = True
    return added


def _joined(text: str, start: int, end: int, next_start: int) -> bool:
    """Whether the name at start:end is listed with the one at next_start."""
    between = text[end:next_start]
    return bool(PRISON_LIST_JOIN.match(between)) and not (
        "to" in between.split() and RELEASED_FROM.search(text[max(0, start - 40):start]))
