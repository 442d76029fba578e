"""Question mapping: nearest question by meaning, people's links always win."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from analysis.core.themes import TextModels, map_questions, run_analysis


def test_segments_map_to_the_question_they_answer(segments, topics, questions, codebook,
                                                  embedder, cache, words):
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    expected = {"housing": 1, "breach": 2, "drugs": 4}
    for topic, question_id in expected.items():
        ids = [i for i, t in topics.items() if t == topic]
        hits = sum(result.questions[i].question_id == question_id for i in ids)
        assert hits >= 0.8 * len(ids)
        assert all(result.questions[i].source == "model" for i in ids
                   if result.questions[i].question_id is not None)


def test_a_person_set_link_always_wins(segments, questions, codebook, embedder, cache, words):
    housing = segments[0]
    pinned = [replace(housing, question_id=3)] + segments[1:]
    result = run_analysis(pinned, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    link = result.questions[housing.id]
    assert (link.question_id, link.confidence, link.source) == (3, 1.0, "person")


def test_unrelated_segments_are_left_unlinked(segments, topics, questions, codebook, embedder,
                                              cache, words):
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    small_talk = [i for i, t in topics.items() if t == "smalltalk"]
    unlinked = [i for i in small_talk if result.questions[i].question_id is None]
    assert len(unlinked) >= len(small_talk) - 1
    assert all(result.questions[i].source == "none" and result.questions[i].confidence == 0
               for i in unlinked)


def test_no_questions_means_no_links(segments):
    vectors = np.eye(len(segments), 4)
    links = map_questions(segments, vectors, [], lambda texts: np.zeros((len(texts), 4)))
    assert all(link.question_id is None for link in links.values())


def test_a_documents_passage_is_mapped_among_its_neighbours(segments, topics, questions,
                                                            embedder, cache, words):
    # The command line and the run map a document's passages as the app does: a passage
    # that says little by itself answers the question the passages around it answer.
    import hashlib

    from analysis.core.themes import SegmentInput

    housing = [s for s in segments if topics[s.id] == "housing"][:6]
    aside = "Yes, and that is exactly the point we are making here."
    texts = [s.text for s in housing[:3]] + [aside] + [s.text for s in housing[3:]]

    def passages(source_key):
        return [SegmentInput(id=i + 1, text=t, text_hash=hashlib.sha256(t.encode()).hexdigest(),
                             source_key=source_key) for i, t in enumerate(texts)]

    models = TextModels(embedder=embedder, cache=cache, words=words)
    in_document = run_analysis(passages("document:1"), questions=questions, models=models)
    assert in_document.questions[4].question_id == 1
    alone = run_analysis(passages("survey:1"), questions=questions, models=models)
    assert alone.questions[4].question_id != 1


def test_only_a_document_that_answers_the_questions_in_order_is_guided_by_them():
    from analysis.core.themes.questions import answer_guide
    from analysis.core.themes.schema import QuestionInput, QuestionLink, SegmentInput

    questions = [QuestionInput(id=10 + k, text=f"Question {k}") for k in range(4)]
    in_order = [10] * 5 + [11] * 5 + [12] * 5 + [13] * 5
    shuffled = [12, 10, 13, 11] * 5
    segments = [SegmentInput(id=i + 1, text=f"p{i}", text_hash=f"h{i}", source_key=source)
                for i, source in enumerate(["document:1"] * 20 + ["document:2"] * 20
                                           + ["survey:1"] * 4)]
    linked = in_order + shuffled + [10, 11, 12, 13]
    links = {s.id: QuestionLink(s.id, q, 0.9, "model")
             for s, q in zip(segments, linked, strict=True)}
    answers = answer_guide(segments, links, questions)
    assert answers[:20] == [q - 10 for q in in_order]
    assert answers[20:] == [None] * 24  # out of order, or not a document's passage
    assert answer_guide(segments, links, []) == [None] * 44


def test_the_guide_leans_on_each_passage_as_much_as_its_mapping_was_sure():
    import numpy as np

    from analysis.core.themes.engine import clustering_view
    from analysis.core.themes.questions import answer_sureness
    from analysis.core.themes.schema import QuestionLink, SegmentInput

    segments = [SegmentInput(id=i + 1, text=f"p{i}", text_hash=f"h{i}",
                             source_key="document:1") for i in range(40)]
    links = {s.id: QuestionLink(s.id, 10, 0.25 + s.id / 100, "model") for s in segments[1:]}
    sureness = answer_sureness(segments, links)
    assert sureness[0] == 0.0  # not linked
    assert sureness[1:] == [0.25 + s.id / 100 for s in segments[1:]]
    vectors = np.eye(40, 24, dtype=np.float32) + 0.1
    _, clusterer = clustering_view(segments, vectors / np.linalg.norm(vectors, axis=1)[:, None],
                                   [0] * 40, sureness)
    assert clusterer.sureness == sureness
