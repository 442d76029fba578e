"""A document's run with no phrase said twice is named by the phrase nearest its meaning."""
from __future__ import annotations

from analysis.core.themes import TextModels
from analysis.core.themes.central import central_labels

HOUSING = ["The council flat had damp and the hostel place was unsafe.",
           "The rent arrears and the hostel room were awful.",
           "A landlord wanted a deposit nobody leaving prison has."]
TRAVEL = ["Bus fares went up and the train ticket costs too much.",
          "I walk to probation because the bus pass ran out."]


def test_a_mixed_run_is_named_by_its_most_central_phrase_and_others_are_kept(embedder, cache,
                                                                          words):
    texts = HOUSING + TRAVEL
    said = words.analyse(texts)
    labels = central_labels(["Mixed comments (2)", "Bus fares"], [[0, 1, 2], [3, 4]], said,
                            texts, TextModels(embedder=embedder, cache=cache, words=words))
    assert labels[0] in {"Council flat", "Hostel place", "Hostel room"}
    assert labels[1] == "Bus fares"


def test_a_run_whose_phrases_sit_nearer_another_run_stays_mixed(embedder, cache, words):
    # Its only phrases are about travel, said inside a run about housing.
    texts = ["The hostel was damp, the housing was awful.", "Bus fares.", *TRAVEL]
    said = words.analyse(texts)
    labels = central_labels(["Mixed comments", "Bus fares"], [[0, 1], [2, 3]], said, texts,
                            TextModels(embedder=embedder, cache=cache, words=words))
    assert labels[0] == "Mixed comments"


def test_the_one_run_left_mixed_loses_its_number(embedder, cache, words):
    # Its numbered twin was named: "Mixed comments (2)" was shown with no "Mixed comments"
    # beside it (a sixth response).
    texts = HOUSING + ["Bus.", "Okay then."]
    said = words.analyse(texts)
    labels = central_labels(["Mixed comments", "Mixed comments (2)"], [[0, 1, 2], [3, 4]],
                            said, texts, TextModels(embedder=embedder, cache=cache, words=words))
    assert labels[0] != "Mixed comments" and not labels[0].startswith("Mixed")
    assert labels[1] == "Mixed comments"


def test_runs_left_mixed_are_numbered_in_order():
    from analysis.core.themes.mixed_names import number_mixed

    assert number_mixed(["Mixed comments (3)", "Hostels", "Mixed comments (7)",
                         "Mixed comments (privacy)"]) == [
        "Mixed comments", "Hostels", "Mixed comments (2)", "Mixed comments (privacy)"]
