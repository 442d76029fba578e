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
    links, probabilities = map_questions(segments, vectors, [],
                                         lambda texts: np.zeros((len(texts), 4)))
    assert all(link.question_id is None for link in links.values())
    assert probabilities.shape == (len(segments), 0)


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


def test_the_guide_reads_each_passages_question_probabilities(segments, questions, embedder,
                                                              cache):
    # One computation: the probabilities the links were read from go to the cut as they are.
    from analysis.core.themes.embed import embed_segments
    from analysis.core.themes.engine import clustering_view
    from analysis.core.themes.guide import embed_free_texts
    from analysis.core.themes.schema import SegmentInput

    passages = [SegmentInput(id=i + 1, text=s.text, text_hash=s.text_hash,
                             source_key="document:1") for i, s in enumerate(segments[:40])]
    vectors = embed_segments(passages, embedder, cache)
    links, probabilities = map_questions(passages, vectors, questions,
                                         lambda texts: embed_free_texts(texts, embedder, cache))
    assert probabilities.shape == (40, len(questions))
    assert np.allclose(probabilities.sum(axis=1), 1)
    place = {q.id: k for k, q in enumerate(questions)}
    linked = [(row, links[p.id]) for row, p in enumerate(passages)
              if links[p.id].question_id is not None]
    assert linked
    for row, link in linked:
        assert place[link.question_id] == probabilities[row].argmax()
    _, clusterer = clustering_view(passages, vectors, [0] * 40, probabilities)
    assert np.array_equal(clusterer.probabilities, probabilities)
