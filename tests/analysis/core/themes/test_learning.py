"""Teaching themes by example: people's decisions, then the classifier if sure, then clustering."""
from __future__ import annotations

import numpy as np

from analysis.core.themes.learning import (
    CLUSTERED,
    LEARNED,
    PERSON,
    Examples,
    LearningOptions,
    claim_clusters,
    combine,
    example_counts,
    learned_assignments,
)


def blobs(per: int = 12, seed: int = 0) -> tuple[np.ndarray, list[int]]:
    """Three well-separated groups of unit vectors; row i belongs to group truth[i]."""
    rng = np.random.default_rng(seed)
    centres = np.eye(3, 16)
    rows, truth = [], []
    for group in range(3):
        for _ in range(per):
            rows.append(centres[group] + rng.normal(0, 0.15, 16))
            truth.append(group)
    vectors = np.array(rows)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), truth


def test_no_theme_with_enough_examples_learns_nothing():
    vectors, truth = blobs()
    two_each = Examples(positive={0: "a", 1: "a", 12: "b", 13: "b"})
    assert learned_assignments(vectors, two_each, [None] * len(truth)) == {}


def test_a_taught_theme_takes_the_segments_like_its_examples_and_no_others():
    vectors, truth = blobs()
    # The clustering lumped groups 0 and 1 together; the officer taught group 0 as "a".
    clustered = ["x" if t < 2 else "y" for t in truth]
    examples = Examples(positive={0: "a", 1: "a", 2: "a"})
    learned = learned_assignments(vectors, examples, clustered)
    assert learned, "the classifier placed nothing"
    assert {row for row in learned} <= {r for r, t in enumerate(truth) if t == 0}
    assert all(key == "a" and p >= LearningOptions().confident for key, p in learned.values())
    assert len(learned) >= 6  # most of group 0 beyond the three examples


def test_the_something_else_class_lets_the_classifier_decline():
    vectors, truth = blobs()
    clustered = [{0: "a", 1: "b", 2: "c"}[t] for t in truth]
    examples = Examples(positive={0: "a", 1: "a", 2: "a"})
    learned = learned_assignments(vectors, examples, clustered)
    assert not any(truth[row] != 0 for row in learned)
    # With no "something else" at all, the one taught theme has nothing to be told from.
    alone = learned_assignments(vectors, examples, [None] * len(truth),
                                LearningOptions(else_weight=0))
    assert alone == {}


def test_a_theme_a_person_took_a_segment_out_of_is_never_given_back():
    vectors, truth = blobs()
    examples = Examples(positive={0: "a", 1: "a", 2: "a", 12: "b", 13: "b", 14: "b"},
                        negative={3: frozenset({"a"})})
    learned = learned_assignments(vectors, examples, ["a"] * 12 + ["b"] * 12 + [None] * 12)
    assert learned.get(3, (None,))[0] != "a"
    final = combine(examples, {}, ["a"] * 36)
    assert final[3] == (None, PERSON)  # the clustering's "a" is refused too
    assert final[4] == ("a", CLUSTERED)


def test_person_then_classifier_then_clustering():
    examples = Examples(positive={0: "a", 1: None})
    final = combine(examples, {2: ("b", 0.9)}, ["c", "c", "c", "c"])
    assert final == [("a", PERSON), (None, PERSON), ("b", LEARNED), ("c", CLUSTERED)]
    assert example_counts(examples) == {"a": 1}


def test_a_taught_theme_claims_the_cluster_holding_most_of_its_examples():
    examples = Examples(positive={0: "a", 1: "a", 2: "a", 5: "b", 6: "b", 7: "b"})
    clustered = [1, 1, 2, 3, 3, 4, 4, 4]
    assert claim_clusters(examples, clustered) == {1: "a", 4: "b"}
    # An already paired theme (its key is one of the clusters) claims nothing more.
    assert claim_clusters(examples, ["a", "a", 2, 3, 3, 4, 4, 4]) == {4: "b"}


def test_the_same_examples_give_the_same_answer():
    vectors, truth = blobs()
    examples = Examples(positive={0: "a", 1: "a", 2: "a", 12: "b", 13: "b", 14: "b"})
    clustered = [str(t) for t in truth]
    assert (learned_assignments(vectors, examples, clustered)
            == learned_assignments(vectors, examples, clustered))
