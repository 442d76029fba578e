"""Names and places said as public things, not as anyone the speaker knows, told by the frame
rather than by a list of who is famous:

* a work named by its maker: "the Ken Loach film", "that Louis Theroux documentary", "Ken
  Loach's film" (a full name before 's: "Dave's book" may be a friend's notebook);
* someone dead a century or more: "Elizabeth Fry was fighting for women prisoners two hundred
  years ago"; the dead are no data subjects, and nobody in a forum is that old;
* a law or public paper: "the Sentencing Bill", "the Online Safety Act" (a capitalised word
  before "Bill" makes it a bill; "my mate Bill" is someone);
* a town said as its council, as public news: "Birmingham council went bankrupt". A council
  is a public body; said with no one in the sentence tied to it ("I", "me", "my", "we"), the
  town tells nothing about a participant. "Leeds council housed me" says where the speaker
  lives, so it is still a place;
* a phrase of dialect function words the model calls a person ("tae ma mam").

Read by ``redact`` after the detectors. A name after "my", "me and", "with" or "called" is
never dropped here.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import COMMON_WORDS, Candidate, sentence_parts
from .word_lists import DIALECT_WORDS

__all__ = ["drop_public_mentions"]

WordTest = Callable[[str], bool] | None
KNOWN_BEFORE = re.compile(r"\b(?i:my|me|ma|our|his|her|their|and|with|called|named)[ \t]+$")
WORKS = (r"(?:films?|movies?|documentar(?:y|ies)|docs?|books?|novels?|songs?|albums?|tracks?"
         r"|plays?|programmes?|series|biopic|speech|lyrics?)")
# "the Ken Loach film", "that Stormzy song": a name between a determiner and a work.
DETERMINER_BEFORE = re.compile(r"\b(?i:the|that|this|a|an|one|every|those|these)[ \t]+$")
WORK_AFTER = re.compile(rf"[ \t]+(?i:new[ \t]+|old[ \t]+|latest[ \t]+|first[ \t]+)?(?i:{WORKS})\b")
MAKERS_WORK_AFTER = re.compile(rf"['’]s?[ \t]+(?i:new[ \t]+|old[ \t]+|latest[ \t]+|first[ \t]+)?"
                               rf"(?i:{WORKS})\b")
# A sentence set a century or more ago.
LONG_AGO = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|\d+)[ \t]+hundred"
    r"(?:[ \t]+and[ \t]+[a-z-]+|[ \t]+odd)?[ \t]+years[ \t]+ago"
    r"|hundreds[ \t]+of[ \t]+years[ \t]+ago|centur(?:y|ies)[ \t]+ago"
    r"|in[ \t]+the[ \t]+1[5-8]\d\ds|in[ \t]+1[5-8]\d\d|(?:1[5-9]th|sixteenth|seventeenth"
    r"|eighteenth|nineteenth)[ \t-]+century|victorian[ \t]+times|in[ \t]+victorian)\b",
    re.IGNORECASE)
# "the Sentencing Bill", "the Online Safety Act", "the Children and Families Act".
LAW_WORDS = frozenset(["bill", "act", "order", "regulations"])
TITLE_BEFORE = re.compile(r"\b(?i:the)[ \t]+((?:[A-Z][a-z]+[ \t]+(?:(?:and|of|for)[ \t]+)?)+)$")
COUNCIL_AFTER = re.compile(r"[ \t]+(?i:(?:city|county|borough|district|metropolitan|town)"
                           r"[ \t]+)?(?i:council|corporation)\b")
FIRST_PERSON = re.compile(r"\b(?:I|(?i:i['’]m|i['’]d|i['’]ve|me|my|mine|myself|we|us|our|ours"
                          r"|ma|mi|masel|oor|wur))\b")
# Scots and Northern function words the lists above lack ("tae ma mam", "fae the scheme").
DIALECT_FUNCTION = frozenset(["tae", "fae", "frae", "wi", "intae", "oot", "doon", "aboot",
                              "ower", "wis", "tha", "oor", "wur", "ye", "yer", "ae", "o"])


def _known(text: str, start: int) -> bool:
    """Whether who the person is to the speaker is said just before ("my mate Dave")."""
    words = text[max(0, start - 20):start].split()
    return bool(KNOWN_BEFORE.search(text[max(0, start - 10):start])) or bool(
        words and words[-1].lower().strip(",") in load_set("name_cues.txt"))


CAP_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+$")
CAP_AFTER = re.compile(r"[ \t]+[A-Z][a-z][\w-]*(?!['’\w])")
RUN_WORDS = 3


def _full_name(text: str, cand: Candidate) -> Candidate:
    """The run of capitalised words a candidate sits in ("Louis" in "that Louis Theroux")."""
    start, end = cand.start, cand.end
    for _ in range(RUN_WORDS):
        m = CAP_BEFORE.search(text[max(0, start - 30):start])
        if not m:
            break
        start -= len(m.group())
    for _ in range(RUN_WORDS):
        m = CAP_AFTER.match(text, end)
        if not m:
            break
        end = m.end()
    return Candidate(start, end, cand.label)


def _work_by(text: str, cand: Candidate) -> bool:
    """A maker named before their work: "the Ken Loach film", "Ken Loach's film"."""
    cand = _full_name(text, cand)
    if DETERMINER_BEFORE.search(text[max(0, cand.start - 8):cand.start]):
        return bool(WORK_AFTER.match(text, cand.end))
    full = len(text[cand.start:cand.end].split()) > 1
    return full and not _known(text, cand.start) and bool(MAKERS_WORK_AFTER.match(text, cand.end))


def _long_ago(text: str, cand: Candidate) -> bool:
    """Said in a sentence set a century or more ago, and not as the speaker's own."""
    before, after = sentence_parts(text, cand.start, cand.end)
    return not _known(text, cand.start) and bool(LONG_AGO.search(before + " # " + after))


