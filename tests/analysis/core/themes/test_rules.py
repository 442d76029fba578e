"""Theme-set rules: a code guides, a second cluster on the same code joins it."""

import numpy as np


def test_a_second_cluster_that_fits_a_used_code_joins_the_codes_theme():
    import numpy as np

    from analysis.core.themes.rules import Settled, join_code_twins

    # Rows 0-2: the housing theme (code 0); rows 3-5: more housing in other words; 6-8: other.
    topics = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2])
    code_sims = np.array([[0.7, 0.1]] * 3 + [[0.6, 0.2], [0.55, 0.1], [0.2, 0.1]]
                         + [[0.1, 0.2]] * 3)
    vectors = np.eye(9)
    settled = Settled(topics, {0: 0}, [[] for _ in range(9)])
    joined = join_code_twins(settled, code_sims, 0.5, vectors, 0.9)
    assert list(joined.topics) == [0, 0, 0, 0, 0, 0, 1, 1, 1]
    assert joined.code_of_topic == {0: 0}
    # A cluster that does not mostly fit the code stays on its own.
    apart = Settled(np.array([0, 0, 0, 1, 1, 1, 2, 2, 2]), {0: 0}, [[] for _ in range(9)])
    sims = code_sims.copy()
    sims[3:6, 0] = 0.2
    assert list(join_code_twins(apart, sims, 0.5, vectors, 0.9).topics) == [0, 0, 0, 1, 1, 1, 2, 2,
                                                                            2]


def test_themes_sharing_most_segments_merge_unless_kept_apart():
    from analysis.core.themes.overlap import kept_apart as _apart
    from analysis.core.themes.overlap import merges_for_overlap as _merge_overlapping

    # Theme 1's five segments all count theme 0 second (a summary close to everything);
    # one of theme 0's segments counts theme 2 second, which shares little.
    topics = np.array([0] * 6 + [1] * 5 + [2] * 5)
    also = [[2]] + [[] for _ in range(5)] + [[0] for _ in range(5)] + [[] for _ in range(5)]
    assert _merge_overlapping(topics, also) == {1: 0}
    apart = _apart(topics, also)
    assert apart[6:11] == [[]] * 5  # no longer each other's second theme
    assert apart[0] == [2]  # a link that shares little stays
    assert _merge_overlapping(topics, apart) == {}


def test_keeping_themes_apart_leaves_no_pair_sharing_too_much():
    from analysis.core.themes.overlap import kept_apart as _apart
    from analysis.core.themes.overlap import overlapping as _overlapping

    # Dropping theme 2's links to theme 1 leaves theme 1 almost all theme 0's (a new pair).
    topics = np.array([0] * 20 + [1] * 5 + [2] * 12)
    also = [[] for _ in range(20)] + [[0] for _ in range(5)] + [[1] for _ in range(10)] + [[], []]
    assert _overlapping(topics, _apart(topics, also)) == []
    # A third theme's passages close to both themes of a pair.
    topics = np.array([0] * 100 + [1] * 10 + [2] * 10)
    also = ([[1, 2]] * 24 + [[] for _ in range(76)] + [[2]] * 3 + [[] for _ in range(7)]
            + [[1]] * 3 + [[] for _ in range(7)])
    assert _overlapping(topics, _apart(topics, also)) == []
    rng = np.random.default_rng(0)
    for _ in range(200):  # any topics and second themes
        topics = rng.integers(0, 4, size=30)
        also = [[int(t) for t in rng.choice(4, size=rng.integers(0, 3), replace=False)
                 if t != own] for own in topics]
        assert _overlapping(topics, _apart(topics, also)) == []
