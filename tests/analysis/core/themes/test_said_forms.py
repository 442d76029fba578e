"""Labels are found by lemmas and shown in the words the segments used."""
from __future__ import annotations

from analysis.core.themes.keywords import extract_keywords, make_labels
from analysis.core.themes.label_evidence import label_evidence
from analysis.core.themes.said_forms import as_said, said_forms


def test_each_phrase_keeps_how_it_was_said(words):
    said = words.analyse(["Young adults need women offenders centres."])[0]
    assert dict(zip(said.phrases, said.forms, strict=True)) == {
        "young adult": "young adults", "women offender centre": "women offenders centres"}


def test_a_label_is_shown_as_most_segments_say_it(words):
    texts = ["The short sentences did nothing for me.", "Short sentences just break you.",
             "One short sentence after another.", "Bus fares are too dear."]
    found = words.analyse(texts)
    evidence = label_evidence([0, 1, 2], found)
    assert said_forms([0, 1, 2], found)["short sentence"] == "short sentences"
    keywords = extract_keywords([[0, 1, 2], [3]], found)
    phrases = [[p for r in rows for p in found[r].phrases] for rows in ([0, 1, 2], [3])]
    label = make_labels(keywords[:1], phrases[:1], evidence=[evidence])[0]
    assert label == "Short sentence"  # the rules compare lemmas ...
    assert as_said(label, evidence.forms) == "Short sentences"  # ... a theme shows what was said


def test_a_word_in_its_own_case_or_a_label_never_said_stays():
    forms = {"iom officer": "iom officers", "young adult": "young adults"}
    assert as_said("IOM officer", forms) == "IOM officers"
    assert as_said("Comments on young adult", forms) == "Comments on young adults"
    assert as_said("Praise for the crew", forms) == "Praise for the crew"
    assert as_said("Mixed comments", {}) == "Mixed comments"


def test_a_word_shown_in_capitals_keeps_them_when_said_in_the_plural():
    assert as_said("Local GP", {"local gp": "local gps"}) == "Local GPs"
    assert as_said("Role of PCC", {"role of pcc": "role of pccs"}) == "Role of PCCs"


def test_themes_are_told_apart_by_lemmas_and_shown_as_said(words):
    # "women offenders" and "woman offender" are one phrase: a second theme saying it too
    # gets another of its own phrases, not the same label twice.
    import numpy as np

    from analysis.core.themes.embed import normalise_rows
    from analysis.core.themes.pipeline import describe_themes
    from analysis.core.themes.schema import SegmentInput, ThemeDraft

    texts = ["Women offenders need a centre.", "Women offenders are sent far away.",
             "Women offenders and prison officers.", "Prison officers shouted at women offenders.",
             "Prison officers were kind.", "The prison officers searched the cells."]
    segments = [SegmentInput(id=i + 1, text=t, text_hash=str(i)) for i, t in enumerate(texts)]
    found = words.analyse(texts)
    drafts = [ThemeDraft(0, [0, 1, 2], None, True), ThemeDraft(1, [3, 4, 5], None, True)]
    vectors = normalise_rows(np.eye(6, 8))
    labels = [t.label for t in describe_themes(drafts, segments, vectors, found, words)]
    assert labels == ["Women offenders", "Prison officers"]


def test_a_label_is_shown_with_the_hyphens_it_was_said_with():
    from analysis.core.themes.vocabulary import SegmentWords

    said = SegmentWords(phrases=("pre sentence report",), forms=("pre- sentence reports",))
    assert as_said("Pre sentence report", said_forms([0], [said])) == "Pre-sentence reports"


def test_a_verb_form_of_a_label_word_is_not_shown():
    # "recalled" matches the justice term "recall", but a label names a thing: a third
    # response's run was shown "Recalled for reasons".
    from analysis.core.themes.vocabulary import SegmentWords

    said = SegmentWords(phrases=("recall for reason",), forms=("recalled for reasons",))
    assert as_said("Recall for reason", said_forms([0], [said])) == "Recall for reasons"
    plural = SegmentWords(phrases=("woman offender",), forms=("women offenders",))
    assert as_said("Woman offender", said_forms([0], [plural])) == "Women offenders"


def test_people_described_by_a_plural_word_are_named_by_that_word():
    # "Women members" says only that the women took part (a fourth held-out response's
    # answer on women's treatment): the group is the subject.
    assert as_said("Woman member", {"woman member": "women members"}) == "Women"
    assert as_said("Comments on woman participant",
                   {"woman participant": "women participants"}) == "Comments on women"
    # A singular word in front says which one ("Staff member"), a subject after it is one.
    assert as_said("Staff member", {"staff member": "staff members"}) == "Staff members"
    assert as_said("Woman offender", {"woman offender": "women offenders"}) == "Women offenders"
    assert as_said("Young member", {"young member": "young members"}) == "Young members"


def test_a_comparative_in_front_of_people_is_no_group_of_them():
    # "older" is not the lemma "old", but it is no plural: "Older members" are members.
    assert as_said("Old member", {"old member": "older members"}) == "Older members"
    assert as_said("Young person", {"young person": "younger people"}) == "Younger people"
    assert as_said("Child user", {"child user": "children users"}) == "Children"


def test_a_role_people_hold_is_named_in_the_plural():
    # A theme is about a kind of worker, not one: "Probation officer" named the demo's
    # theme on members' probation officers ("my probation officer", said by each of them),
    # "Police officer" a sixth response's answer on police and rough sleeping.
    assert as_said("Probation officer", {"probation officer": "probation officer"}) == (
        "Probation officers")
    assert as_said("Police officer", {"police officer": "police officer"}) == "Police officers"
    assert as_said("Peer mentor", {"peer mentor": "peer mentors"}) == "Peer mentors"
    # Not a word that names no people, nor one a preposition follows (it may be one).
    assert as_said("Bus fare", {"bus fare": "bus fare"}) == "Bus fare"
    assert as_said("Officer at court", {"officer at court": "officer at court"}) == (
        "Officer at court")
    assert as_said("Advice from worker", {"advice from worker": "advice from worker"}) == (
        "Advice from worker")
