"""Agreement figures: per theme and overall F1 with a bootstrap interval, Cohen's kappa."""
from __future__ import annotations

import pytest

from analysis.core.questions.agreement import choice_agreement, label_agreement, pair_kappa


def test_full_agreement_scores_one():
    person = [{1}, {2}, {1, 2}, set(), {3}] * 8
    result = label_agreement(person, person, [1, 2, 3])
    assert (result.f1, result.low, result.high, result.kappa, result.segments) == (1, 1, 1, 1, 40)
    assert [(x.label, x.f1, x.kappa) for x in result.labels] == [(1, 1, 1), (2, 1, 1), (3, 1, 1)]


def test_partial_agreement_matches_sklearn_and_has_an_interval():
    from sklearn.metrics import cohen_kappa_score

    person = [{1}, {1}, {2}, {2}, {1}, {2}] * 6
    app = [{1}, {2}, {2}, {2}, {1}, {1}] * 6
    result = label_agreement(person, app, [1, 2])
    one = result.labels[0]
    assert (one.person, one.app, one.both) == (18, 18, 12)
    assert one.f1 == pytest.approx(12 / 18, abs=1e-3)
    expected = cohen_kappa_score([1 if 1 in p else 0 for p in person],
                                 [1 if 1 in a else 0 for a in app])
    assert one.kappa == pytest.approx(expected, abs=1e-3)
    assert result.low < result.f1 < result.high


def test_question_choice_counts_none_as_a_choice():
    from sklearn.metrics import cohen_kappa_score

    person = [1, 2, None, 1] * 10
    app = [1, 2, 2, 1] * 10
    result = choice_agreement(person, app)
    assert result.f1 == 0.75 and result.kappa == pytest.approx(
        cohen_kappa_score(["1", "2", "none", "1"] * 10, ["1", "2", "2", "1"] * 10), abs=1e-3)


def test_kappa_is_undefined_when_everyone_chose_one_thing():
    assert pair_kappa([1, 1, 1], [1, 1, 1]) is None
    assert pair_kappa([1, 2, 1, 2], [1, 2, 1, 2]) == 1.0


def test_nothing_coded_gives_zeros():
    assert label_agreement([], [], [1]).segments == 0
    assert choice_agreement([], []).kappa is None


def test_the_interval_brackets_sklearns_f1_on_the_whole_sample():
    from sklearn.metrics import f1_score

    person = [{1}, {1, 2}, {2}, set(), {3}, {1}, {2, 3}] * 5
    app = [{1}, {2}, {2, 3}, {1}, {3}, set(), {2, 3}] * 5
    result = label_agreement(person, app, [1, 2, 3])
    flat = lambda sets: [int(k in s) for s in sets for k in (1, 2, 3)]  # noqa: E731
    assert result.f1 == pytest.approx(f1_score(flat(person), flat(app)), abs=1e-3)
    assert result.low <= result.f1 <= result.high and result.high - result.low < 0.5


def test_kappa_is_not_rounded_before_the_page_rounds_it():
    from sklearn.metrics import cohen_kappa_score

    # 0.9248 rounded to 0.925 first would show as 0.93 on the page, not 0.92.
    app = [1, 2, 2, None, 1, 2, None, 2, 1, 2, 1, 2, None, None, 1, 1, None, 1, 1, None]
    person = [None] + app[1:]
    kappa = choice_agreement(person, app).kappa
    assert kappa == cohen_kappa_score([str(x) for x in person], [str(x) for x in app])
    assert f"{kappa:.2f}" == "0.92"
