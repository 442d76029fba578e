"""Broader themes from BERTopic's topic hierarchy (issue #11: parent and child themes)."""
from __future__ import annotations

from analysis.core.themes import TextModels, run_analysis
from analysis.core.themes.hierarchy import group_topics


def test_the_closest_merges_make_about_sqrt_n_groups():
    # Topics 0+3 and 1+2 merge first, then those two; the root holds all six.
    merges = [(0.1, [0, 3]), (0.2, [1, 2]), (0.5, [0, 1, 2, 3]), (0.7, [4, 5]),
              (0.9, [0, 1, 2, 3, 4, 5])]
    # Six themes make two groups (sqrt 6 is about 2): merges are taken closest first.
    assert group_topics(merges, 6) == [[0, 1, 2, 3], [4, 5]]
    # Nine make three; given in any order, the closest merges still go first.
    nine = [(0.3, [6, 7, 8]), (0.1, [0, 1]), (0.2, [2, 3]), (0.25, [4, 5]), (0.15, [6, 7]),
            (0.4, [0, 1, 2, 3]), (0.9, list(range(9)))]
    assert group_topics(nine, 9) == [[0, 1, 2, 3], [4, 5], [6, 7, 8]]


def test_the_root_never_makes_one_group_of_everything():
    merges = [(0.1, [0, 1]), (0.2, [0, 1, 2, 3])]
    assert group_topics(merges, 4) == [[0, 1]]


def test_too_few_themes_have_no_broader_themes():
    assert group_topics([(0.1, [0, 1]), (0.2, [0, 1, 2])], 3) == []


def test_a_run_gives_broader_themes_only_to_groups_of_two_or_more(segments, questions, codebook,
                                                           embedder, cache, words):
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    broader = {}
    for theme in result.themes:
        if theme.broader:
            broader.setdefault(theme.broader, []).append(theme.label)
    # The fixture's topics are far apart: a group is named only where a heading holds for
    # every theme in it, and never like one of them (``group_name``).
    assert all(len(children) >= 2 for children in broader.values())
    assert len(broader) < len(result.themes)
    assert not set(broader) & {t.label for t in result.themes}
