"""Theme-set rule: no two theme labels are more than 0.9 similar (issue #11)."""
from __future__ import annotations

from analysis.core.themes.label_rules import (
    MAX_LABEL_SIMILARITY,
    ThemeLabels,
    distinct_labels,
    label_similarity,
    separate_labels,
)
from analysis.core.themes.pipeline import ThemeDraft
from analysis.core.themes.vocabulary import SegmentWords

# Both are about housing to the fake embedder (cosine about 0.92).
CLOSE = ["Housing after prison", "Homeless hostel"]
KEYWORDS = [[("housing", 0.9), ("prison", 0.5)],
            [("hostel", 0.8), ("refuge", 0.6), ("women", 0.4)]]
PHRASES = [["housing after prison"] * 3,
           ["homeless hostel", "refuge for women", "refuge for women"]]


def test_the_two_labels_are_too_close_to_begin_with(embedder, cache):
    assert label_similarity(CLOSE, embedder, cache)[0, 1] > MAX_LABEL_SIMILARITY


def test_the_smaller_theme_is_named_from_its_own_words_when_they_share_little(embedder, cache):
    members = [set(range(0, 20)), set(range(20, 30)) | {0}]
    plan = separate_labels(ThemeLabels(labels=CLOSE, members=members, keywords=KEYWORDS,
                                       phrases=PHRASES), embedder, cache)
    assert plan.merge == {}
    assert plan.labels[0] == "Housing after prison"
    assert plan.labels[1] == "Refuge for women"
    assert label_similarity(plan.labels, embedder, cache)[0, 1] <= MAX_LABEL_SIMILARITY


def test_themes_with_close_labels_that_share_most_segments_merge(embedder, cache):
    members = [set(range(0, 20)), set(range(14, 24))]  # 6 of the smaller's 10 shared
    plan = separate_labels(ThemeLabels(labels=CLOSE, members=members, keywords=KEYWORDS,
                                       phrases=PHRASES), embedder, cache)
    assert plan.merge == {1: 0}
    assert plan.labels[0] == "Housing after prison"


def test_a_documents_runs_with_close_labels_are_renamed_never_merged(embedder, cache):
    members = [set(range(0, 20)), set(range(14, 24))]  # as above: they would merge
    plan = separate_labels(ThemeLabels(labels=CLOSE, members=members, keywords=KEYWORDS,
                                       phrases=PHRASES), embedder, cache, merge_allowed=False)
    assert plan.merge == {}
    assert label_similarity(plan.labels, embedder, cache)[0, 1] <= MAX_LABEL_SIMILARITY


def test_a_codebook_name_is_never_renamed_the_other_label_is(embedder, cache):
    members = [set(range(0, 20)), set(range(20, 30))]
    themes = ThemeLabels(labels=["Homeless hostel", "Housing after prison"], members=members,
                         keywords=[KEYWORDS[1], KEYWORDS[0]], phrases=[PHRASES[1], PHRASES[0]],
                         fixed=[False, True])
    plan = separate_labels(themes, embedder, cache)
    assert plan.labels[1] == "Housing after prison"
    assert plan.labels[0] == "Refuge for women"


def test_labels_not_too_close_are_left_alone(embedder, cache):
    labels = ["Housing after prison", "Breach of probation"]
    plan = separate_labels(ThemeLabels(labels=labels, members=[{1, 2}, {1, 2}],
                                       keywords=KEYWORDS, phrases=PHRASES), embedder, cache)
    assert plan.labels == labels and plan.merge == {}


def test_drafts_merge_and_every_label_is_fixed_for_the_pages(embedder, cache, words):
    rows_words = ([SegmentWords(("housing", "prison"), ("housing after prison",))] * 20
                  + [SegmentWords(("hostel", "homeless"), ("homeless hostel",))] * 10
                  + [SegmentWords(("breach", "probation"), ("breach of probation",))] * 8)
    drafts = [ThemeDraft(0, list(range(0, 20)), None, True, keywords=KEYWORDS[0]),
              ThemeDraft(1, list(range(20, 30)), None, True, keywords=[("homeless", 0.9)],
                         also_rows=list(range(0, 12))),
              ThemeDraft(2, list(range(30, 38)), None, True,
                         keywords=[("breach", 0.9), ("probation", 0.5)])]
    drafts[0].label, drafts[1].label, drafts[2].label = None, "Homeless hostel", None
    out, merged = distinct_labels(drafts, rows_words, words, embedder, cache)
    assert merged
    assert [d.id for d in out] == [0, 1]
    assert out[0].rows == list(range(0, 30)) and out[0].keywords is None
    assert out[0].label == "Housing after prison"
    assert all(d.label for d in out)
    labels = [d.label for d in out]
    assert (label_similarity(labels, embedder, cache) <= MAX_LABEL_SIMILARITY).all()


def test_a_run_never_shows_two_labels_more_than_09_similar(segments, questions, codebook,
                                                           embedder, cache, words):
    from analysis.core.themes import TextModels, run_analysis

    # With the codebook, "Email address" and "Library wifi" (both about being offline)
    # came out 0.92 similar before this rule.
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    labels = [t.label for t in result.themes]
    assert len(labels) >= 2
    assert (label_similarity(labels, embedder, cache) <= MAX_LABEL_SIMILARITY).all()


def test_a_label_inside_another_label_is_refused(embedder, cache):
    """A policy briefing named two runs "Mental health treatment" and "Mental health"
    (MiniLM cosine 0.86, under the 0.9 rule): the shorter names either theme, so the run it
    labels takes its next phrase, even when listed first."""
    labels = ["Mental health", "Mental health treatment"]
    keywords = [[("police", 0.5), ("mental health", 0.45), ("officer", 0.4)],
                [("treatment", 0.5), ("contact", 0.45), ("police", 0.3)]]
    phrases = [["mental health"] * 4 + ["police officer"] * 2,
               ["mental health treatment"] * 2 + ["emergency service"]]
    plan = separate_labels(ThemeLabels(labels=labels, members=[set(range(8)), set(range(8, 16))],
                                       keywords=keywords, phrases=phrases), embedder, cache,
                           merge_allowed=False)
    assert plan.labels == ["Police officer", "Mental health treatment"]


def test_numbered_mixed_comments_are_no_sub_phrases():
    from analysis.core.themes.label_rules import sub_phrase

    assert sub_phrase("Mental health", "Mental health treatment")
    assert sub_phrase("Community sentences, conditions and breach", "Community sentences")
    assert not sub_phrase("Mixed comments", "Mixed comments (2)")
    assert not sub_phrase("General praise", "General praise (reason)")
    assert not sub_phrase("Mental health team", "Mental health treatment")
