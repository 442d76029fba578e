"""What a theme's segments say, counted once per remark, for ``keywords.make_label``."""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .phrases import PREPOSITIONS, head_part, when_first
from .said_forms import said_forms
from .stance import Stance, count_stance, run_heads
from .vocabulary import SegmentWords

__all__ = ["PASTED_WORDS", "LabelEvidence", "label_evidence"]

PASTED_WORDS = 5  # content words from which a remark said twice word for word is one remark


@dataclass(frozen=True)
class LabelEvidence:
    """What a theme's segments say (``label_evidence``), for ``make_label``."""

    support: Mapping[str, int] = field(default_factory=dict)
    size: int = 0
    hint_words: frozenset[str] = frozenset()
    stance: Stance | None = None
    forms: Mapping[str, str] = field(default_factory=dict)  # see ``said_forms``
    nouns: frozenset[str] = frozenset()  # words heading a noun phrase in the run (run_heads)


def _inner_phrases(words: Sequence[str]) -> set[str]:
    """Runs of two or more words inside a phrase, neither starting nor ending on a preposition."""
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)
            if words[i] not in PREPOSITIONS and words[j - 1] not in PREPOSITIONS}


def label_evidence(rows: Sequence[int], words: Sequence[SegmentWords],
                   hint_words: Collection[str] = (), texts: Sequence[str] = (),
                   heads: Collection[str] | None = None) -> LabelEvidence:
    """Count in how many of a theme's segments each term and phrase is said (a pasted remark once).

    Args:
        rows: the theme's row indices into ``words``.
        words: per-segment words of the run.
        hint_words: words of the theme's likely subject (see ``make_label``).
        texts: row-aligned texts of all segments (say "paramedics" or "the crew"); may be empty.
        heads: ``stance.run_heads(words)``, found once per run (None: found here).

    Returns:
        A ``LabelEvidence``.
    """
    support: Counter[str] = Counter()
    # A long remark twice word for word (a comment pasted into two rows) is one remark: its
    # one-off phrase ("Easy chair", "Cslll handler") is not said by two people. Short ones
    # ("Housing after prison.") may well be said alike by several.
    seen = [words[row] for row in rows]
    long = [w for w in dict.fromkeys(seen) if len(w.terms) >= PASTED_WORDS]
    remarks = long + [w for w in seen if len(w.terms) < PASTED_WORDS]
    for found in remarks:
        said = set(found.terms) | set(found.phrases)
        # Saying "bus fare to probation" says "bus fare", "bus" and "fare" too.
        said |= {" ".join(head_part(p.split())) for p in said}
        # ... and "release on friday" says "friday release" (``phrases.when_first``).
        said |= {" ".join(when_first(p.split())) for p in found.phrases}
        # ... and "housing on release week" says "housing on release" and "release week".
        said |= {part for p in said for part in _inner_phrases(p.split())}
        said |= {w for item in said for w in item.split()}
        support.update(said)
    heads = run_heads(words) if heads is None else heads
    stance = count_stance(remarks, heads, [texts[r] for r in rows] if texts else ())
    return LabelEvidence(dict(support), len(rows), frozenset(hint_words), stance,
                         said_forms(rows, words), frozenset(heads))
