"""Question mapping core: clues, neighbours, confidence, "check", learning from examples."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from analysis.core.questions import (
    CHECK_BELOW,
    LEARNED,
    MODEL,
    NONE,
    PERSON,
    MappingOptions,
    Passage,
    example_weight,
    key_phrases,
    map_passages,
    smooth_sequences,
    transition_matrix,
)
from analysis.core.themes.embed import normalise_rows
from tests.analysis.fakes import FakeEmbedder


class Q:
    def __init__(self, id_, text):
        self.id, self.text = id_, text


QUESTIONS = [Q(11, "Q1. What would help people find housing on release from prison?"),
             Q(12, "Q2. Do you agree that breach of probation conditions should lead to recall?"),
             Q(13, "Q3. How should drug and alcohol treatment continue after release?")]
ANSWERS = {11: ["I slept in a doorway, the council had no flat for me.",
                "A hostel place forty miles away from my family.",
                "Nobody sorted accommodation before the release date."],
           12: ["I was recalled for one missed probation appointment.",
                "The curfew tag broke and they said I had breached the order.",
                "Licence conditions you cannot meet set you up to fail."],
           13: ["My methadone script stopped the day I got out.",
                "Rehab had a waiting list so I relapsed on heroin.",
                "Detox inside then nothing outside, I was drinking in a week."]}


@pytest.fixture
def embed():
    fake = FakeEmbedder()
    return lambda texts: normalise_rows(fake.encode(list(texts)))


def passages(sequence=""):
    out, position = [], 0
    for texts in ANSWERS.values():
        for text in texts:
            out.append(Passage(id=position, text=text, sequence=sequence, position=position))
            position += 1
    return out


def truth():
    return [qid for qid, texts in ANSWERS.items() for _ in texts]


def run(items, embed, **options):
    vectors = embed([p.text for p in items])
    return map_passages(items, vectors, QUESTIONS, embed, MappingOptions(**options))


def test_each_answer_maps_to_its_question_with_its_confidence(embed):
    found = run(passages(), embed)
    assert [found[i].question_id for i in range(9)] == truth()
    assert all(found[i].source == MODEL and 0 < found[i].confidence <= 1 for i in range(9))
    assert all(found[i].check == (found[i].confidence < CHECK_BELOW) for i in range(9))


def test_each_passage_carries_its_question_probabilities(embed):
    # The theme cut leans on these (``runs``): the same numbers the best question and its
    # confidence were read from, in the order the questions were given.
    found = run(passages("document:1"), embed)
    for mapping in found.values():
        chances = np.array(mapping.probabilities)
        assert chances.shape == (len(QUESTIONS),) and np.isclose(chances.sum(), 1)
        assert QUESTIONS[int(chances.argmax())].id == mapping.question_id
        assert mapping.confidence == round(float(chances.max()), 3)


def test_a_person_link_always_wins_and_teaches(embed):
    items = passages()
    items[0] = replace(items[0], question_id=13)
    found = run(items, embed)
    assert (found[0].question_id, found[0].confidence, found[0].source) == (13, 1.0, PERSON)
    assert found[1].source == LEARNED


def test_a_vague_passage_takes_its_neighbours_question(embed):
    items = passages("transcript:1")
    vague = replace(items[4], text="Yes, that is exactly what happened to me as well.")
    items[4] = vague
    alone = run(items, embed, use_neighbours=False)
    together = run(items, embed)
    assert alone[4].question_id != 12 or alone[4].check
    assert together[4].question_id == 12


def test_one_passages_own_words_do_not_outvote_its_neighbours(embed):
    # Between clear answers about recall, a passage that also names drugs answers recall:
    # the response is read in order, so agreeing neighbours count more than one passage.
    items = passages("document:1")
    items[4] = replace(items[4], text="My methadone script and detox stopped when I was recalled.")
    assert run(items, embed, use_neighbours=False)[4].question_id == 13
    assert run(items, embed)[4].question_id == 12


def test_the_heading_or_asking_turn_counts(embed):
    text = "Yes, me too, and him."
    plain = run([Passage(id=0, text=text)], embed)
    headed = run([Passage(id=0, text=text, heading="Recall after a breach of probation")], embed)
    asked = run([Passage(id=0, text=text, asked="And what about drugs, methadone or rehab?")],
                embed)
    assert plain[0].source == NONE
    assert headed[0].question_id == 12 and asked[0].question_id == 13


def test_off_topic_small_talk_is_left_unlinked(embed):
    found = run([Passage(id=0, text="Shall we get a cup of tea before we start?")], embed)
    assert (found[0].question_id, found[0].source, found[0].confidence) == (None, NONE, 0.0)


def test_examples_correct_a_wrong_zero_shot_guess(embed):
    # Answers about travel costs belong to Q1 in this consultation, which zero-shot cannot know.
    travel = ["The bus fare to the housing office costs more than I have.",
              "I walk two hours because the train ticket is too dear.",
              "A travel pass would get me to the council on time.",
              "Tickets cost too much to get to the appointments about a flat."]
    items = [Passage(id=i, text=t) for i, t in enumerate(travel)]
    items += [Passage(id=10 + i, text=t) for i, t in enumerate(ANSWERS[12] + ANSWERS[13])]
    taught = [replace(p, question_id=11) if p.id in (0, 1, 2) else p for p in items]
    assert run(taught, embed)[3].question_id == 11


def test_no_questions_leave_everything_unlinked(embed):
    items = passages()
    vectors = embed([p.text for p in items])
    found = map_passages(items, vectors, [], embed)
    assert {m.source for m in found.values()} == {NONE}


def test_transitions_stay_then_move_forward():
    matrix = transition_matrix(4, stay=0.8, forward=0.9)
    assert np.allclose(matrix.sum(axis=1), 1)
    assert matrix[1, 1] == pytest.approx(0.8)
    assert matrix[1, 2] > matrix[1, 3] > matrix[1, 0]
    assert transition_matrix(1).tolist() == [[1.0]]


def test_smoothing_leaves_lone_passages_alone():
    probabilities = np.array([[0.9, 0.1], [0.4, 0.6], [0.9, 0.1]])
    lone = smooth_sequences(probabilities, ["", "", ""], [0, 1, 2])
    chained = smooth_sequences(probabilities, ["a", "a", "a"], [0, 1, 2], stay=0.9)
    assert np.allclose(lone, probabilities)
    assert chained[1].argmax() == 0


def test_key_phrases_drop_the_asking_frame():
    assert key_phrases("Q4. Do you agree that housing on release should come first? Why?") \
        == "housing on release should come first"
    assert key_phrases("Why?") == "Why?"


def test_examples_weigh_more_as_they_grow():
    weights = [example_weight(k * 5, 5) for k in (0, 3, 5, 10)]
    assert weights[0] == 0 and weights == sorted(weights) and weights[-1] < 0.85


def test_a_heading_holds_until_the_next_one():
    from analysis.core.questions import document_headings

    texts = ["Housing on release\nWe found that people leave with nowhere to go.",
             "Councils rarely plan ahead for release dates.",
             "Recall\nBreach\nA missed appointment leads to recall."]
    assert document_headings(texts) == ["Housing on release", "Housing on release",
                                        "Recall – Breach"]


def test_members_answer_the_facilitators_last_question():
    from analysis.core.questions import asking_turns

    turns = [(True, "Welcome everyone."), (False, "Hello."),
             (True, "What happened about housing?"), (False, "Nothing."), (False, "Same."),
             (True, "Thanks. And probation, how was it?"), (False, "Recalled twice.")]
    assert asking_turns(turns) == ["", "", "", "What happened about housing?",
                                   "What happened about housing?", "",
                                   "Thanks. And probation, how was it?"]


def test_a_passage_that_names_a_question_number_answers_it(embed):
    numbered = [Q(q.id, q.text) for q in QUESTIONS]
    for q, number in zip(numbered, ("Q1", "2", "Q3"), strict=True):
        q.number = number
    # About drugs in its words, but it says which question it answers.
    item = Passage(id=0, text="On question 2: my methadone script stopped, then detox.")
    vectors = embed([item.text])
    assert map_passages([item], vectors, QUESTIONS, embed)[0].question_id == 13
    assert map_passages([item], vectors, numbered, embed)[0].question_id == 12


def test_a_number_cited_as_a_pointer_to_another_answer_is_not_the_passages_question():
    # In four written responses every question number inside a passage pointed to another
    # answer; counted as the passage's own question (the strongest clue), it pulled the
    # passage away from the answer it sits in.
    from analysis.core.questions.scoring import cited_questions

    texts = ["In answer to Q2, we agree with the proposal.",
             "Question 3: members want treatment to carry on.",
             "Testing should lead to an offer of help, as we say in our answer to Question 1.",
             "We return to this under Question 3 on housing.",
             "As we said in answer to question 2, the information is rarely shared."]
    cited = cited_questions(texts, ["Q1", "Q2", "Q3"])
    assert cited.tolist() == [[0, 1, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0]]


def test_a_long_passage_citing_numbers_throughout_reads_only_its_opening(monkeypatch):
    """Every number in a passage counted the words before it again: a 90,000-character
    passage citing Q1 throughout took over 10 seconds (quadratic). Only the opening can
    name the passage's question, so the numbers after it are never looked at."""
    from analysis.core.questions import scoring

    read, real = [], scoring._CITED

    class Counting:
        def finditer(self, text):
            for found in real.finditer(text):
                read.append(found)
                yield found

    monkeypatch.setattr(scoring, "_CITED", Counting())
    cited = scoring.cited_questions(["Q1: yes. " + "see q1 " * 13_000], ["Q1", "Q2"])
    assert cited.tolist() == [[1, 0]]
    assert len(read) < 10  # not the 13,001 numbers in it


