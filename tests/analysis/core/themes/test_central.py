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
