"""Blind coding: a random sample a person codes without seeing the app's coding, then agreement.

The app's coding of a segment is what the response would use now: its themes
(``ThemeSegment``) and its question (a person's link, else the mapping). Figures come from
``analysis.core.questions.agreement`` (scikit-learn).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from analysis.models import AgreementCode, AgreementItem, AgreementSample, Theme, ThemeSegment
from forum.extensions import db
from forum.models import Question, Segment, User
from forum.services import audit
from forum.services.segments import usable_segments

if TYPE_CHECKING:
    from analysis.core.questions.agreement import Agreement

MIN_SAMPLE = 30

__all__ = ["MIN_SAMPLE", "SampleResult", "app_coding", "draw_sample", "live_items",
           "mark_practice", "next_item", "progress", "sample_result", "save_code"]


class SampleTooSmall(ValueError):
    """Fewer usable segments than a sample needs."""


def draw_sample(consultation_id: int, user: User, size: int = MIN_SAMPLE,
                practice: bool = False) -> AgreementSample:
    """Draw a random sample of the consultation's usable segments for blind coding.

    Args:
        consultation_id: the consultation.
        user: who asked.
        size: segments wanted (at least ``MIN_SAMPLE``).
        practice: a practice sample, never reported in the response.

    Returns:
        The committed sample.

    Raises:
        SampleTooSmall: when the consultation has fewer usable segments than ``size``.
    """
    size = max(size, MIN_SAMPLE)
    ids = sorted(s.id for s in usable_segments(consultation_id))
    if len(ids) < size:
        raise SampleTooSmall(f"A blind sample needs {size} usable segments; this "
                             f"consultation has {len(ids)}. Approve more transcripts or answers "
                             "first.")
    seed = random.SystemRandom().randrange(2**31)
    chosen = random.Random(seed).sample(ids, size)
    sample = AgreementSample(consultation_id=consultation_id, seed=seed, created_by_id=user.id,
                             practice=practice)
    sample.items = [AgreementItem(segment_id=s, position=i) for i, s in enumerate(chosen)]
    db.session.add(sample)
    db.session.flush()  # the audit event names the sample by its id, which the flush assigns
    audit.record("agreement_sample_drawn", user, sample, commit=False, size=size,
                 practice=practice)
    db.session.commit()
    return sample


def delete_sample(sample: AgreementSample, user: User) -> None:
    """Delete a sample and everyone's coding of it, so the response never reports it.

    A sample coded in a hurry would otherwise give the methods paragraph its figures
    (``agreement_report.agreement_sentence`` reports the latest non-practice sample coded in full).

    Args:
        sample: the sample.
        user: who deleted it (audited).
    """
    audit.record("agreement_sample_deleted", user, sample, commit=False,
                 coded=db.session.scalar(select(func.count(AgreementCode.id)).where(
                     AgreementCode.sample_id == sample.id)))
    db.session.execute(delete(AgreementCode).where(AgreementCode.sample_id == sample.id))
    db.session.delete(sample)
    db.session.commit()


def codes_of(sample: AgreementSample, coder_id: int) -> dict[int, AgreementCode]:
    """Args: a sample, a coder. Returns: {segment id: their code}."""
    return {c.segment_id: c for c in db.session.scalars(select(AgreementCode).where(
        AgreementCode.sample_id == sample.id, AgreementCode.coder_id == coder_id))}


def live_items(sample: AgreementSample) -> list[AgreementItem]:
    """The sample's items analysis may still read (``usable_segments``), in order.

    A member who withdrew after the draw (or words held since) leave the sample at once: a
    coding page asked for their words and the result listed them among the disagreements.
    """
    ids = [i.segment_id for i in sample.items]
    usable = {s.id for s in usable_segments(sample.consultation_id, ids)} if ids else set()
    return [i for i in sample.items if i.segment_id in usable]


def progress(sample: AgreementSample, coder_id: int) -> tuple[int, int]:
    """Args: a sample, a coder. Returns: (live items they coded, live items)."""
    done, live = codes_of(sample, coder_id), live_items(sample)
    return sum(1 for i in live if i.segment_id in done), len(live)


def next_item(sample: AgreementSample, coder_id: int) -> AgreementItem | None:
    """Args: a sample, a coder. Returns: the first live item they have not coded, or None."""
    done = codes_of(sample, coder_id)
    return next((i for i in live_items(sample) if i.segment_id not in done), None)


def save_code(sample: AgreementSample, segment_id: int, coder: User,
              question_id: int | None, theme_ids: list[int]) -> None:
    """Keep one coder's choice for one segment of a sample (a second save replaces it)."""
    code = codes_of(sample, coder.id).get(segment_id)
    if code is None:
        themes, question = app_coding(sample.consultation_id, [segment_id])[segment_id]
        code = AgreementCode(sample_id=sample.id, segment_id=segment_id, coder_id=coder.id,
                             app_theme_ids=sorted(themes), app_question_id=question)
        db.session.add(code)
    code.question_id, code.theme_ids = question_id, sorted(set(theme_ids))
    db.session.commit()