def test_a_written_response_is_read_as_passing_over_no_question():
    # Four clear answers to Q1, four passages that lean to Q3 but could answer Q2, then
    # four clear answers to Q3. A response answers the questions one after another, so its
    # chain reads the change after Q1 as Q2; a focus group often skips ahead, so it does not.
    clear = [np.eye(5)[k] * 0.8 + 0.04 for k in (0, 2)]
    leaning = np.array([0.05, 0.3, 0.5, 0.05, 0.05])
    probabilities = np.array([clear[0]] * 4 + [leaning] * 4 + [clear[1]] * 4)
    order = list(range(12))
    document = smooth_sequences(probabilities, ["document:1"] * 12, order).argmax(axis=1)
    transcript = smooth_sequences(probabilities, ["transcript:1"] * 12, order).argmax(axis=1)
    assert document[4] == 1
    assert transcript[4] == 2
    assert document[:4].tolist() == [0] * 4 and document[8:].tolist() == [2] * 4


SMALL_TALK = ["Shall we get a cup of tea before we start?",
              "Can we have a break for a cup of tea now?",
              "Is there any more tea and a biscuit going?"]


def test_a_person_saying_it_answers_no_question_wins(embed):
    items = passages("transcript:1")
    items[0] = replace(items[0], no_question=True)
    found = run(items, embed)
    assert (found[0].question_id, found[0].confidence, found[0].source) == (None, 1.0, PERSON)
    # Not an example of any question: the answers to the other questions keep theirs.
    assert [found[i].question_id for i in range(3, 9)] == truth()[3:]


