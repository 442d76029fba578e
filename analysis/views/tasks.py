"""Job handlers run by the worker."""
from flask import current_app

from forum.calls import on_worker_start, register_call
from forum.extensions import db
from forum.jobs import JobFailure, register_job_handler
from forum.models import Transcript, TranscriptStatus

REDACT_TRANSCRIPT = "transcript.redact"
SEGMENT_ANSWERS = "answers.segment"


def redact_transcript_job(job, progress) -> None:
    """Find personal data and safeguarding risks in an uploaded transcript."""
    from analysis.services.transcripts import redact_transcript

    transcript = db.session.get(Transcript, job.params.get("transcript_id"))
    if transcript is None:
        raise JobFailure("The transcript was deleted before it could be checked")
    try:
        redact_transcript(transcript, progress,
                          current_app.config.get("SPACY_MODEL", "en_core_web_sm"))
    except Exception:
        db.session.rollback()
        failed = db.session.get(Transcript, job.params.get("transcript_id"))
        if failed is not None:  # not deleted meanwhile
            failed.status = TranscriptStatus.FAILED
            db.session.commit()
        raise


def segment_answers_job(job, progress) -> None:
    """Redact free-text survey and CSV answers into segments."""
    from analysis.core.nlp import load_nlp
    from analysis.services.answers import build_answer_segments
    from surveys.services import free_text_answers

    consultation_id = job.params["consultation_id"]
    progress("Taking out personal data", 10)
    nlp = load_nlp(current_app.config.get("SPACY_MODEL", "en_core_web_sm"))
    build_answer_segments(consultation_id, free_text_answers(consultation_id), nlp)


AUDIT_ACTIONS = {
    "analysis_started": "Started a theme analysis", "theme_renamed": "Renamed a theme",
    "theme_checked": "Marked a theme checked", "quote_pinned": "Pinned a quote",
    "quote_unpinned": "Unpinned a quote", "segment_moved": "Moved a segment",
    "themes_merged": "Merged themes", "theme_split": "Split a theme",
    "theme_edit_undone": "Undid a theme change",
    "answer_checked": "Checked a survey answer's redaction",
    "answer_left_out": "Left a survey answer out of analysis",
    "question_confirmed": "Confirmed or corrected a segment's question",
    "agreement_sample_drawn": "Drew a blind coding sample",
    "agreement_sample_deleted": "Deleted a blind coding sample and its coding",
    "agreement_sample_practice": "Marked a blind coding sample as practice, or counted it",
}


def register_audit_kinds(app) -> None:
    """How the audit log page names themes, analysis runs and blind coding samples."""
    from analysis.models import AgreementSample, AnalysisRun, Theme
    from forum.services.audit_names import by_column, in_consultation, register_kind

    register_kind(app, "Theme", "theme", by_column(Theme.id, Theme.label))
    register_kind(app, "AnalysisRun", "analysis run", in_consultation(AnalysisRun), within=True)
    register_kind(app, "AgreementSample", "blind coding sample", in_consultation(AgreementSample),
                  within=True)


def transcript_abandoned(job) -> None:
    """The worker died mid-redaction: show the transcript as failed, with its retry button."""
    transcript = db.session.get(Transcript, job.params.get("transcript_id"))
    if transcript is not None and transcript.status == TranscriptStatus.REDACTING:
        transcript.status = TranscriptStatus.FAILED


def register() -> None:
    from analysis.services.embed_batches import (
        EMBED_BATCH,
        batch_abandoned,
        embed_batch_job,
        embed_segments_job,
    )
    from analysis.services.embeddings import EMBED_SEGMENTS
    from analysis.services.meaning import MEANING_SEARCH, answer_meaning_search, warm_up_embedder
    from analysis.services.theme_jobs import SPLIT_PREVIEW, split_preview_job
    from analysis.services.themes import RUN_ANALYSIS, run_abandoned, run_analysis_job

    register_job_handler(REDACT_TRANSCRIPT, redact_transcript_job,
                         on_abandoned=transcript_abandoned)
    register_job_handler(SEGMENT_ANSWERS, segment_answers_job)
    register_job_handler(EMBED_SEGMENTS, embed_segments_job)
    register_job_handler(EMBED_BATCH, embed_batch_job, on_abandoned=batch_abandoned)
    register_job_handler(RUN_ANALYSIS, run_analysis_job, on_abandoned=run_abandoned)
    from analysis.services.question_map import REMAP, remap_job

    register_job_handler(REMAP, remap_job)
    register_job_handler(SPLIT_PREVIEW, split_preview_job)
    register_call(MEANING_SEARCH, answer_meaning_search)
    on_worker_start(warm_up_embedder)
