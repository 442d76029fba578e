"""Fixed input and output shapes of the theme pipeline (plain dataclasses, no ORM).

The services layer builds ``SegmentInput`` rows from the database and saves the
``AnalysisResult``; every stage in between reads and writes only these shapes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "AnalysisResult",
    "AnalysisSettings",
    "Code",
    "Codebook",
    "CoOccurrence",
    "GroupCount",
    "Guides",
    "QuestionInput",
    "QuestionLink",
    "ThemeDraft",
    "SegmentInput",
    "FoundTheme",
    "ThemeOptions",
    "sort_segments",
]


@dataclass(frozen=True)
class SegmentInput:
    """One quotable, already-redacted piece of text.

    ``source_key`` names where it came from ("transcript:3", "survey:1", "document:7");
    ``group`` holds demographic answers (may be empty); ``question_id`` is a link set by
    a person and always wins over the automatic mapping, as does ``no_question``, a
    person's word that it answers none of the questions.
    """

    id: int
    text: str
    text_hash: str
    member_id: int | None = None
    source_key: str = ""
    group: dict[str, str] = field(default_factory=dict)
    question_id: int | None = None
    no_question: bool = False

    @property
    def kind(self) -> str:
        """The kind of source: "document", "transcript", "survey", "csv_import", ..."""
        return self.source_key.split(":")[0]


@dataclass(frozen=True)
class QuestionInput:
    """A consultation question in the consultation's own numbering ("Q18")."""

    id: int
    text: str
    number: str = ""


@dataclass(frozen=True)
class Code:
    """A codebook entry: name, description, example phrases and search terms.

    Search terms are plain words or phrases (matched on lemmas, so "breach" finds
    "breached"), ``word*`` prefixes, or ``re:`` regular expressions.
    """

    name: str
    description: str = ""
    examples: tuple[str, ...] = ()
    search_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """An ordered set of codes; empty means "discover themes freely"."""

    codes: tuple[Code, ...] = ()

    def names(self) -> list[str]:
        """Returns: the code names in order."""
        return [c.name for c in self.codes]


@dataclass(frozen=True)
class QuestionLink:
    """Which question a segment answers; ``source`` is "person", "model" or "none"."""

    segment_id: int
    question_id: int | None
    confidence: float
    source: str


@dataclass(frozen=True)
class GroupCount:
    """Distinct members in one demographic group, or suppressed when under the minimum.

    ``members`` is None when suppressed; ``shown`` is what a page or export may print
    ("12" or "fewer than 5").
    """

    key: str
    value: str
    members: int | None
    total: int | None
    suppressed: bool
    shown: str


@dataclass(frozen=True)
class CoOccurrence:
    """Another theme sharing members or sources with this one."""

    theme_id: int
    shared_members: int
    shared_sources: int


@dataclass(kw_only=True)
class FoundTheme:
    """One theme of a run; ``id`` is stable within the run (0 = largest)."""

    id: int
    label: str
    code: str | None = None
    is_new: bool = False
    keywords: list[str] = field(default_factory=list)
    segment_ids: list[int] = field(default_factory=list)
    representative_ids: list[int] = field(default_factory=list)
    segment_count: int = 0
    member_count: int = 0
    member_total: int = 0
    source_count: int = 0
    source_total: int = 0
    breakdown: dict[str, list[GroupCount]] = field(default_factory=dict)
    co_occurrence: list[CoOccurrence] = field(default_factory=list)
    dominated_by_one_member: bool = False
    top_member_share: float = 0.0
    # Segments whose own theme is another but which are nearly as close to this one
    # (a segment carries up to 3 themes).
    also_ids: list[int] = field(default_factory=list)
    # The parent group from BERTopic's topic hierarchy (None: the theme stands alone).
    broader: str | None = None
    # The label is the name of the code the theme sits nearest although no code fits it:
    # a suggestion until a person confirms it, never shown as if the code were confirmed.
    label_suggested: bool = False
    # Resamples of the clustering (``stability``) this theme was found again in, out of
    # ``AnalysisSettings.resamples``; None: not measured (too many segments to recluster).
    found_again: int | None = None


