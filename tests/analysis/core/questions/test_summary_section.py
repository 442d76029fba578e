"""A response's "Summary and key recommendations" before Q1 is a section of its own, not a
preamble: it sums up the answers, so it is mapped to questions like any other passage."""
from __future__ import annotations

from analysis.core.questions import document_headings
from analysis.core.questions.context import preamble_rows

RESPONSE = ["About us\nThe forum brings together people with lived experience of prison.",
            "Introduction\nThis response sets out what our members told us.",
            "Summary and key recommendations\n1. Fund housing first for people leaving prison.",
            "2. Stop recalling people for one missed appointment.",
            "Q1. How can we better support people on release?\nMembers spoke of leaving "
            "prison with nowhere to live.",
            "Q2. What works in probation?\nA worker who listens and keeps appointments."]


def test_a_summary_before_the_first_question_is_its_own_section():
    headings = document_headings(RESPONSE)
    assert headings[3] == "Summary and key recommendations"  # it holds to the next heading
    assert preamble_rows(["document:1"] * 6, range(6), headings) == {0, 1}


def test_other_summary_headings_are_sections_too():
    for heading in ("Executive summary", "Key recommendations", "Recommendations",
                    "Summary of our response", "Key points"):
        texts = [f"{heading}\nMore housing on release.", *RESPONSE[4:]]
        assert preamble_rows(["document:1"] * 3, range(3), document_headings(texts)) == set()
    # What a document says about itself is still its preamble.
    texts = ["About this plan\nThe plan runs to 2028.", *RESPONSE[4:]]
    assert preamble_rows(["document:1"] * 3, range(3), document_headings(texts)) == {0}
