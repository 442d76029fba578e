"""Keywords (c-TF-IDF) and readable labels."""
from __future__ import annotations

import re

from analysis.themes import extract_keywords, make_label
from analysis.themes.keywords import make_labels


def test_distinctive_terms_rank_first(words):
    texts = ["The hostel rent was too high.", "Hostel staff took my rent.",
             "The hostel was dirty and the rent late.", "My probation officer was fine.",
             "Probation moved my appointment.", "Probation rang about the appointment."]
    found = words.analyse(texts)
    housing, probation = extract_keywords([[0, 1, 2], [3, 4, 5]], found)
    assert {t for t, _ in housing[:2]} == {"hostel", "rent"}
    assert {t for t, _ in probation[:2]} == {"probation", "appointment"}


def test_keywords_are_deterministic(words):
    found = words.analyse(["b a c", "a b c", "c b a d"])
    assert extract_keywords([[0, 1, 2]], found) == extract_keywords([[0, 1, 2]], found)


def test_labels_read_like_titles():
    keywords = [("housing", 0.4), ("prison", 0.2), ("flat", 0.1)]
    phrases = ["housing after prison"] * 2 + ["flat"]
    assert make_label(keywords, phrases) == "Housing after prison"
    assert make_label([("phone", 0.4), ("app", 0.3)], ["phone app"]) == "Phone and app"
    assert make_label([], []) == "Mixed comments"


def test_labels_are_never_topic_ids_and_always_unique():
    labels = make_labels([[("the", 0.1)], [("the", 0.1), ("and", 0.05)]], [[], []])
    assert len(set(labels)) == 2
    for label in labels:
        assert not re.match(r"^-?\d+_", label)


def test_fixed_labels_are_kept():
    assert make_labels([[("rent", 1.0)]], [[]], fixed=["Housing and homelessness"]) == [
        "Housing and homelessness"]


def test_words_about_when_do_not_lead_a_label():
    # A theme about release day: "Friday" and "date" are its top words but not its subject.
    keywords = [("friday", 0.5), ("date", 0.4), ("release", 0.35), ("housing", 0.3)]
    assert make_label(keywords, ["release", "housing", "friday", "date"]) == "Release and housing"
    # Only generic words: they are still used rather than "Mixed comments".
    assert make_label([("time", 0.5), ("week", 0.4)], ["time", "week"]) == "Time and week"
