"""Analysis tables (themes, runs, embeddings, codebook, documents), imported so Alembic sees every one."""
from analysis.models.documents import CodingDecision, Decision, DocumentSource, DocumentStatus
from analysis.models.themes import (
    AnalysisRun, CodebookEntry, RunStatus, SegmentEmbedding, SegmentQuestionMap, Theme,
    ThemeSegment)

__all__ = ["AnalysisRun", "RunStatus", "Theme", "ThemeSegment", "SegmentEmbedding",
           "SegmentQuestionMap", "CodebookEntry", "DocumentSource", "DocumentStatus",
           "CodingDecision", "Decision"]
