"""Names for themes that share a stance more than a phrase: "Praise for paramedics".

Many feedback themes are people praising (or complaining about, or waiting for) one
thing in their own words: no phrase is said twice, so ``make_label`` finds none and the
theme would be "Mixed comments". When the words say so, such a theme is named after the
stance and the one subject most of it mentions:

- praise: at least ``STANCE_SHARE`` of its segments use a praising word and at most
  ``OTHER_STANCE`` a complaining one ("Praise for the crew"; "General praise" when no
  subject is said widely); complaints the same way round;
- nothing to say: at least ``STANCE_SHARE`` of its segments answer "nothing", "no" or
  "couldn't be better" ("Nothing to add or change": answers to "what could we do
  better?" or "anything else?");
- waiting: at least ``WAIT_SHARE`` of its segments speak of waiting, and a subject is
  said widely ("Phone waiting times").

The subject is a noun (said inside a noun phrase by two segments or more, and heading a
noun phrase somewhere in the run: never a verb such as "answer" or an adjective such as
"mental") that at least ``SUBJECT_SHARE`` of the segments say.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .phrases import GENERIC_HEADS, PREPOSITIONS, head_word
from .vocabulary import SegmentWords

__all__ = ["COMPLAINT", "PRAISE", "Stance", "count_stance", "run_heads", "stance_label"]

# Lemmas that judge well or badly (spaCy lemmatises "thanks" to "thank", "pleased" to "pleased").
PRAISE = frozenset(
    ["good", "great", "excellent", "brilliant", "fantastic", "amazing", "wonderful", "perfect",
     "lovely", "nice", "superb", "outstanding", "exceptional", "helpful", "kind", "caring",
     "friendly", "polite", "professional", "pleasant", "efficient", "happy", "pleased",
     "satisfied", "thank", "thanks", "grateful", "appreciate", "praise", "reassuring",
     "supportive", "courteous", "respectful", "compassionate", "attentive", "fab", "marvellous"])
# Not "complaint" or "complain": most who say it say "no complaints" or "can't complain".
COMPLAINT = frozenset(
    ["bad", "poor", "terrible", "awful", "rude", "disgusting", "unhappy", "dissatisfied",
     "disappointed", "disappointing", "unacceptable", "ridiculous",
     "worse", "worst", "horrible", "unhelpful", "appalling", "shocking", "useless", "dreadful"])
# A segment answering that there is nothing to change or add: it opens with a "no" word, or
# says it could not be better. "No" or "not" must stand alone ("No, all fine", "Not
# really"): "Not enough staff" and "No one came" ask for something.
NOTHING = re.compile(
    r"^\W*(nothing|none|nope|n/?a|(i )?(can[’']?t|cannot) think"
    r"|not (really|that|a thing|a lot|much|sure|applicable|at (all|the moment))"
    r"|no (problems?|complaints?|comments?|idea|changes?|improvements?|suggestions?)"
    r"|(no|not)(?=\s*(?:[-–.,!;:]|thanks?\b|thank you\b|(everything|i|they|it|all)\b|$)))\b"
    r"|\b(could ?n[o’']t|can[’']?t|cannot) (have )?(been |be )?(any )?"
    r"(better|improve|fault|happier)\b", re.IGNORECASE)
WAITING = frozenset(["wait", "waiting", "delay", "queue"])  # not "hold": "hold to account"
NOTHING_TO_SAY = "Nothing to add or change"
STANCE_SHARE = 0.5
OTHER_STANCE = 0.2
WAIT_SHARE = 0.3
SUBJECT_SHARE = 0.25
MIN_NOUN_SAYERS = 2
# As a subject of praise "the service" names what is praised (the whole service), though
# alone it is no theme's name.
SUBJECTS_ALSO = frozenset(["service"])


@dataclass(frozen=True)
class Stance:
    """How many of a theme's segments praise, complain and speak of waiting; per noun, how
    many say it inside a noun phrase; and the nouns people mostly say in the plural."""

    praise: int = 0
    complaint: int = 0
    waiting: int = 0
    nothing: int = 0
    nouns: Mapping[str, int] = field(default_factory=dict)
    plural: frozenset[str] = frozenset()


def run_heads(words: Iterable[SegmentWords]) -> frozenset[str]:
    """Args: a run's ``SegmentWords``. Returns: the words heading a noun phrase in it."""
    return frozenset(head_word(p)[0] for w in words for p in w.phrases)


