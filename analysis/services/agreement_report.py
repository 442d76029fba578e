"""What the response states of blind coding: the sample it reports, or why it reports none.

A figure rests on at least ``MIN_SAMPLE`` usable coded segments (``live_items``, the one
``usable_segments`` rule): a sample coded in full and then shrunk by withdrawals below that
states nothing, and the methods paragraph and the agreement page say a new sample is needed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from analysis.models import AgreementCode, AgreementSample
from analysis.services.agreement import (
    MIN_SAMPLE,
    SampleResult,
    codes_of,
    live_items,
    sample_result,
)
from forum.extensions import db

if TYPE_CHECKING:
    from analysis.core.questions.agreement import Agreement

__all__ = ["agreement_sentence", "agreement_shortfall", "reported_sample", "too_few_left",
           "too_few_sentence"]


def _latest_coded(consultation_id: int) -> tuple[AgreementSample, int, int] | None:
    # The latest non-practice sample one person coded in full (of its ``live_items``), whose
    # coding, and how many usable coded segments it has left.
    samples = db.session.scalars(select(AgreementSample).where(
        AgreementSample.consultation_id == consultation_id,
        AgreementSample.practice.is_(False)).order_by(AgreementSample.id.desc()))
    for sample in samples:
        coders = db.session.scalars(select(AgreementCode.coder_id).where(
            AgreementCode.sample_id == sample.id).distinct()).all()
        live = live_items(sample)
        for coder_id in coders:
            done = codes_of(sample, coder_id)
            if all(i.segment_id in done for i in live):
                return sample, coder_id, len(live)
    return None


def reported_sample(consultation_id: int) -> tuple[AgreementSample, int] | None:
    """The sample the methods paragraph reports, and whose coding of it.

    The latest sample not marked as practice that one person coded in full, of its segments
    still usable (``live_items``), when at least ``MIN_SAMPLE`` of them are left: a sample
    shrunk by withdrawals below that states nothing (``too_few_left`` says so).

    Returns:
        (sample, coder id), or None when no such sample is coded.
    """
    latest = _latest_coded(consultation_id)
    return latest[:2] if latest and latest[2] >= MIN_SAMPLE else None


def too_few_left(consultation_id: int) -> tuple[AgreementSample, int] | None:
    """The latest sample coded in full when fewer than ``MIN_SAMPLE`` usable segments are left.

    Members who withdrew (or words held since) leave a sample at once (``live_items``).

    Returns:
        (sample, usable coded segments left), or None when it has enough or none is coded.
    """
    latest = _latest_coded(consultation_id)
    return (latest[0], latest[2]) if latest and latest[2] < MIN_SAMPLE else None


def too_few_sentence(left: int) -> str:
    """Args: usable coded segments left. Returns: why no agreement is stated, plainly."""
    return (f"To check the analysis, an analyst coded a random sample of segments without seeing "
            f"the software's choices, but after members withdrew only {left} of its coded "
            f"segments remain, fewer than the {MIN_SAMPLE} an agreement figure needs, so none "
            "is stated here: a new sample is needed.")


def agreement_sentence(consultation_id: int) -> str:
    """The measured agreement for the methods paragraph, or "" when none is measured.

    Uses ``reported_sample`` (the latest non-practice sample one person coded in full).
    """
    reported = reported_sample(consultation_id)
    return _sentence(sample_result(*reported)) if reported else ""


def agreement_shortfall(consultation_id: int) -> str:
    """Why the methods paragraph states no agreement, or "" (``too_few_left``)."""
    short = too_few_left(consultation_id)
    return too_few_sentence(short[1]) if short else ""


def _figure(agreement: Agreement) -> str:
    kappa = "not defined" if agreement.kappa is None else f"{agreement.kappa:.2f}"
    return (f"F1 {agreement.f1:.2f} (95% interval {agreement.low:.2f} to {agreement.high:.2f}), "
            f"Cohen's kappa {kappa}")


def _sentence(result: SampleResult) -> str:
    if result.themes is None or result.questions is None:  # nothing coded yet
        return ""
    return (f"To check the analysis, an analyst coded a random sample of {result.coded} segments "
            f"without seeing the themes and questions the software had given them. Agreement "
            f"with the software was, for themes, {_figure(result.themes)}; for questions, "
            f"{_figure(result.questions)}.")
