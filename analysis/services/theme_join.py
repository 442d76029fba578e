"""New segments join the latest run's themes through its saved BERTopic model.

After a run, more answers come in (a survey answer redacted, a new transcript approved).
Re-clustering everything would move themes people have already checked and quoted, so
the new segments are placed with the saved model's ``transform`` instead: each joins
the theme whose centre it is nearest (the model's topic vectors are its themes' segment
centroids), or stays "Not grouped" when no theme is close enough. Joined links are
marked ``BY_JOINED`` and keep how sure the join is (``join_confidence``: the calibrated
similarity), so the theme page says so and asks for a check when unsure; a full re-run
replaces them like any model placement, and stays available from the themes page.
The saved model is deleted when words it was fitted on leave analysis (``saved_models``):
new segments then wait in "Not grouped" until the analysis runs again.
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from analysis.core.themes import (
    ThemeOptions,
    embed_segments,
    join_vectors,
    joined_in_context,
    load_topic_model,
    transform_segments,
)
from analysis.core.themes.join_confidence import join_confidence
from analysis.models import BY_JOINED, AnalysisRun, RunStatus, Theme, ThemeSegment, UngroupedSegment
from analysis.services.embeddings import DbEmbeddingCache, current_embedder
from analysis.services.inputs import segment_inputs
from analysis.services.saved_models import model_folder
from analysis.services.theme_store import refresh_stats
from forum.extensions import db
from forum.services.segments import usable_segments

__all__ = ["join_new_segments", "joinable_run", "model_folder", "theme_of_topic"]


def joinable_run(consultation_id: int) -> AnalysisRun | None:
    """The newest finished run whose fitted model was kept, if any.

    Args:
        consultation_id: the consultation.

    Returns:
        The ``AnalysisRun``, or None when no run has a saved model.
    """
    run = db.session.scalar(select(AnalysisRun).where(
        AnalysisRun.consultation_id == consultation_id, AnalysisRun.status == RunStatus.DONE)
        .order_by(AnalysisRun.id.desc()).limit(1))
    if run is None or not run.result or not model_folder(run.id).is_dir():
        return None
    return run


def theme_of_topic(run: AnalysisRun) -> dict[int, int]:
    """Map the run's model topics to the themes that hold their segments now.

    People may have renamed, merged or split themes since the run: a topic belongs to
    the theme holding most of the segments the run put in it.

    Args:
        run: a finished run (its ``result`` lists each theme's segment ids).

    Returns:
        Model topic id -> ``Theme`` id, for topics whose segments still sit in a theme.
    """
    found = {t["id"]: t["segment_ids"] for t in (run.result or {}).get("themes", [])}
    wanted = {s for ids in found.values() for s in ids}
    holder = dict(db.session.execute(
        select(ThemeSegment.segment_id, ThemeSegment.theme_id)
        .join(Theme, Theme.id == ThemeSegment.theme_id)
        .where(Theme.consultation_id == run.consultation_id,
               ThemeSegment.segment_id.in_(wanted))).all()) if wanted else {}
    out = {}
    for topic, ids in found.items():
        votes = Counter(holder[s] for s in ids if s in holder)
        if votes:
            out[int(topic)] = min(votes, key=lambda theme: (-votes[theme], theme))
    return out


def join_new_segments(consultation_id: int) -> int:
    """Place the consultation's segments that arrived after its last run in its themes.

    Only segments the run never saw, and that nobody has placed or moved to "Not
    grouped", are considered. Nothing is committed here.

    Args:
        consultation_id: the consultation.

    Returns:
        How many segments joined a theme.
    """
    busy = db.session.scalar(select(AnalysisRun.id).where(
        AnalysisRun.consultation_id == consultation_id,
        AnalysisRun.status.in_((RunStatus.QUEUED, RunStatus.RUNNING))).limit(1))
    run = joinable_run(consultation_id)
    if run is None or busy is not None:
        return 0  # a run under way places every segment itself
    seen = {int(k) for k in (run.result or {}).get("assignments", {})}
    placed = set(db.session.scalars(select(ThemeSegment.segment_id).join(Theme).where(
        Theme.consultation_id == consultation_id)))
    placed |= set(db.session.scalars(select(UngroupedSegment.segment_id).where(
        UngroupedSegment.consultation_id == consultation_id)))
    rows = [s for s in usable_segments(consultation_id) if s.id not in seen | placed]
    themes = theme_of_topic(run)
    if not rows or not themes:
        return 0
    segments = sorted(segment_inputs(rows), key=lambda s: s.id)
    embedder = current_embedder()
    cache = DbEmbeddingCache(segments=frozenset(s.text_hash for s in segments))
    vectors = embed_segments(segments, embedder, cache)
    model = load_topic_model(model_folder(run.id), embedder, cache)
    floor = (run.settings or {}).get("reassign_threshold", ThemeOptions().reassign_threshold)
    # A remark by what it says itself, as the run places its outliers: a "Can we have a
    # break?" next to talk about housing does not become housing. (A document's passage
    # would join among its neighbours, but usable_segments leaves documents out.)
    found = transform_segments(model, segments, join_vectors(segments, vectors), floor)
    sure = join_confidence([similarity for _, similarity in found], joined_in_context(segments))
    joined = 0
    for segment, (topic, _), confidence in zip(segments, found, sure, strict=True):
        if topic is not None and topic in themes:
            db.session.add(ThemeSegment(theme_id=themes[topic], segment_id=segment.id,
                                        placed_by=BY_JOINED, confidence=float(confidence)))
            joined += 1
    if joined:
        db.session.flush()
        refresh_stats(consultation_id)
    return joined
