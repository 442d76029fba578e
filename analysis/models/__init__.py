"""Analysis tables (themes, runs, embeddings, codebook, documents), imported for Alembic."""
from analysis.models.agreement import AgreementCode, AgreementItem, AgreementSample
from analysis.models.documents import CodingDecision, Decision, DocumentSource, DocumentStatus
from analysis.models.history import MEMO_MAX, MemoHeldLabel, SegmentMemo, ThemeEdit
from analysis.models.themes import (
    BY_JOINED,
    BY_LEARNED,
    BY_MODEL,
    BY_PERSON,
    BY_SUGGESTION,
    AnalysisRun,
    CodebookEntry,
    RunStatus,
    SegmentEmbedding,
    SegmentQuestionMap,
    Theme,
    ThemeAlso,
    ThemeSegment,
    UngroupedSegment,
)

__all__ = ["BY_JOINED", "BY_LEARNED", "BY_MODEL", "BY_PERSON", "BY_SUGGESTION",
           "AnalysisRun", "RunStatus", "Theme", "ThemeAlso", "ThemeSegment",
           "SegmentEmbedding", "SegmentQuestionMap", "CodebookEntry", "UngroupedSegment",
           "DocumentSource", "DocumentStatus", "CodingDecision", "Decision", "MEMO_MAX",
           "MemoHeldLabel", "SegmentMemo", "ThemeEdit", "AgreementSample", "AgreementItem",
           "AgreementCode"]
