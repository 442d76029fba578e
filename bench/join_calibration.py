"""How sure a segment that joined a theme after the run (``transform``) can be shown to be.

Held-out experiment, per corpus: run ``run_analysis`` on the whole corpus once, then for
each fold fit on a 90% sample (its model saved and loaded, as the app keeps it), join the
other 10% with ``transform_segments`` (no floor, so low similarities are judged too) and
judge each joined segment "right" against
(a) the full run: the fold's theme is the full-run theme holding most of its segments (as
    ``theme_join.theme_of_topic`` maps a run's topics to today's themes), right when the
    held-out segment sits in that theme in the full run (not grouped there: wrong);
(b) people's labels, where a corpus has them: right when the segment's label is the label
    most of the fold's theme's segments carry.
The calibration (similarity -> probability) is then fitted with scikit-learn on (a), and
isotonic regression is compared with Platt scaling and with the raw similarity, each fitted
on two corpora and scored on the third (Brier score), so the choice is measured.

    HF_HUB_OFFLINE=1 PYTHONPATH=. python bench/check_calibration.py --joined-only
"""
from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass

import numpy as np

from analysis.core.themes import (
    TextModels,
    ThemeOptions,
    embed_segments,
    join_vectors,
    joined_in_context,
    load_topic_model,
    run_analysis,
    transform_segments,
)

FOLDS, SHARE = 5, 0.9


@dataclass
class Joined:
    """One held-out segment joined by the fold's model."""

    corpus: str
    similarity: float
    right_run: bool  # (a) the full run has it in the same theme
    right_people: bool | None  # (b) the theme's most common label is its own (None: no labels)
    run_grouped: bool  # the full run put it in some theme
    document: bool = False  # joined among its neighbours (``joined_in_context``)


def _majority(values: list) -> object:
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def join_folds(name: str, segments: list, truth: list[str] | None, embedder, cache,
               folds: int = FOLDS, blend: bool = True) -> list[Joined]:
    """Every held-out segment of ``folds`` 90/10 splits of one corpus, judged (a) and (b).

    Args:
        name: the corpus name (kept on each record).
        segments: its ``SegmentInput`` rows.
        truth: people's label per segment, row-aligned, or None.
        embedder: the embedder.
        cache: its cache.
        folds: how many random 90/10 splits.
        blend: join a document's passages among their neighbours (``join_vectors``, as the
            app does), or each by its own words.

    Returns:
        One ``Joined`` per held-out segment per fold.
    """
    models = TextModels(embedder=embedder, cache=cache)
    full = run_analysis(segments, models=models, options=ThemeOptions(seed=0))
    vectors = embed_segments(segments, embedder, cache)
    # A held-out passage's neighbours are known, as those of a new document's passages are.
    joining = join_vectors(segments, vectors) if blend else vectors
    in_context = joined_in_context(segments) if blend else np.zeros(len(segments), dtype=bool)
    label_of = {s.id: truth[i] for i, s in enumerate(segments)} if truth else {}
    out: list[Joined] = []
    for fold in range(folds):
        rng = np.random.default_rng(100 + fold)
        held = set(rng.choice(len(segments), len(segments) - int(SHARE * len(segments)),
                              replace=False).tolist())
        fit = [s for i, s in enumerate(segments) if i not in held]
        with tempfile.TemporaryDirectory() as folder:
            result = run_analysis(fit, models=models, options=ThemeOptions(seed=fold + 1),
                                  model_dir=folder)
            model = load_topic_model(folder, embedder, cache)
        rows = sorted(held)
        placed = transform_segments(model, [segments[r] for r in rows], joining[rows], -1.0)
        run_theme = {t.id: _majority([full.assignments[s] for s in t.segment_ids])
                     for t in result.themes}
        people = {t.id: _majority([label_of.get(s) for s in t.segment_ids])
                  for t in result.themes}
        for row, (topic, similarity) in zip(rows, placed, strict=True):
            if topic is None or topic not in run_theme:
                continue
            segment = segments[row]
            there = full.assignments[segment.id]
            out.append(Joined(
                name, similarity, there is not None and run_theme[topic] == there,
                people[topic] == label_of[segment.id] if truth else None, there is not None,
                bool(in_context[row])))
        print(f"  {name}: fold {fold + 1}/{folds} done", flush=True)
    return out


def brier_by_held_corpus(records: list[Joined]) -> dict[str, dict[str, float]]:
    """Isotonic regression against Platt scaling: each fitted on the other corpora and
    scored (Brier score, lower is better) on the one left out.

    Returns:
        {corpus left out: {"isotonic": score, "platt": score, "none": score of the raw
        similarity taken as a probability}}.
    """
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss

    out = {}
    for corpus in sorted({r.corpus for r in records}):
        train = [r for r in records if r.corpus != corpus]
        test = [r for r in records if r.corpus == corpus]
        x, y = np.array([r.similarity for r in train]), np.array([r.right_run for r in train])
        tx, ty = np.array([r.similarity for r in test]), np.array([r.right_run for r in test])
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x, y)
        platt = LogisticRegression().fit(x.reshape(-1, 1), y)
        out[corpus] = {"isotonic": brier_score_loss(ty, iso.predict(tx)),
                       "platt": brier_score_loss(ty, platt.predict_proba(tx.reshape(-1, 1))[:, 1]),
                       "none": brier_score_loss(ty, np.clip(tx, 0, 1))}
    return out


def fit_platt(records: list[Joined]) -> tuple[float, float, float]:
    """Platt scaling on every corpus's records (right against the full run), each held-out
    segment counted once, as ``analysis.core.themes.join_confidence`` keeps it: over the
    similarity, and whether the segment was joined among its neighbours.

    Returns:
        (slope, document term, intercept) of the logistic curve.
    """
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r.similarity, r.document] for r in records], dtype=float)
    fit = LogisticRegression().fit(x, np.array([r.right_run for r in records]))
    return float(fit.coef_[0, 0]), float(fit.coef_[0, 1]), float(fit.intercept_[0])


def print_floor(records: list[Joined], floor: float) -> None:
    """Print, per corpus, what the join's floor (``ThemeOptions.reassign_threshold``) does:
    how many held-out segments it leaves out, how often those would have been right, and
    how many the full run did not group that the join still places."""
    for corpus in sorted({r.corpus for r in records}):
        mine = [r for r in records if r.corpus == corpus]
        below = [r for r in mine if r.similarity < floor]
        above = [r for r in mine if r.similarity >= floor]
        loose = [r for r in mine if not r.run_grouped]
        forced = sum(r.similarity >= floor for r in loose)

        def right(rows: list[Joined]) -> str:
            return f"{np.mean([r.right_run for r in rows]):.1%}" if rows else "-"

        print(f"  {corpus}: below the floor {floor:.2f}: {len(below)} of {len(mine)} left "
              f"not grouped (right had they joined: {right(below)}); joined: {right(above)} "
              f"right; the full run left {len(loose)} not grouped, the join places {forced}")
