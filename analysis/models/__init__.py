"""Analysis tables (themes, runs, embeddings, codebook), imported so Alembic sees every one."""
from analysis.models.themes import (
    AnalysisRun, CodebookEntry, RunStatus, SegmentEmbedding, SegmentQuestionMap, Theme,
    ThemeSegment)

__all__ = ["AnalysisRun", "RunStatus", "Theme", "ThemeSegment", "SegmentEmbedding",
           "SegmentQuestionMap", "CodebookEntry"]