def _law(text: str, cand: Candidate, is_word: WordTest) -> bool:
    """A law or bill: "the Sentencing Bill", with English words capitalised before it."""
    words = text[cand.start:cand.end].split()
    if words[-1].lower() not in LAW_WORDS | load_set("public_document_words.txt"):
        return False
    m = TITLE_BEFORE.search(text[max(0, cand.start - 60):cand.start])
    title = (m.group(1).split() if m else []) + words[:-1]
    capitals = [w for w in title if w[:1].isupper()]
    return bool(capitals) and is_word is not None and all(is_word(w) for w in capitals)


def _council(text: str, cand: Candidate) -> bool:
    """A town said as its council in public news, with no one in the sentence tied to it."""
    if not COUNCIL_AFTER.match(text, cand.end):
        return False
    before, after = sentence_parts(text, cand.start, cand.end)
    return not FIRST_PERSON.search(before + " # " + after)


def _dialect_phrase(text: str, cand: Candidate) -> bool:
    """Lower-case words that hold a function word are a phrase, not a name ("tae ma mam")."""
    words = text[cand.start:cand.end].split()
    function = COMMON_WORDS | DIALECT_WORDS | DIALECT_FUNCTION
    return (len(words) > 1 and all(w.islower() for w in words)
            and any(w in function for w in words))


def drop_public_mentions(text: str, cands: list[Candidate],
                         is_word: WordTest = None) -> list[Candidate]:
    """Drop names and places said as public works, history, laws or councils.

    Args:
        text: the whole text.
        cands: candidates from every detector.
        is_word: the English word test (``pii.lexicon``); without it no law is recognised.

    Returns:
        The candidates left.
    """
    kept = []
    for c in cands:
        if c.label == "name" and (_work_by(text, c) or _long_ago(text, c)
                                  or _law(text, c, is_word) or _dialect_phrase(text, c)):
            continue
        if c.label == "place" and (_council(text, c) or _long_ago(text, c)):
            continue
        kept.append(c)
    return kept
