"""Labels need evidence: a phrase one remark said names no theme (issue #11's NHS labels)."""
from __future__ import annotations

import pytest

from analysis.core.themes.label_evidence import label_evidence
from analysis.core.themes.phrases import trimmed_phrase
from analysis.core.themes.vocabulary import SegmentWords

from .label_helpers import evidence_label

# NHS benchmark labels on main (issue #11): each came from one remark in a theme of dozens.
ONE_REMARK = {
    "Sheer volume": (["Waiting times cannot be solved due to sheer volume of calls.",
                      "I was on hold on the phone for an hour.",
                      "Nobody answered the phone, the volume is too high.",
                      "The phone rang and rang.", "I waited on hold forty minutes.",
                      "They answered the phone quickly."],
                     [("hold", 0.5), ("phone", 0.45), ("volume", 0.4), ("line", 0.3)]),
    "Meat ease": (["They were very helpful. Put meat ease and made me feel at ease.",
                   "Very helpful and caring.", "Helpful nurse, I felt at ease.",
                   "So helpful through a tough patch.", "Helpful and kind.",
                   "They put my mind at ease."],
                  [("ease", 0.5), ("meat", 0.45), ("helpful", 0.4), ("tough patch", 0.3)]),
}


@pytest.mark.parametrize("bad", sorted(ONE_REMARK))
def test_a_phrase_one_segment_said_does_not_name_a_theme(bad, words):
    texts, keywords = ONE_REMARK[bad]
    label = evidence_label(words, texts, keywords)
    assert label != bad
    assert label != "Comments on helpful"  # never an adjective after "Comments on"


def test_a_phrase_inside_a_longer_one_counts_as_said():
    found = label_evidence([0, 1], [SegmentWords(phrases=("housing on release week",)),
                                    SegmentWords(phrases=("housing on release",))])
    assert found.support["housing on release"] == 2
    assert "on release week" not in found.support


def test_a_widely_said_phrase_names_a_theme_whose_keywords_are_vivid_words(words):
    """The demo's peer-mentoring theme: BERTopic's keywords were "sandwich", "ticket"."""
    texts = ["My peer mentor met me at the gate.", "A peer mentor who has been there.",
             "The peer mentor got me a bus ticket.", "Free sandwich at the centre.",
             "Training for a forklift licence.", "My record stops every job."]
    keywords = [("sandwich", 0.5), ("ticket", 0.45), ("training", 0.4), ("record", 0.3)]
    assert evidence_label(words, texts, keywords) == "Peer mentor"


def test_trimming_a_judging_word_never_leaves_a_preposition_in_front():
    assert trimmed_phrase("date of birth") == "date of birth"
    assert trimmed_phrase("different pbr scheme") == "pbr scheme"


def test_a_remark_pasted_twice_is_said_once():
    """NHS comments repeat across rows: "Easy chair" came from one comment in two rows."""
    pasted = SegmentWords(("love", "new", "easy", "chair", "transfer", "bed"), ("easy chair",))
    short = SegmentWords(("housing", "prison"), ("housing after prison",))
    found = label_evidence([0, 1, 2, 3], [pasted, pasted, short, short])
    assert found.support["easy chair"] == 1
    assert found.support["housing after prison"] == 2  # short remarks may be said alike


class _CountedRun(list):
    """A run's words that count how often all of them are read."""

    reads = 0

    def __iter__(self):
        self.reads += 1
        return super().__iter__()


class _Plain:
    def display(self, term):
        return term


def test_labelling_reads_the_whole_run_a_fixed_number_of_times_however_many_themes():
    """The run's nouns are found once, not once per theme (40 themes of 50,000 segments)."""
    from analysis.core.themes.label_rules import draft_labels
    from analysis.core.themes.schema import ThemeDraft

    def reads(themes: int) -> int:
        run = _CountedRun(SegmentWords((f"word{i}", "good"), (f"word{i} service",))
                          for i in range(60))
        drafts = [ThemeDraft(id=t, rows=list(range(t * 5, t * 5 + 5)), code=None, is_new=True)
                  for t in range(themes)]
        draft_labels(drafts, run, _Plain())
        return run.reads

    assert reads(2) == reads(8)