def count_stance(found: Iterable[SegmentWords], heads: Collection[str],
                 texts: Sequence[str] = ()) -> Stance:
    """Count stances and nouns over a theme's segments (each segment once).

    Args:
        found: the theme's ``SegmentWords``.
        heads: words heading a noun phrase anywhere in the run (nouns, not adjectives).
        texts: the theme's texts, to tell "paramedics" from "the crew" and to find answers
            of "nothing"; empty: singular, and no such answers.

    Returns:
        A ``Stance``.
    """
    praise = complaint = waiting = 0
    nouns: Counter[str] = Counter()
    for words in found:
        said = set(words.terms)
        complaint += bool(said & COMPLAINT)
        praise += bool(said & PRAISE) and not said & COMPLAINT
        waiting += bool(said & WAITING)
        nouns.update({w for p in words.phrases for w in p.split()
                      if w in heads and w not in PREPOSITIONS})
    joined = " ".join(texts).lower()
    plural = frozenset(
        n for n, k in nouns.items() if k >= MIN_NOUN_SAYERS and n.isalpha() and joined
        and len(re.findall(rf"\b{n}e?s\b", joined)) > len(re.findall(rf"\b{n}\b", joined)))
    nothing = sum(bool(NOTHING.search(text)) for text in texts)
    return Stance(praise, complaint, waiting, nothing, dict(nouns), plural)


def _subject(stance: Stance, support: Mapping[str, int], size: int) -> str | None:
    """The noun most of the theme says, if at least ``SUBJECT_SHARE`` of it says it."""
    judging = PRAISE | COMPLAINT | WAITING | {"complaint", "complain"}
    candidates = [(support.get(n, 0), n) for n, k in stance.nouns.items()
                  if k >= MIN_NOUN_SAYERS and n not in judging
                  and (n not in GENERIC_HEADS or n in SUBJECTS_ALSO)]
    said, noun = max(candidates, default=(0, ""))
    return noun if noun and said >= SUBJECT_SHARE * size else None


def stance_label(stance: Stance, support: Mapping[str, int], size: int,
                 display: Callable[[str], str] = str) -> str | None:
    """Name a theme by the stance most of its segments take, and what about.

    Args:
        stance: ``count_stance`` over the theme's segments.
        support: {term: number of the theme's segments saying it}.
        size: the theme's number of segments.
        display: shows a term in its proper case.

    Returns:
        "Praise for the crew", "General praise", "Complaints about drivers",
        "Nothing to add or change", "Phone waiting times", or None when no stance holds
        most of the theme.
    """
    if not size:
        return None
    subject = _subject(stance, support, size)
    shown = None
    if subject is not None:
        word = display(subject)
        shown = (f"{word}s" if not word.endswith("s") else f"{word}es"
                 ) if subject in stance.plural else f"the {word}"
    praise, complaint = stance.praise / size, stance.complaint / size
    if praise >= STANCE_SHARE and complaint <= OTHER_STANCE:
        return f"Praise for {shown}" if shown else "General praise"
    if complaint >= STANCE_SHARE and praise <= OTHER_STANCE:
        return f"Complaints about {shown}" if shown else "General complaints"
    waiting = stance.waiting / size
    if (stance.nothing / size >= STANCE_SHARE and complaint <= OTHER_STANCE
            and waiting <= OTHER_STANCE):  # "No, the wait was long" has something to say
        return NOTHING_TO_SAY
    if waiting >= WAIT_SHARE and subject is not None:
        word = display(subject)
        return f"{word[:1].upper()}{word[1:]} waiting times"
    return None
