"""The held-out consultation response splits into the shape the theme benchmark expects."""
from __future__ import annotations

from collections import Counter

from bench.heldout_corpus import build_heldout


def test_passage_and_question_counts():
    passages, labels = build_heldout()
    assert len(passages) == len(labels)
    assert 180 <= len(passages) <= 220
    questions = {label for label in labels if label.startswith("Q")}
    assert 18 <= len(questions) <= 22


def test_every_label_has_at_least_two_passages():
    _, labels = build_heldout()
    counts = Counter(labels)
    assert min(counts.values()) >= 2, counts


def test_headings_are_not_passages_and_sections_run_in_order():
    passages, labels = build_heldout()
    assert not any(passage.startswith("#") for passage in passages)
    assert labels[0] == "About us" and labels[-1] == "Conclusion"
    # Each section is one contiguous run, so a label change never returns to an earlier one.
    runs = [label for i, label in enumerate(labels) if i == 0 or labels[i - 1] != label]
    assert len(runs) == len(set(runs))


def test_passage_markup_is_stripped(tmp_path):
    response = tmp_path / "response.md"
    response.write_text(
        "# Title\n\n## About us\n\nWe are a charity.\n\n"
        "## Question 3: Should it happen?\n\n- a bullet\n\n**We recommend it.**\n",
        encoding="utf-8",
    )
    assert build_heldout(response) == (
        ["We are a charity.", "a bullet", "We recommend it."],
        ["About us", "Q3", "Q3"],
    )


def test_the_third_response_splits_into_its_nineteen_questions():
    from bench.analysis_quality import THIRD_RESPONSE
    from bench.heldout_corpus import heldout_questions

    passages, labels = build_heldout(THIRD_RESPONSE)
    assert len(passages) == 195
    assert [n for n, _ in heldout_questions(THIRD_RESPONSE)] == list(range(1, 20))
    assert labels[0] == "About us" and labels[-1] == "Conclusion"
