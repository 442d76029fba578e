"""Question mapping core: passages in, each one's question with a confidence out.

No Flask, database or app imports. ``map_passages`` uses the question's text and key
phrases, the heading or facilitator's question a passage sits under, its neighbours, and
(once people confirm some) a classifier trained on examples. ``agreement`` measures a
person's blind coding against the app's.
"""
from .context import asking_turns, document_headings, heading_lines, preamble_rows
from .learn import example_weight, learned_logits
from .mapping import (
    CHECK_BELOW,
    LEARNED,
    MODEL,
    NONE,
    PERSON,
    Mapping,
    MappingOptions,
    map_passages,
)
from .scoring import Passage, ScoringWeights, key_phrases, zero_shot_logits
from .sequence import smooth_sequences, transition_matrix

__all__ = ["CHECK_BELOW", "LEARNED", "MODEL", "NONE", "PERSON", "Mapping", "MappingOptions",
           "Passage",
           "ScoringWeights", "asking_turns", "document_headings", "example_weight", "heading_lines",
           "key_phrases", "learned_logits", "map_passages", "preamble_rows",
           "smooth_sequences", "transition_matrix", "zero_shot_logits"]
