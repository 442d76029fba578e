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
    from analysis.core.themes.rules import _apart, _merge_overlapping

    # Theme 1's five segments all count theme 0 second (a summary close to everything);
    # one of theme 0's segments counts theme 2 second, which shares little.
    topics = np.array([0] * 6 + [1] * 5 + [2] * 5)
    also = [[2]] + [[] for _ in range(5)] + [[0] for _ in range(5)] + [[] for _ in range(5)]
    assert _merge_overlapping(topics, also) == {1: 0}
    apart = _apart(topics, also)
    assert apart[6:11] == [[]] * 5  # no longer each other's second theme
    assert apart[0] == [2]  # a link that shares little stays
    assert _merge_overlapping(topics, apart) == {}