def test_small_talk_people_said_answers_no_question_teaches_the_rest(embed):
    # A transcript's small talk sits among answers, so it is not left alone as lonely text:
    # without examples it takes a question; with people's "answers no question" it does not.
    items = passages("transcript:1")
    talk = [Passage(id=100 + i, text=t, sequence="transcript:1", position=100 + i)
            for i, t in enumerate(SMALL_TALK + ["Would anyone like tea or a biscuit first?"])]
    untaught = run(items + talk, embed)
    assert untaught[103].question_id is not None
    taught = [replace(p, no_question=True) if p.id in (100, 101, 102) else p for p in talk]
    found = run(items + taught, embed)
    assert (found[103].question_id, found[103].source) == (None, LEARNED)
    assert [found[i].question_id for i in range(9)] == truth()


def _document(texts):
    from analysis.core.questions import document_headings

    return [Passage(id=row, text=text, sequence="document:7", position=row, heading=heading)
            for row, (text, heading) in enumerate(zip(texts, document_headings(texts),
                                                      strict=True))]


ANSWERED = ["Q1. Housing\nI slept in a doorway, the council had no flat for me.",
            "Nobody sorted accommodation before the release date.",
            "Q2. Recall\nI was recalled for one missed probation appointment.",
            "Licence conditions you cannot meet set you up to fail.",
            "Q3. Treatment\nMy methadone script stopped the day I got out.",
            "Rehab had a waiting list so I relapsed on heroin."]