@dataclass(frozen=True, kw_only=True)
class AnalysisSettings:
    """The settings a run actually used, stored with it so a result can be explained.

    Every field is named at the call and defaults to "not used" (0 or ""), so a partial
    run (a split) says only what applied to it.
    """

    n_segments: int = 0
    method: str = "none"
    n_clusters: int = 0
    n_neighbors: int = 0
    n_components: int = 0
    min_theme_size: int = 0
    code_threshold: float = 0.0
    code_margin: float = 0.0
    merge_threshold: float = 0.0
    reassign_threshold: float = 0.0
    isolation_threshold: float = 0.0
    max_not_grouped: float = 0.0
    seed: int = 0
    embedder: str = ""
    words: str = ""
    resamples: int = 0  # subsamples reclustered for each theme's stability (0: not measured)


@dataclass
class AnalysisResult:
    """Themes (largest first), segments not grouped, question links and settings."""

    themes: list[FoundTheme]
    not_grouped: list[int]
    assignments: dict[int, int | None]
    questions: dict[int, QuestionLink]
    settings: AnalysisSettings


@dataclass(frozen=True)
class ThemeOptions:
    """Thresholds of a run. Defaults are set for all-MiniLM-L6-v2 cosine similarities.

    ``code_threshold``: a segment joins a code directly (BERTopic's zero-shot) when it is
    at least this close to the code's name, description and examples. ``code_fit``: a
    discovered theme is named after a code when most of its segments are at least this
    close to that code (and closest to it). ``code_margin`` is kept for stored settings.
    ``merge_threshold``: a free cluster joins a code when their centres are this close.
    ``reassign_threshold``: a segment belongs to a theme only this close to its centre;
    others go to the nearest theme that is close enough, else to "Not grouped", which
    is capped at ``max_not_grouped`` of all segments. ``isolation_threshold``: a segment
    whose three nearest neighbours are on average less similar than this is left out of
    clustering (small talk, one-off remarks). ``seed`` fixes every random step (same input
    and seed, same themes).
    """

    code_threshold: float = 0.5
    code_fit: float = 0.45
    code_margin: float = 0.04
    merge_threshold: float = 0.6
    reassign_threshold: float = 0.3
    isolation_threshold: float = 0.25
    max_not_grouped: float = 0.15
    question_min_similarity: float = 0.2
    n_clusters: int | None = None
    min_code_size: int = 2
    quotes: int = 5
    seed: int = 0


@dataclass
class ThemeDraft:
    """A theme before description: its rows, code, and a label to keep (None: make one)."""

    id: int
    rows: list[int]
    code: str | None
    is_new: bool
    label: str | None = None
    # (term, weight) from BERTopic's representation; None: c-TF-IDF over the rows.
    keywords: list[tuple[str, float]] | None = None
    also_rows: list[int] = field(default_factory=list)  # rows carrying it as an extra theme
    broader: str | None = None  # its parent group in the topic hierarchy
    # Words of the code the theme is clearly nearest (``guide.subject_hints``): they guide its
    # label.
    hint_words: frozenset[str] = frozenset()
    suggested: str | None = None  # that code's name, offered as the label


@dataclass(frozen=True)
class Guides:
    """What guides a run's themes: the codebook, per row the question a document's passage
    answers where its document follows the questions (``answer_guide``: a place in
    ``questions``), and the questions' texts in their order; per row, each question's
    probability as the mapping saw it (``map_questions``; None: sure of the answers)."""

    codebook: Codebook
    answers: Sequence[int | None]
    questions: Sequence[str] = ()
    # An array compares row by row, not as one value: left out of ==.
    probabilities: np.ndarray | None = field(default=None, compare=False)


def sort_segments(segments: Sequence[SegmentInput]) -> list[SegmentInput]:
    """Order segments by id so the same set always gives the same themes.

    Args:
        segments: in any order.

    Returns:
        A new list sorted by id.

    Raises:
        ValueError: when two segments share an id.
    """
    ordered = sorted(segments, key=lambda s: s.id)
    if len({s.id for s in ordered}) != len(ordered):
        raise ValueError("segment ids must be unique")
    return ordered
