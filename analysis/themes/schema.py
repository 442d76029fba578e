"""Fixed input and output shapes of the theme pipeline (plain dataclasses, no ORM).

The services layer builds ``SegmentInput`` rows from the database and saves the
``AnalysisResult``; every stage in between reads and writes only these shapes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "AnalysisResult",
    "AnalysisSettings",
    "Code",
    "Codebook",
    "CoOccurrence",
    "GroupCount",
    "QuestionInput",
    "QuestionLink",
    "SegmentInput",
    "Theme",
    "ThemeOptions",
]


@dataclass(frozen=True)
class SegmentInput:
    """One quotable, already-redacted piece of text.

    ``source_key`` names where it came from ("transcript:3", "survey:1", "document:7");
    ``group`` holds demographic answers (may be empty); ``question_id`` is a link set by
    a person and always wins over the automatic mapping.
    """

    id: int
    text: str
    text_hash: str
    member_id: int | None = None
    source_key: str = ""
    group: dict[str, str] = field(default_factory=dict)
    question_id: int | None = None


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


@dataclass
class Theme:
    """One theme of a run; ``id`` is stable within the run (0 = largest)."""

    id: int
    label: str
    code: str | None
    is_new: bool
    keywords: list[str]
    segment_ids: list[int]
    representative_ids: list[int]
    segment_count: int
    member_count: int
    member_total: int
    source_count: int
    source_total: int
    breakdown: dict[str, list[GroupCount]] = field(default_factory=dict)
    co_occurrence: list[CoOccurrence] = field(default_factory=list)
    dominated_by_one_member: bool = False
    top_member_share: float = 0.0


@dataclass(frozen=True)
class AnalysisSettings:
    """The settings a run actually used, stored with it so a result can be explained."""

    n_segments: int
    method: str
    n_clusters: int
    n_neighbors: int
    n_components: int
    min_theme_size: int
    code_threshold: float
    code_margin: float
    merge_threshold: float
    reassign_threshold: float
    isolation_threshold: float
    max_not_grouped: float
    seed: int
    embedder: str
    words: str


@dataclass
class AnalysisResult:
    """Themes (largest first), segments not grouped, question links and settings."""

    themes: list[Theme]
    not_grouped: list[int]
    assignments: dict[int, int | None]
    questions: dict[int, QuestionLink]
    settings: AnalysisSettings


@dataclass(frozen=True)
class ThemeOptions:
    """Thresholds of a run. Defaults are set for all-MiniLM-L6-v2 cosine similarities.

    ``code_threshold``/``code_margin``: a segment joins a code directly when it is at
    least this close to one of the code's anchors and this far ahead of the next code.
    ``merge_threshold``: a free cluster joins a code when their centres are this close.
    ``reassign_threshold``: a segment belongs to a theme only this close to its centre;
    others go to the nearest theme that is close enough, else to "Not grouped", which
    is capped at ``max_not_grouped`` of all segments. ``isolation_threshold``: a segment
    whose three nearest neighbours are on average less similar than this is left out of
    clustering (small talk, one-off remarks).
    """

    code_threshold: float = 0.55
    code_margin: float = 0.04
    merge_threshold: float = 0.6
    reassign_threshold: float = 0.3
    isolation_threshold: float = 0.25
    max_not_grouped: float = 0.15
    question_min_similarity: float = 0.2
    n_clusters: int | None = None
    min_code_size: int = 2
    quotes: int = 5