def test_a_documents_about_section_is_no_confident_answer(embed):
    # A police plan's "About this plan" was mapped to Q1 at 89%: a preamble answers nothing.
    items = _document(["About this plan\nThis plan sets out how we help people find housing "
                       "on release from prison.", "It was written with probation and the "
                                                 "council.", *ANSWERED])
    found = run(items, embed)
    for row in (0, 1):
        assert found[row].question_id is None or (found[row].check
                                                  and found[row].confidence < CHECK_BELOW)
    assert [found[row].question_id for row in range(2, 8)] == [11, 11, 12, 12, 13, 13]
    assert not any(found[row].check for row in (2, 4, 6))


def test_what_comes_before_the_first_question_heading_is_checked(embed):
    # Under a heading that is not a question's, before the answers begin: a preamble too.
    items = _document(["Our service\nWe find housing on release from prison for people.",
                       *ANSWERED])
    found = run(items, embed)
    assert found[0].question_id is None or (found[0].check and found[0].confidence < CHECK_BELOW)
    assert found[1].question_id == 11


def test_a_passage_naming_its_question_is_no_preamble(embed):
    # Under "Introduction" all the same, "In answer to Q2" says it answers a question.
    numbered = []
    for number, q in enumerate(QUESTIONS, start=1):
        numbered.append(Q(q.id, q.text))
        numbered[-1].number = f"Q{number}"
    items = _document(["Introduction\nIn answer to Q2, being sent back for a missed appointment "
                       "is unfair.", *ANSWERED])
    found = map_passages(items, embed([p.text for p in items]), numbered, embed)
    assert not found[0].check  # mapped as any passage is, not held down as a preamble


def test_a_late_heading_asking_something_makes_no_preamble_of_the_answers_above():
    # The charity's own briefing (exemplars/policy-briefing-example.md) ends with "HOW CAN WE
    # HELP?": everything above it, its recommendations too, was held at 'Check' as preamble.
    from analysis.core.questions import document_headings
    from analysis.core.questions.context import preamble_rows

    texts = ["Introduction\nThis briefing sets out what our forum members told us.",
             "Multiple needs and the police\nPeople with multiple needs are arrested again "
             "and again for low-level offences.",
             "Recommendations\nCommission liaison and diversion in every custody suite.",
             "HOW CAN WE HELP?\nOur forum can advise on the plan."]
    rows = preamble_rows(["document:3"] * 4, range(4), document_headings(texts))
    assert rows == {0}
    # A heading numbering a question still starts the answers; the recommendations above it
    # sum them up, a section of their own (tests/analysis/core/questions/test_summary_section).
    numbered = [*texts[:3], "Q1. Custody\nLiaison and diversion kept me out of court."]
    assert preamble_rows(["document:3"] * 4, range(4), document_headings(numbered)) == {0, 1}


def test_a_quarter_of_a_year_is_no_question_number():
    # "Q3 2025 figures" in a police plan read as question 3: the plan above it was preamble.
    from analysis.core.questions import document_headings
    from analysis.core.questions.context import preamble_rows

    texts = ["Housing on release\nPeople leave prison with nowhere to live.",
             "Q3 2025/26 figures\nArrests of people in crisis fell by a fifth."]
    assert preamble_rows(["document:4"] * 2, range(2), document_headings(texts)) == set()
    texts[1] = "Q3. Figures\nArrests of people in crisis fell by a fifth."
    assert preamble_rows(["document:4"] * 2, range(2), document_headings(texts)) == {0}
