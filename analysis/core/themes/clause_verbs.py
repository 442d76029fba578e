"""A clause with no verb has its verb among its nouns: the tagger read it as one.

en_core_web_sm reads "so that the prison, probation or hospital and the council share
responsibility until ..." as the nouns "council share responsibility" (a sixth held-out
response's answer on the duty to refer was labelled so): after a coordinated subject the
verb has its bare form, which is also a noun. A clause that a subordinating word opens
("that", "if", "because") has a finite verb, so where its words hold none, the first word
of a noun run that the dictionary knows as a verb, follows a singular noun and is followed by
a noun or a determiner (its object) is that verb. A sentence's first clause is left alone:
spoken remarks are often fragments ("The prison release date, again.").
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

__all__ = ["verbs_read_as_nouns"]

# Words that end a clause opened before them (a new clause, or the sentence, begins).
CLAUSE_ENDS = frozenset(["until", "unless", "because", "although", "though", "whereas",
                         "while", "who", "which", "whose", "whom"])
ENDING_PUNCTUATION = frozenset([".", ";", ":", "?", "!"])
VERB_TAGS = ("VERB", "AUX")
OBJECT_TAGS = ("NOUN", "PROPN", "DET", "PRON", "ADJ", "NUM")


def _ends(token: Any) -> bool:
    return (token.pos_ == "SCONJ" or token.lower_ in CLAUSE_ENDS
            or token.text in ENDING_PUNCTUATION)


def verbs_read_as_nouns(tokens: Sequence[Any], verbs: Collection[str]) -> set[int]:
    """Places of nouns that are the verb of a clause with no other (see the module).

    Args:
        tokens: spaCy tokens of one text (``tag_``, ``pos_``, ``lower_``, ``lemma_``).
        verbs: lemmas the dictionary knows as verbs.

    Returns:
        The indices into ``tokens`` to read as verbs.
    """
    out: set[int] = set()
    i = 0
    while i < len(tokens):
        if tokens[i].pos_ != "SCONJ":
            i += 1
            continue
        end = i + 1
        while end < len(tokens) and not _ends(tokens[end]):
            end += 1
        span = range(i + 1, end)
        if not any(tokens[k].pos_ in VERB_TAGS for k in span):
            for k in span:
                word, before = tokens[k], tokens[k - 1]
                after = tokens[k + 1] if k + 1 < end else None
                if (word.tag_ == "NN" and before.tag_ == "NN" and after is not None
                        and after.pos_ in OBJECT_TAGS and word.lemma_.lower() in verbs):
                    out.add(k)
                    break
        i = end
    return out
