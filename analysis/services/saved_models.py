"""A run's saved BERTopic model goes when words it was fitted on leave analysis.

The model kept for joining new segments (``theme_join``) holds what the run read: its topics'
words and labels, the c-TF-IDF vocabulary, representative texts. Words redacted after
approval, a member's consent withdrawn or their erasure take the words out of segments,
themes and stored names (``segment_resets``, ``theme_words``); the model on disk, and every
backup of the data folder, would keep them. Deleting it is the one safe fix (its vocabulary
cannot be scrubbed without changing what it computes): new segments then wait in "Not
grouped" and the themes page says why, until the analysis runs again.
"""
from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import ngettext
from sqlalchemy import select

from analysis.models import AnalysisRun, RunStatus
from analysis.services.theme_words import Patterns
from forum.extensions import db
from forum.models import Member, Segment

__all__ = ["MODEL_FORGOTTEN", "forget_folder", "forget_models_holding", "forget_models_saying",
           "model_folder", "models_root", "on_consent_changed", "saved_run_ids"]

# Kept as the run's message and shown under it on the themes page.
MODEL_FORGOTTEN = ("Segments added since this analysis ran wait in \u2018Not grouped\u2019. "
                   "Words it read have been taken out of analysis since (redacted, or a "
                   "member's consent withdrawn), so what it kept to place new segments was "
                   "deleted. Run the analysis again to group them.")


def models_root() -> Path:
    """Returns: the folder under the data folder that holds each run's saved model."""
    return Path(current_app.config["DATA_DIR"]) / "theme-models"


def model_folder(run_id: int) -> Path:
    """Where a run's fitted BERTopic model is kept (safetensors), so new segments can join
    its themes with ``transform`` without clustering again (``theme_join``).

    Args:
        run_id: the analysis run.

    Returns:
        A folder path under the data folder (made by the save).
    """
    return models_root() / f"run-{run_id}"


def saved_run_ids() -> set[int]:
    """Returns: the ids of the runs whose saved model folders are on disk."""
    root = models_root()
    return {int(p.name[4:]) for p in root.iterdir() if p.name.startswith("run-")
            and p.name[4:].isdigit()} if root.is_dir() else set()


def forget_folder(folder: Path) -> None:
    """Delete a saved model's folder; renamed first, so no half-deleted model is ever loaded.

    Args:
        folder: a run's model folder (``theme_join.model_folder``); missing is fine.
    """
    gone = folder.with_name(f".forgotten-{folder.name}-{uuid.uuid4().hex}")
    try:
        folder.rename(gone)
    except FileNotFoundError:
        return
    shutil.rmtree(gone, ignore_errors=True)


def forget_models_holding(segment_ids: Collection[int]) -> list[str]:
    """Delete the saved model of every run fitted on any of these segments. Not committed.

    A folder whose run is gone, or kept no result (it failed after saving), is deleted too:
    what it was fitted on cannot be known.

    Args:
        segment_ids: segments whose words leave analysis (deleted, changed, or their member
            no longer takes part).

    Returns:
        A plain-English line when a model was deleted, for the person who made the change.
    """
    ids = {int(i) for i in segment_ids}
    if not ids:
        return []
    return _forget(lambda run: run is None or not run.result or bool(
        ids & {int(k) for k in run.result.get("assignments", {})}))


def forget_models_saying(consultation_id: int, patterns: Patterns) -> list[str]:
    """Delete the consultation's saved models whose files hold any of the words. Not committed.

    A model's topic labels and zero-shot texts come from theme names and the codebook too,
    so it may say words redacted after approval whichever segments changed.

    Args:
        consultation_id: the consultation.
        patterns: ``theme_words.word_patterns`` of the redactions just made.

    Returns:
        A plain-English line when a model was deleted.
    """
    if not patterns:
        return []

    def says(run: AnalysisRun | None) -> bool:
        if run is None or run.consultation_id != consultation_id:
            return False
        for path in model_folder(run.id).glob("*.json"):
            try:  # read back, so words with accents match (JSON writes them as \u escapes)
                text = json.dumps(json.loads(path.read_text("utf-8")), ensure_ascii=False)
            except (OSError, ValueError):
                return True  # unreadable: what it holds cannot be checked
            if any(pattern.search(text) for pattern, _label in patterns):
                return True
        return False

    return _forget(says)


def _forget(doomed: Callable[[AnalysisRun | None], bool]) -> list[str]:
    """Delete each saved model whose run (None: gone) ``doomed`` picks; say how many."""
    kept = saved_run_ids()
    runs = {run.id: run for run in db.session.scalars(
        select(AnalysisRun).where(AnalysisRun.id.in_(kept)))} if kept else {}
    forgotten = 0
    for run_id in sorted(kept):
        run = runs.get(run_id)
        if not doomed(run):
            continue
        forget_folder(model_folder(run_id))
        if run is not None and run.status == RunStatus.DONE:
            run.message = MODEL_FORGOTTEN
            forgotten += 1
    return [ngettext(
        "%(num)d analysis had read the words: its saved model, which places new segments in "
        "its themes, was deleted. Run the analysis again to group new segments.",
        "%(num)d analyses had read the words: their saved models, which place new segments in "
        "their themes, were deleted. Run the analysis again to group new segments.",
        forgotten)] if forgotten else []


def on_consent_changed(member: Member, erased: bool = False, **_: Any) -> None:
    """Receiver of ``consent_changed``: a member who no longer takes part, or is being erased
    (sent before their segments are deleted), takes the models fitted on their words."""
    if erased or not member.takes_part:
        forget_models_holding(list(db.session.scalars(
            select(Segment.id).where(Segment.member_id == member.id))))
