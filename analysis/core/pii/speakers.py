"""Capitalised words the sentence shows to be someone, whatever the word: "Star told me",
"Sutton said", "me and Tanner", "Bailey's mum"."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import CAP_WORD, COMMON_WORDS, Candidate, is_sentence_start
from .name_rules import cue_pattern, role_after_pattern
from .name_words import (
    PERSON_VERB_AFTER,
    is_ambiguous,
    never_name,
    with_someone,
    word_used_as_word,
)
from .person_cues import PERSON_ADVERBS
from .word_lists import (
    DIALECT_WORDS,
    PERSON_OBJECT_VERBS,
    PERSON_VERBS,
    SPEECH_VERBS,
    TIME_VERBS,
)

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


# What a person does to someone, not what an idea does ("Hope kept me going", "Hope died",
# "Chance would be a fine thing"): "Rich lent me a tenner", "Frank paid for it".
ACTS = PERSON_VERBS - TIME_VERBS - {
    "won't", "wouldn't", "couldn't", "didn't", "can't", "died", "lives", "lived", "works",
    "worked", "moved", "knows", "knew", "thinks", "thought", "loved", "loves", "wants",
    "wanted", "hated", "tried"}


def acts(text: str, start: int, end: int) -> bool:
    """Whether a name-word does what only a person does ("Rich lent me a tenner"), or has it
    done to them ("I owe Rich a tenner"), and is not plainly the word ("Hope is what ...")."""
    verb = PERSON_VERB_AFTER.match(text, end)
    done_to = re.search(r"\b([a-z]+)[ \t]+$", text[max(0, start - 12):start])
    return bool(((verb and verb.group("verb") in ACTS)
                 or (done_to and done_to.group(1) in PERSON_OBJECT_VERBS))
                and is_ambiguous(text[start:end]) and not word_used_as_word(text, start, end))


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
        if not (speaks(text, end) or with_one or acts(text, start, end)):
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
    r"\b(?:(?i:name is|name's|name was|nickname is|nickname was|known as|goes by|went by"
    # "my snapchat is kezzabxo": a handle with no digit in it (``contact`` has the rest).
    r"|(?:snapchat|snap|insta|instagram|tiktok|twitter)(?:[ \t]+(?:name|handle|username))?"
    r"(?:[ \t]+is|[ \t]*:|['’]s))"
    rf"|(?i:{'|'.join(sorted(PERSON_OBJECT_VERBS))}))[ \t]+(?P<name>[a-z][a-z'’-]+)\b")


# "kev said", "and then joy rang me": a lower-case word opening a clause that speaks.
LOWER_SPEAKS = re.compile(
    rf"(?:^|(?<=[.!?,;:\n])[ \t]*|\b(?i:and|then|but|so|cos|because|when|till|until|after"
    rf"|before|that|if)[ \t]+)(?P<name>[a-z][a-z'’-]+)"
    rf"(?=[ \t]+(?:{PERSON_ADVERBS}[ \t]+)?(?:{'|'.join(sorted(SPEECH_VERBS))})\b)")
# "me and shaz", "gaz and me": said with the speaker.
LOWER_WITH = re.compile(
    r"\b(?i:me|I)[ \t]+(?:and|n|an|&)[ \t]+(?P<name>[a-z][a-z'’-]+)\b"
    r"|\b(?P<first>[a-z][a-z'’-]+)[ \t]+(?:and|n|an|&)[ \t]+(?:me|I)\b")
# "baz was my padmate": a lower-case word opening a clause, then who they are (the same
# role pattern as name_rules' capitalised "Okoro was my PO", matched case-blind).
LOWER_OPENS = re.compile(r"(?:^|(?<=[.!?,;:\n])[ \t]*|\b(?i:and|then|but|so|cos)[ \t]+)"
                         r"(?=[a-z][a-z'’-]+[ \t]+(?:was|is)[ \t])")
CONTACT_VERB = re.compile(
    r"[ \t]+(?:said|says|rang|rings|phoned|texted|messaged|asked|replied)\b")
# "i rang joy at the drop in", "texted grace": the one rung or texted is someone, so a
# listed first name or name-word in lower case counts after these verbs ("told hope" and
# "met joy" may be the word, so not after those).
RUNG_LOWER = re.compile(r"\b(?i:rang|ring|rings|phoned|texted|text|texts|messaged)[ \t]+"
                        r"(?P<name>[a-z]+)\b")
# Where a lower-case word no list has is someone: being with them ("i was with gaz and
# shaz"), a relative said with "our" ("our kev"; "our kid" is the word), a nickname's
# adjective ("wee stevie", "fat col"; not "the big fella"), their home ("round macca's").
# "our cpn worker", "our iapt course": a word before a service's noun names the service.
NOT_A_NOUN_AFTER = (r"(?![ \t]+(?:workers?|team|nurse|officer|office|services?|group|meeting"
                    r"|course|surgery|clinic|unit|ward|house|flat|estate|area|appointment))")
LOWER_PERSON_FRAMES = (
    re.compile(r"\b(?i:was|were|been|am|i['’]m|stayed|stopping|hanging[ \t]+about|out)[ \t]+"
               r"with[ \t]+(?P<name>[a-z][a-z'’-]+)"
               r"(?:[ \t]+(?:and|n|an|&)[ \t]+(?P<second>[a-z][a-z'’-]+))?\b"),
    re.compile(rf"\b(?i:our)[ \t]+(?P<name>[a-z][a-z-]+)\b{NOT_A_NOUN_AFTER}"),
    re.compile(r"(?P<det>\b(?i:the|a|an|my|his|her|our|their|that|this)[ \t]+)?"
               r"\b(?i:big|little|lil|wee|fat|young|old|mad|daft|skinny|lanky)[ \t]+"
               rf"(?P<name>[a-z][a-z-]+)\b{NOT_A_NOUN_AFTER}"),
    re.compile(r"\b(?i:round|at|to|over|from)[ \t]+(?P<name>[a-z][a-z-]+)['’]s\b"),
)
# "our shell had three kids", "our rose rang me": after "our" an English word is someone
# only when it bears children or rings; "our house had three bedrooms", "our mam had
# twins" (a relative's word) are not names.
OUR_PERSON = re.compile(
    r"\b(?i:our)[ \t]+(?P<name>[a-z][a-z-]{2,})[ \t]+(?:(?:just|has|had|'s|’s)[ \t]+)?"
    r"(?:had[ \t]+(?:(?:a|another|her|his|their|two|three|four|five|six|\d+)[ \t]+)?"
    r"(?:kids|baby|babies|children|twins|son|daughter|little[ \t]+one)"
    r"|(?:got|fell)[ \t]+pregnant|gave[ \t]+birth|rang|phoned|texted|messaged)\b")
RELATIVE_WORDS = frozenset(["mam", "mum", "mom", "mother", "dad", "father", "lass", "lad",
                            "kid", "kids", "family", "nan", "nana", "gran", "granny",
                            "grandma", "sister", "brother", "cousin", "auntie", "aunt",
                            "uncle", "wife", "husband", "missus", "fella", "bairn"])
# "dazza come round", "jonno sold me a bag": a word no list has opening a clause before
# what a person does.
LOWER_ACTS = re.compile(
    r"(?:^|(?<=[.!?,;:\n])[ \t]*|\b(?i:and|then|but|so|cos|because|when|till|until)[ \t]+)"
    r"(?P<name>[a-z][a-z'’-]+)(?=[ \t]+(?:(?:always|never|just|then|still)[ \t]+)?"
    r"(?:come|came|sold|gave|lent|got[ \t]+me|looked[ \t]+after|brought|took|helped|sorted"
    r"|picked|drove|nicked|robbed|stabbed|grassed|battered|owes|owed|rang|texted)\b)")
# "specky from the bail hostel", "shugsy off the landing", "padraig was the only one who
# came": opening a clause, from where someone is or the one who did something (a word no
# list has only, so "breakfast from the hostel" stays).
LOWER_FROM = re.compile(
    r"(?:^|(?<=[.!?,;:\n])[ \t]*|\b(?i:and|then|but|so|cos|because|when)[ \t]+)"
    r"(?P<name>[a-z][a-z'’-]+)(?=[ \t]+(?:(?:from|off)[ \t]+(?:the|my|our|me)[ \t]"
    r"|(?:was|is)[ \t]+the[ \t]+(?:only[ \t]+)?one[ \t]+(?:who|that)\b))")
VOWEL = re.compile(r"[aeiouy]")
MIN_LOWER_NAME = 3  # "u", "ur" and initials are not names


def _lower_cued(text: str) -> list[tuple[int, int]]:
    """Spans of lower-case words after a person cue ("my mate shaz", "my cellie gaz")."""
    spans = []
    for cue in cue_pattern().finditer(text):
        m = re.compile(r"[ \t]*,?[ \t]+(?P<name>[a-z][a-z'’-]+)\b").match(text, cue.end())
        if m and re.search(r"\b(?i:my|his|her|our|their|a|this|that)[ \t]+$",
                           text[max(0, cue.start() - 8):cue.start()]):
            spans.append(m.span("name"))
    return spans


def lower_case_named(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find lower-case names no list has, said as someone.

    After a naming cue or a verb done to a person ("known as tiny", "tell jonno"), with the
    speaker ("me and kev", "gaz n me"), after who they are ("my mate shaz"), before it
    ("baz was my padmate"), or opening a clause that speaks ("kev said"; a listed first
    name too, "dave said", and a name-word only ringing or saying, "joy rang me").

    Args:
        text: text to search.
        is_word: an English word test; without one nothing is proposed, because "her name
            is down" and "tell everyone" cannot then be told apart.

    Returns:
        Name candidates.
    """
    if is_word is None:
        return []
    found = [Candidate(*m.span("name"), "name") for m in NAMED_LOWER.finditer(text)]
    # Said with someone or after who they are, a word no list has: "me and kev", "my mate
    # shaz" (listed first names there are name_rules' own).
    found += [Candidate(*m.span("name" if m.group("name") else "first"), "name")
              for m in LOWER_WITH.finditer(text)]
    found += [Candidate(s, e, "name") for s, e in _lower_cued(text)]
    for m in LOWER_OPENS.finditer(text):
        opener = re.match(r"[a-z][a-z'’-]+", text[m.end():])
        # The role pattern wants a capital; try it on the word as if capitalised.
        if opener and role_after_pattern().match(
                opener.group().capitalize() + text[m.end() + opener.end():m.end() + 120]):
            found.append(Candidate(m.end(), m.end() + opener.end(), "name"))
    found += [Candidate(*m.span("name"), "name") for m in LOWER_ACTS.finditer(text)]
    found += [Candidate(*m.span("name"), "name") for m in LOWER_FROM.finditer(text)]
    found = [c for c in found if _unlisted_name(text[c.start:c.end], is_word)]
    # Speaking, a listed first name or name-word too: "dave said", "joy rang me".
    listed = load_set("first_names.txt")
    for pattern in LOWER_PERSON_FRAMES:
        for m in pattern.finditer(text):
            if m.groupdict().get("det"):
                continue
            for group in ("name", "second"):
                word = m.groupdict().get(group)
                if word and (_unlisted_name(word, is_word) or (
                        word in listed and not is_ambiguous(word) and not never_name(word))):
                    found.append(Candidate(*m.span(group), "name"))
    found += [Candidate(*m.span("name"), "name") for m in OUR_PERSON.finditer(text)
              if not (m.group("name") in RELATIVE_WORDS or never_name(m.group("name"))
                      or m.group("name") in DIALECT_WORDS
                      or m.group("name") in load_set("name_cues.txt"))]
    found += [Candidate(*m.span("name"), "name") for m in RUNG_LOWER.finditer(text)
              if (m.group("name") in listed or is_ambiguous(m.group("name")))
              and not never_name(m.group("name"))]
    for m in LOWER_SPEAKS.finditer(text):
        word = m.group("name")
        # A name-word in lower case is most often the word: only ringing or saying shows
        # a person ("joy rang me"; "hope told me otherwise" is the word).
        if is_ambiguous(word):
            named = bool(CONTACT_VERB.match(text, m.end("name")))
        else:
            named = _unlisted_name(word, is_word) or (word in listed and not never_name(word))
        if named:
            found.append(Candidate(*m.span("name"), "name"))
    return found


def _unlisted_name(word: str, is_word: Callable[[str], bool]) -> bool:
    """A lower-case word that could be an unlisted name: no English word, dialect, role or
    service, at least three letters and a vowel ("kev", "shaz", not "cmht", "ur")."""
    return not (never_name(word) or is_word(word) or word in DIALECT_WORDS
                or "'" in word or "’" in word  # "couldn't", "she's"
                or word in load_set("name_cues.txt") or word in load_set("justice_terms.txt")
                or len(word) < MIN_LOWER_NAME or not VOWEL.search(word))
