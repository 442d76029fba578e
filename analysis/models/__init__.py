"""Analysis tables (themes, runs, embeddings, codebook, documents), imported so Alembic sees every one."""
from analysis.models.documents import CodingDecision, Decision, DocumentSource, DocumentStatus
from analysis.models.themes import (
    BY_MODEL, BY_PERSON,
    AnalysisRun, CodebookEntry, RunStatus, SegmentEmbedding, SegmentQuestionMap, Theme,
    ThemeSegment, UngroupedSegment)

__all__ = ["BY_MODEL", "BY_PERSON", "AnalysisRun", "RunStatus", "Theme", "ThemeSegment",
           "SegmentEmbedding", "SegmentQuestionMap", "CodebookEntry", "UngroupedSegment",
           "DocumentSource", "DocumentStatus", "CodingDecision", "Decision"]
