"""Tags as a noun phrase needs them: the tagger's, with the words it misreads there set right."""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .clause_verbs import verbs_read_as_nouns
from .phrasal_nouns import phrasal_nouns
from .phrases import WHEN_AFTER, WHEN_WORDS

__all__ = ["tagged_tokens"]

# Before a past participle, what makes it describe the noun after it ("the missed
# appointments", "into supported housing", "their earned progression"), not a verb
# ("have earned money", "people released from prison").
DESCRIBED_AFTER = ("DET", "ADP", "PUNCT", "CCONJ")


def _describes(tokens: Any, i: int) -> bool:
    """Whether token ``i`` is a past participle used as an adjective before a noun."""
    word, after = tokens[i], tokens[i + 1]
    if word.tag_ != "VBN" or after.pos_ != "NOUN":
        return False
    before = tokens[i - 1] if i else None
    return before is None or before.pos_ in DESCRIBED_AFTER or before.tag_ == "PRP$"


def _done_on_a_day(tokens: Any, i: int, nouns: Collection[str]) -> bool:
    """Whether token ``i`` is a verb naming an event by its noun's lemma, said to happen on a
    day or at a time of day ("released on a Friday", "arrested at night"): the day names a
    kind of that event ("Friday releases"), so the verb is read as its noun."""
    word = tokens[i]
    if word.pos_ != "VERB" or word.lemma_.lower() not in nouns:
        return False
    rest = [t.lower_ for t in tokens[i + 1:i + 4]]
    if not rest or rest[0] not in WHEN_AFTER:
        return False
    after = rest[2:] if rest[1:2] in (["a"], ["the"]) else rest[1:]
    when = after[0] if after else ""
    return when in WHEN_WORDS or (when.endswith("s") and when[:-1] in WHEN_WORDS)


def tagged_tokens(doc: Any, verbs: Collection[str] = (), text: str = "",
                  nouns: Collection[str] = ()) -> list[tuple[str, str, str]]:
    """(lower-case word, lemma, coarse tag) per token, an -ing word read as a noun where it
    joins two nouns as a kind of thing ("alcohol monitoring tags", "drug testing kits"): the
    tagger calls it a verb, which cut the phrase short. After a plural noun it says what
    someone does ("people leaving prison"), so it stays a verb there. A noun that is the
    only verb of its clause (``clause_verbs``; ``verbs``: lemmas known as verbs) is a verb,
    and one hyphened to its particle in ``text`` (as written) a noun (``phrasal_nouns``). A
    past participle describing the noun after it is an adjective, so it stays in the phrase
    ("earned progression", "missed appointments" were cut to their last word). A verb done
    on a day is read as its noun (``_done_on_a_day``; ``nouns``: lemmas known as nouns)."""
    tokens = [t for t in doc if not t.is_space]
    out = [(t.lower_, t.lemma_.lower(), t.pos_) for t in tokens]
    for k in verbs_read_as_nouns(tokens, verbs):
        out[k] = (tokens[k].lower_, tokens[k].lemma_.lower(), "VERB")
    joined = phrasal_nouns(tokens, text) if text else set()
    for k in joined:
        noun = f"{tokens[k].lower_}-{tokens[k + 1].lower_}"
        out[k] = (noun, noun, "NOUN")
    for i in range(1, len(tokens) - 1):
        before, word, after = tokens[i - 1], tokens[i], tokens[i + 1]
        if (word.tag_ == "VBG" and before.tag_ == "NN" and after.pos_ == "NOUN"
                and before.lower_ == before.lemma_.lower()):
            out[i] = (word.lower_, word.lower_, "NOUN")
    for i, word in enumerate(tokens[:-1]):
        if i not in joined and _done_on_a_day(tokens, i, nouns):
            out[i] = (word.lower_, word.lemma_.lower(), "NOUN")
        if i not in joined and _describes(tokens, i):
            out[i] = (word.lower_, word.lower_, "ADJ")
    return [o for k, o in enumerate(out) if k - 1 not in joined]
