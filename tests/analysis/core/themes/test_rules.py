"""Theme-set rules: a code guides, a second cluster on the same code joins it."""


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