def app_coding(consultation_id: int,
               segment_ids: list[int]) -> dict[int, tuple[set[int], int | None]]:
    """Args: consultation_id, segment ids. Returns: {segment id: (theme ids, question id)}."""
    from analysis.services.question_map import question_of

    themes: dict[int, set[int]] = {s: set() for s in segment_ids}
    for link in db.session.scalars(
            select(ThemeSegment).where(ThemeSegment.segment_id.in_(segment_ids))):
        themes[link.segment_id].add(link.theme_id)
    questions = question_of(consultation_id)
    return {s: (themes[s], questions[s].question_id if s in questions else None)
            for s in segment_ids}


@dataclass
class Disagreement:
    """A segment where the person and the app chose differently."""

    segment: Segment
    person_themes: list[str]
    app_themes: list[str]
    person_question: str
    app_question: str
    person_question_id: int | None
    themes_differ: bool
    question_differs: bool


@dataclass
class SampleResult:
    """A coder's agreement with the app, their disagreements, and kappas with other coders."""

    coded: int
    themes: Agreement | None = None
    questions: Agreement | None = None
    theme_names: dict[int, str] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    pairs: list[tuple[str, int, float | None, float | None]] = field(default_factory=list)


def _names(consultation_id: int) -> tuple[dict[int, str], dict[int, str]]:
    # As the themes page names them: a codebook suggestion says "Suggested:" (``shown_label``).
    themes = {t.id: t.shown_label for t in db.session.scalars(
        select(Theme).where(Theme.consultation_id == consultation_id))}
    questions = {q.id: q.label for q in db.session.scalars(
        select(Question).where(Question.consultation_id == consultation_id))}
    return themes, questions


def sample_result(sample: AgreementSample, coder_id: int) -> SampleResult:
    """Compare a coder's blind coding with the app's, and with anyone else who coded it.

    Args:
        sample: the sample.
        coder_id: whose coding to compare.

    Returns:
        A ``SampleResult`` (figures are None until something is coded).
    """
    from analysis.core.questions.agreement import choice_agreement, label_agreement, pair_kappa

    mine = codes_of(sample, coder_id)
    ids = [i.segment_id for i in live_items(sample) if i.segment_id in mine]
    result = SampleResult(coded=len(ids))
    theme_names, question_names = _names(sample.consultation_id)
    result.theme_names = theme_names
    if ids:
        app = app_coding(sample.consultation_id, ids)
        person_sets = [set(mine[s].theme_ids) for s in ids]
        # The figures compare with the app's coding as the coder met it; the disagreements
        # below with today's, so a fixed one leaves the list but never lifts the figures.
        measured = {s: app[s] for s in ids}
        for s in ids:
            kept = mine[s].app_theme_ids
            if kept is not None:
                measured[s] = (set(kept), mine[s].app_question_id)
        result.themes = label_agreement(person_sets, [measured[s][0] for s in ids],
                                        sorted(theme_names), seed=sample.seed)
        result.questions = choice_agreement([mine[s].question_id for s in ids],
                                            [measured[s][1] for s in ids], seed=sample.seed)
        segments = {s.id: s for s in db.session.scalars(select(Segment).where(Segment.id.in_(ids)))}
        for s in ids:
            themes_differ = person_sets[ids.index(s)] != app[s][0]
            question_differs = mine[s].question_id != app[s][1]
            if themes_differ or question_differs:
                result.disagreements.append(Disagreement(
                    segments[s],
                    sorted(theme_names.get(t, "a theme since removed") for t in mine[s].theme_ids),
                    sorted(theme_names.get(t, "?") for t in app[s][0]),
                    _name(question_names, mine[s].question_id), _name(question_names, app[s][1]),
                    mine[s].question_id,
                    themes_differ, question_differs))
    others = {c.coder_id for c in db.session.scalars(select(AgreementCode).where(
        AgreementCode.sample_id == sample.id, AgreementCode.coder_id != coder_id))}
    for other_id in sorted(others):
        theirs = codes_of(sample, other_id)
        both = [s for s in ids if s in theirs]
        if not both:
            continue
        labels = sorted(theme_names)
        flat_a = [int(t in mine[s].theme_ids) for s in both for t in labels]
        flat_b = [int(t in theirs[s].theme_ids) for s in both for t in labels]
        other = db.session.get(User, other_id)
        name = other.name if other is not None else "another coder"
        result.pairs.append((name, len(both), pair_kappa(flat_a, flat_b),
                             pair_kappa([mine[s].question_id for s in both],
                                        [theirs[s].question_id for s in both])))
    return result


def mark_practice(sample: AgreementSample, practice: bool, user: User) -> None:
    """Mark a sample as practice (never reported) or as one to count (audited)."""
    sample.practice = practice
    audit.record("agreement_sample_practice", user, sample, commit=False, practice=practice)
    db.session.commit()


def _name(names: dict[int, str], question_id: int | None) -> str:
    return "None" if question_id is None else names.get(question_id, "None")
