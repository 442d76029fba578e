"""Theme-set rule: no two theme labels are more than 0.9 similar (as i.AI's ThemeFinder).

Two labels that mean the same to a reader ("Housing after prison", "Homeless hostels")
make an officer file a quote under the wrong one. Similarity is the cosine of the labels'
embeddings from the run's own embedder; a label whose words run inside another's ("Mental
health" beside "Mental health treatment", cosine 0.86) is too close as well: the shorter
one names either theme. When two such themes also share many segments
they are one theme and merge; otherwise the smaller one is named more specifically from
its own keywords and phrases.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .embed import Embedder, EmbeddingCache
from .guide import embed_free_texts
from .keywords import FALLBACK, extract_keywords, make_label, make_labels
from .label_evidence import LabelEvidence, label_evidence
from .schema import ThemeDraft
from .stance import run_heads
from .vocabulary import SegmentWords
from .words import WordAnalyser

__all__ = ["LABEL_MERGE_SHARED", "MAX_LABEL_SIMILARITY", "LabelPlan", "ThemeLabels",
           "distinct_labels", "label_similarity", "separate_labels"]

MAX_LABEL_SIMILARITY = 0.9
# Themes sharing over 70% of their segments are merged anyway (overlap.MAX_SHARED; a
# document's runs are kept apart instead); when their labels say the same thing too, half
# the smaller theme is overlap enough.
LABEL_MERGE_SHARED = 0.5


@dataclass(frozen=True, kw_only=True)
class ThemeLabels:
    """What ``separate_labels`` decides from: one entry per theme in each list, largest first.

    ``labels``: each theme's label; ``members``: the rows carrying it (as main or extra
    theme); ``keywords``: (term, weight) pairs, best first; ``phrases``: the noun phrases said
    in its segments; ``fixed``: True where the label is a codebook name and may not change
    (empty: none is); ``evidence``: what its segments say (``label_evidence``; empty: unknown).
    """

    labels: Sequence[str]
    members: Sequence[set[int]]
    keywords: Sequence[Sequence[tuple[str, float]]]
    phrases: Sequence[Sequence[str]]
    fixed: Sequence[bool] = field(default_factory=tuple)
    evidence: Sequence[LabelEvidence] = field(default_factory=tuple)


@dataclass
class LabelPlan:
    """Per theme, its label; and which themes join another (index -> kept index)."""

    labels: list[str]
    merge: dict[int, int]


def label_similarity(labels: Sequence[str], embedder: Embedder,
                     cache: EmbeddingCache | None) -> np.ndarray:
    """Cosine similarity of every pair of labels.

    Args:
        labels: theme labels.
        embedder: the run's embedder.
        cache: any ``EmbeddingCache`` or None.

    Returns:
        (n, n) similarities; the diagonal is set to -1 so a label never matches itself.
    """
    if not labels:
        return np.zeros((0, 0))
    vectors = np.asarray(embed_free_texts(list(labels), embedder, cache), dtype=float)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1.0, norms)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -1.0)
    return sims


def _words(label: str) -> list[str]:
    return re.findall(r"[\w']+", label.lower())


def sub_phrase(a: str, b: str) -> bool:
    """Whether one label's words run, in order, inside the other's ("Mental health" in
    "Mental health treatment"); never for "Mixed comments" labels, nor for labels told
    apart by a word or number in brackets ("General praise (reason)")."""
    x, y = (_words(re.sub(r"\s*\([^()]*\)$", "", label)) for label in (a, b))
    if a.startswith(FALLBACK) or b.startswith(FALLBACK) or not x or not y or x == y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _shared(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


def _more_specific(own: int, other: str, labels: list[str], themes: ThemeLabels, *,
                   display: Callable[[str], str], too_close: Callable[[str, int], bool]) -> str:
    """A label for theme ``own`` from its own words, unlike ``other`` (kept if none is),
    by the rules of ``make_label`` (with what its segments say, when ``themes`` has it);
    ``labels`` are the labels as they stand."""
    evidence = themes.evidence[own] if themes.evidence else LabelEvidence()
    taken = set(other.lower().split())
    # Its words the other label does not already use: what this theme says that it doesn't.
    mine = [(t, w) for t, w in themes.keywords[own] if not set(t.split()) & taken]
    candidates = [make_label(mine, [p for p in themes.phrases[own] if not set(p.split()) & taken],
                             display, evidence.support, evidence.size,
                             evidence.hint_words, evidence.stance)] if mine else []
    # Nothing to name it by: it stays mixed, told apart by its top word ("Mixed comments
    # (privacy)"), never named after that word as if it were the subject.
    candidates = [c for c in candidates if not c.startswith(FALLBACK)]
    if mine:
        base = re.sub(r" \(\d+\)$", "", labels[own])  # not "Mixed comments (2) (privacy)"
        candidates.append(f"{base} ({display(mine[0][0])})")
    for candidate in candidates:
        if candidate.lower() not in {x.lower() for x in labels} and not too_close(candidate, own):
            return candidate
    return candidates[-1] if candidates else labels[own]


def separate_labels(themes: ThemeLabels, embedder: Embedder, cache: EmbeddingCache | None, *,
                    display: Callable[[str], str] = str, merge_allowed: bool = True) -> LabelPlan:
    """Make sure no two theme labels are more than ``MAX_LABEL_SIMILARITY`` similar.

    The closest pair is settled first, then the next, until none is too close: if the
    two themes share at least ``LABEL_MERGE_SHARED`` of the smaller one's segments, the
    smaller joins the larger; otherwise the smaller (never a codebook name) gets a label
    from its own keywords that the other label does not use.

    Args:
        themes: per theme its label, rows, keywords, phrases, and whether the label is fixed.
        embedder: the run's embedder (labels are embedded like segments).
        cache: any ``EmbeddingCache`` or None.
        display: shows a term in its proper case.
        merge_allowed: False to rename only (a document's runs are never merged again).

    Returns:
        A ``LabelPlan``: new labels, and theme index -> the index it merges into.
    """
    labels = list(themes.labels)
    fixed = list(themes.fixed or [False] * len(labels))
    members = [set(m) for m in themes.members]
    merge: dict[int, int] = {}
    settled: set[tuple[int, int]] = set()

    def too_close(candidate: str, own: int) -> bool:
        alive = [i for i in range(len(labels)) if i != own and i not in merge]
        sims = label_similarity([candidate] + [labels[i] for i in alive], embedder, cache)
        return bool(alive) and (float(sims[0, 1:].max()) > MAX_LABEL_SIMILARITY
                                or any(sub_phrase(candidate, labels[i]) for i in alive))

    for _ in range(len(labels) * 2):
        alive = [i for i in range(len(labels)) if i not in merge]
        sims = label_similarity([labels[i] for i in alive], embedder, cache)
        pairs = sorted(((float(sims[x, y]), alive[x], alive[y]) for x in range(len(alive))
                        for y in range(x + 1, len(alive))
                        if (sims[x, y] > MAX_LABEL_SIMILARITY
                            or sub_phrase(labels[alive[x]], labels[alive[y]]))
                        and (alive[x], alive[y]) not in settled), reverse=True)
        if not pairs:
            break
        _, a, b = pairs[0]
        settled.add((a, b))
        big, small = a, b  # themes come largest first (by their own segments)
        if merge_allowed and _shared(members[a], members[b]) >= LABEL_MERGE_SHARED:
            if fixed[small] and not fixed[big]:
                labels[big], fixed[big] = labels[small], True
            merge[small] = big
            members[big] |= members[small]
        elif not (fixed[a] and fixed[b]):
            # The label inside the other names both: it is the one refused.
            inside = sub_phrase(labels[a], labels[b]) and len(_words(labels[a])) < len(
                _words(labels[b]))
            target = small if not fixed[small] and not (inside and not fixed[big]) else big
            other = big if target == small else small
            labels[target] = _more_specific(target, labels[other], labels, themes,
                                            display=display, too_close=too_close)
    return LabelPlan(labels, merge)


def distinct_labels(drafts: Sequence[ThemeDraft], words: Sequence[SegmentWords],
                    analyser: WordAnalyser, embedder: Embedder, cache: EmbeddingCache | None,
                    texts: Sequence[str] = (), *,
                    merge_allowed: bool = True) -> tuple[list[ThemeDraft], bool]:
    """Apply "no two labels more than 0.9 similar": merge or rename drafts, labels fixed.

    Args:
        drafts: ``pipeline.ThemeDraft`` records, largest first.
        words: row-aligned ``SegmentWords``.
        analyser: the run's ``WordAnalyser`` (shows terms in display case).
        embedder: the run's embedder (labels are compared by meaning).
        cache: any ``EmbeddingCache`` or None.
        texts: row-aligned segment texts (see ``label_evidence``); may be empty.
        merge_allowed: False to rename only (see ``separate_labels``).

    Returns:
        (drafts, merged): drafts largest first with ids 0.. and every label set; merged is
        True when themes were joined (their keywords are then None, to be counted again).
    """

    keywords, phrases, labels = draft_labels(drafts, words, analyser, texts)
    if not merge_allowed and texts:
        # A document's runs: one author's long passages rarely repeat a phrase.
        from .central import central_labels
        from .embed import InMemoryEmbeddingCache
        from .text_models import TextModels

        models = TextModels(embedder=embedder, cache=cache or InMemoryEmbeddingCache(),
                            words=analyser)
        labels = central_labels(labels, [d.rows for d in drafts], words, texts, models)
    heads = run_heads(words)
    themes = ThemeLabels(
        labels=labels, members=[set(d.rows) | set(d.also_rows) for d in drafts],
        keywords=keywords, phrases=phrases, fixed=[d.code is not None for d in drafts],
        evidence=[label_evidence(d.rows, words, d.hint_words, texts, heads) for d in drafts])
    plan = separate_labels(themes, embedder, cache, display=analyser.display,
                           merge_allowed=merge_allowed)
    for draft, label in zip(drafts, plan.labels, strict=True):
        draft.label = label
    for source in sorted(plan.merge):
        target = plan.merge[source]
        while target in plan.merge:
            target = plan.merge[target]
        kept, gone = drafts[target], drafts[source]
        kept.rows = sorted(set(kept.rows) | set(gone.rows))
        kept.also_rows = sorted((set(kept.also_rows) | set(gone.also_rows)) - set(kept.rows))
        kept.code, kept.is_new = kept.code or gone.code, kept.is_new and gone.is_new
        kept.keywords = None
    if not plan.merge:
        return list(drafts), False  # ids stay the model's topic ids
    out = sorted((d for i, d in enumerate(drafts) if i not in plan.merge),
                 key=lambda d: (-len(d.rows), d.rows[0]))
    for new_id, draft in enumerate(out):
        draft.id = new_id
    return out, True


def draft_labels(drafts: Sequence[ThemeDraft], words: Sequence[SegmentWords],
                 analyser: WordAnalyser, texts: Sequence[str] = (),
                 ) -> tuple[list[list[tuple[str, float]]], list[list[str]], list[str]]:
    """Keywords, noun phrases and labels of drafts, as the theme pages will show them.

    Args:
        drafts: ``pipeline.ThemeDraft`` records; rows index into ``words``.
        words: row-aligned ``SegmentWords`` of all segments of the run.
        analyser: shows terms in display case.
        texts: row-aligned segment texts (see ``label_evidence``); may be empty.

    Returns:
        (keywords, phrases, labels), one entry per draft.
    """
    grouped = {r for d in drafts for r in d.rows}
    rest = [r for r in range(len(words)) if r not in grouped]
    # "Not grouped" is a class for c-TF-IDF too, so its words do not look rare.
    counted = extract_keywords([d.rows for d in drafts] + [rest], words)[: len(drafts)]
    keywords = [d.keywords if d.keywords else k for d, k in zip(drafts, counted, strict=True)]
    phrases = [[p for r in d.rows for p in words[r].phrases] for d in drafts]
    heads = run_heads(words)  # once: every theme's stance needs the run's nouns
    # Hint words: those of the code a theme is clearly nearest (``guide.subject_hints``).
    labels = make_labels(keywords, phrases, analyser.display, fixed=[d.label for d in drafts],
                         evidence=[label_evidence(d.rows, words, d.hint_words, texts, heads)
                                   for d in drafts])
    return keywords, phrases, labels
