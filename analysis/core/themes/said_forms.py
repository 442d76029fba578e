"""Labels in the words people used: a phrase is found by its lemmas, shown as it was said.

Phrases are matched on lemmas so "women offenders" and "woman offender" count as one, but
a label people would write says "Women offenders", not the lemma "Woman offender".
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from .phrases import PREPOSITIONS, WHEN_WORDS, trimmed_phrase, when_first, when_order
from .vocabulary import SegmentWords

__all__ = ["COMMENTS_ON", "as_said", "said_forms"]

COMMENTS_ON = "Comments on "
VERB_ENDINGS = ("ed", "ing")
# Words (as lemmas) that only say "the people who took part or are served": after a word
# describing them they add nothing a reader needs ("Women members" is about women).
PEOPLE_HEADS = frozenset(["member", "participant", "respondent", "user", "service user",
                          "person", "people"])
IRREGULAR_PLURALS = frozenset(["women", "men", "children", "people"])
# Roles people hold (as lemmas): a theme is about such workers, not one of them, though each
# member says "my probation officer" ("Probation officer" named a demo theme on them).
ROLES = frozenset(["officer", "worker", "practitioner", "mentor", "adviser", "advisor",
                   "nurse", "doctor", "manager", "magistrate", "judge", "sentencer",
                   "landlord", "commissioner", "advocate", "volunteer", "caseworker",
                   "keyworker", "paramedic", "warden"])


def said_forms(rows: Sequence[int], words: Sequence[SegmentWords]) -> dict[str, str]:
    """How a theme's segments most often say each of its phrases.

    Args:
        rows: the theme's row indices into ``words``.
        words: per-segment words of the run.

    Returns:
        {phrase as ``trimmed_phrase`` gives it: the form most said, trimmed alike}, such as
        "woman offender": "women offenders".
    """
    counts: dict[str, Counter[str]] = {}
    for row in rows:
        for phrase, form in zip(words[row].phrases, words[row].forms, strict=False):
            lemmas, said = _when_first(phrase.split(), form.split())
            trimmed = trimmed_phrase(" ".join(lemmas))
            dropped = len(lemmas) - len(trimmed.split())
            said = said[dropped:]
            if len(said) == len(trimmed.split()):  # a term shown in other words stays
                counts.setdefault(trimmed, Counter())[" ".join(said)] += 1
    return {phrase: found.most_common(1)[0][0] for phrase, found in counts.items()}


def _when_first(lemmas: list[str], said: list[str]) -> tuple[list[str], list[str]]:
    """A phrase's lemmas and said words with words saying when in front, as ``trimmed_phrase``
    puts them ("released on fridays" -> "friday releases"): the day in the singular, as it
    names a kind, and a thing said as a verb ("released") in the plural, the kind's events."""
    order = when_order(lemmas)
    if order is None or len(said) != len(lemmas):
        return lemmas, said
    out = []
    for k in order:
        word = said[k]
        if word not in WHEN_WORDS and word[:-1] in WHEN_WORDS:
            word = word[:-1]
        elif word.endswith(VERB_ENDINGS) and not lemmas[k].endswith(VERB_ENDINGS):
            word = lemmas[k] + ("es" if lemmas[k].endswith(("s", "sh", "ch", "x")) else "s")
        out.append(word)
    return when_first(lemmas), out


def as_said(label: str, forms: Mapping[str, str]) -> str:
    """A label made of a phrase's lemmas, in the words its segments use for it.

    "Woman offender" becomes "Women offenders" and "Young adult" "Young adults" when that is
    how they were said; a word shown in its own case ("IOM") keeps it.

    Args:
        label: a label from ``make_label`` ("Comments on X" too).
        forms: ``said_forms`` of the theme.

    Returns:
        The label, or the same label when its phrase was not said (a stance, a code name).
    """
    prefix = COMMENTS_ON if label.startswith(COMMENTS_ON) else ""
    core = label[len(prefix):]
    form = forms.get(core.lower())
    if not form:
        return label
    words = [_as_said_word(shown, lemma, said)
             for shown, lemma, said in zip(core.split(), core.lower().split(), form.split(),
                                           strict=True)]
    group = _described_people(core.lower().split(), form.split())
    if group:
        words = [group]
    elif (len(words) > 1 and core.lower().split()[-1] in ROLES
          and words[-1] == core.split()[-1] and not set(core.lower().split()) & PREPOSITIONS):
        words[-1] += "s"  # "Probation officers"; not "Advice from a workers"
    # A word said joined to the next by a hyphen carries it ("pre- sentence").
    out = re.sub(r"(?<=-) ", "", " ".join(words))
    return prefix + (out if prefix else out[:1].upper() + out[1:])


def _described_people(lemmas: Sequence[str], said: Sequence[str]) -> str | None:
    """The word that describes people taking part ("women" of "women members"), or None.

    English modifiers are singular ("staff member", "family member" say which one); a word
    in front said in the plural tells who the people are, as "women" in "women members"
    or "women participants", and that is the subject.
    """
    first, rest = lemmas[0], " ".join(lemmas[1:])
    # Said otherwise than its lemma and ending as a plural does: "older" or "better" are
    # other forms of "old" and "good", not groups of people.
    plural = (said[0] != first and not said[0].endswith(VERB_ENDINGS)
              and "-" not in said[0] and (said[0].endswith("s") or said[0] in IRREGULAR_PLURALS))
    return said[0] if rest in PEOPLE_HEADS and plural else None


def _as_said_word(shown: str, lemma: str, said: str) -> str:
    """One word of a label: as said, keeping the case it is shown in ("GP" said "gps": "GPs")."""
    # "recalled" or "breaching" for "recall", "breach": a verb's form, and a label names a
    # thing ("Recalled for reasons" was a third response's label).
    if said == lemma or (said.endswith(VERB_ENDINGS) and not lemma.endswith(VERB_ENDINGS)):
        return shown
    if shown != lemma and said.startswith(lemma):
        return shown + said[len(lemma):]
    return said
