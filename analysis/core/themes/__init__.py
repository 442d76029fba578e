"""Theme analysis core: segments in, themes out. No Flask, database or app imports.

Stages (each a verb_noun function with fixed dataclass shapes, each swappable):
``embed_segments`` (cached) -> ``analyse_words`` -> ``fit_topics`` (BERTopic: codebook as
zero-shot topics, our clusterer) -> ``settle_topics`` (theme-set rules, reduce_outliers)
-> ``describe_themes`` -> ``map_questions``; ``run_analysis`` runs
them all. ``recluster_theme``/``merge_themes``/``move_segments`` serve people editing
themes, and ``code_documents`` builds the deductive coding matrix. torch, spaCy,
sentence-transformers, UMAP and HDBSCAN load lazily, once per process.
"""
from .cluster import (
    Clusterer,
    ClusterSettings,
    SpectralWardClusterer,
    choose_settings,
    cluster_vectors,
)
from .coding import CodingCell, CodingMatch, CodingMatrix, code_documents
from .describe import (
    breakdown_groups,
    co_occurrence,
    dominance,
    member_groups,
    pick_representatives,
)
from .edit import match_previous_themes, merge_themes, move_segments, recluster_theme
from .embed import (
    Embedder,
    EmbeddingCache,
    FileEmbeddingCache,
    InMemoryEmbeddingCache,
    MiniLMEmbedder,
    embed_segments,
    embed_texts,
    minilm_path,
)
from .engine import (
    TopicFit,
    context_vectors,
    fit_topics,
    join_vectors,
    joined_in_context,
    load_topic_model,
    transform_segments,
)
from .guide import CodeVectors, embed_codebook, load_codebook
from .keywords import acceptable_label, extract_keywords, make_label
from .pipeline import describe_themes, run_analysis
from .questions import map_questions
from .rules import Settled, settle_topics
from .schema import (
    AnalysisResult,
    AnalysisSettings,
    Code,
    Codebook,
    CoOccurrence,
    FoundTheme,
    GroupCount,
    QuestionInput,
    QuestionLink,
    SegmentInput,
    ThemeDraft,
    ThemeOptions,
)
from .text_models import TextModels
from .words import (
    SegmentWords,
    SimpleWordAnalyser,
    SpacyWordAnalyser,
    WordAnalyser,
    analyse_words,
    default_word_analyser,
    load_justice_terms,
)

__all__ = [
    # shapes
    "AnalysisResult", "AnalysisSettings", "Code", "Codebook", "CoOccurrence", "GroupCount",
    "QuestionInput", "QuestionLink", "SegmentInput", "FoundTheme", "ThemeOptions",
    "ClusterSettings", "CodeVectors", "CodingCell", "CodingMatch", "CodingMatrix", "Settled",
    "TopicFit",
    "SegmentWords", "ThemeDraft",
    # swappable parts
    "Clusterer", "Embedder", "EmbeddingCache", "WordAnalyser", "TextModels", "FileEmbeddingCache",
    "InMemoryEmbeddingCache", "MiniLMEmbedder", "SimpleWordAnalyser", "SpacyWordAnalyser",
    "SpectralWardClusterer", "default_word_analyser", "minilm_path",
    # stages
    "embed_segments", "embed_texts", "analyse_words", "load_codebook", "load_justice_terms",
    "embed_codebook", "choose_settings", "cluster_vectors", "context_vectors", "fit_topics",
    "settle_topics", "load_topic_model", "transform_segments", "join_vectors",
    "joined_in_context", "acceptable_label",
    "extract_keywords", "make_label", "pick_representatives", "member_groups",
    "breakdown_groups", "co_occurrence", "dominance", "describe_themes", "map_questions",
    "run_analysis", "recluster_theme", "merge_themes", "move_segments", "match_previous_themes",
    "code_documents",
]
