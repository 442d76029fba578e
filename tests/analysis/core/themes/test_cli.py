"""The command-line contract's input and output shapes (without the real model)."""
from __future__ import annotations

import json

import pytest

from analysis.core.themes import QuestionInput, TextModels, run_analysis
from analysis.core.themes.cli import main, read_segments, result_to_json
from analysis.core.themes.cli_input import read_input


def test_reads_jsonl_with_optional_member_and_group(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "Hostel"}\n\n'
                    '{"id": 2, "text": "Bus", "member": 4, "group": "Leeds"}\n'
                    '{"id": 3, "text": "Rent", "group": {"age": "18-24"}}\n')
    one, two, three = read_segments(path)
    assert (one.member_id, one.source_key) == (None, "input")
    assert (two.member_id, two.source_key) == (1, "group:Leeds")  # members numbered as met
    assert three.group == {"age": "18-24"}


def test_passages_of_a_document_are_marked_by_line_or_by_the_document_option(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "Housing first"}\n'
                    '{"id": 2, "text": "Breach", "document": "response A"}\n'
                    '{"id": 3, "text": "Courts", "document": 7}\n')
    one, two, three = read_input(path).segments
    assert (one.kind, two.source_key, three.source_key) == (
        "input", 'document:"response A"', "document:7")
    assert [s.source_key for s in read_input(path, "1").segments] == [
        "document:1", 'document:"response A"', "document:7"]


def test_output_has_the_contract_shape(segments, codebook, embedder, cache, words):
    questions = [QuestionInput(1, "Where will people live after prison?", "Q18")]
    result = run_analysis(segments, questions=questions, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    out = json.loads(json.dumps(result_to_json(result, questions)))
    assert set(out) == {"themes", "assignments", "questions"}
    assert set(out["themes"][0]) == {"id", "label", "keywords", "segment_ids",
                                     "representative_ids", "new"}
    assert set(out["assignments"]) == {str(s.id) for s in segments}
    assert set(out["questions"].values()) <= {"Q18", None}


def test_ids_may_be_strings_or_whole_numbers_and_come_back_as_given(tmp_path, segments, codebook,
                                                                    embedder, cache, words):
    path = tmp_path / "in.jsonl"
    given = [f"s{i}" if i % 2 else i for i in range(len(segments))]
    path.write_text("\n".join(json.dumps({"id": g, "text": s.text, "member": f"m{i % 5}"})
                              for i, (g, s) in enumerate(zip(given, segments, strict=True))),
                    "utf-8")
    read = read_input(path)
    assert [read.given[s.id] for s in read.segments] == given
    assert len({s.member_id for s in read.segments}) == 5
    result = run_analysis(read.segments, codebook=codebook,
                          models=TextModels(embedder=embedder, cache=cache, words=words))
    out = json.loads(json.dumps(result_to_json(result, [], read.given)))
    assert set(out["assignments"]) == {str(g) for g in given}
    theme_ids = [i for t in out["themes"] for i in t["segment_ids"] + t["representative_ids"]]
    assert theme_ids and set(theme_ids) <= set(given)
    assert any(isinstance(i, str) for i in theme_ids) and any(isinstance(i, int) for i in theme_ids)


@pytest.mark.parametrize("lines, message", [
    (['{"id": "s0", "text": "Fine"}', '{"id": "s1", "text": "Broken'], "line 2: not valid JSON"),
    (['{"id": "s0", "text": "Fine"}', '', '["s1", "text"]'], "line 3: expected an object"),
    (['{"text": "No id"}'], 'line 1: "id" is missing'),
    (['{"id": "a"}'], 'line 1: "text" is missing'),
    (['{"id": 1.5, "text": "x"}'], 'line 1: "id" must be a string or a whole number, not 1.5'),
    (['{"id": true, "text": "x"}'], 'line 1: "id" must be a string or a whole number'),
    (['{"id": "a", "text": ""}'], 'line 1: "text" must be some words'),
    (['{"id": "a", "text": "x", "member": [1]}'], 'line 1: "member" must be a string'),
    (['{"id": "a", "text": "x", "group": 3}'], 'line 1: "group" must be a name'),
    (['{"id": "a", "text": "x", "document": [2]}'], 'line 1: "document" must be a string'),
    (['{"id": "a", "text": "x"}', '{"id": "a", "text": "y"}'],
     'line 2: id "a" is already used on line 1'),
    ([''], "no segments"),
])
def test_bad_input_says_which_line_and_exits_2(tmp_path, capsys, lines, message):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), "utf-8")
    assert main([str(path), "--out", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("option, content, message", [
    ("--questions", '{"text": "not a list"}', "expected a list"),
    ("--questions", '[{"number": "Q1"}]', 'item 1: "text"'),
    ("--questions", '[{"text": "Q"', "line 1: not valid JSON"),
    ("--codebook", '{"codes": 3}', "not a codebook"),
    ("--codebook", '{oops', "not valid JSON"),
])
def test_bad_questions_or_codebook_files_exit_2(tmp_path, capsys, option, content, message):
    segments, extra = tmp_path / "in.jsonl", tmp_path / "extra.json"
    segments.write_text('{"id": "s0", "text": "Housing after prison"}', "utf-8")
    extra.write_text(content, "utf-8")
    assert main([str(segments), option, str(extra), "--out", str(tmp_path / "o.json")]) == 2
    assert message in capsys.readouterr().err


def test_questions_may_be_a_plain_list_of_their_words(tmp_path):
    from analysis.core.themes.cli_input import read_questions

    plain, numbered = tmp_path / "plain.json", tmp_path / "numbered.json"
    plain.write_text('["Where did you sleep?", "Who helped?"]', "utf-8")
    numbered.write_text('[{"number": 4, "text": "Where did you sleep?"}]', "utf-8")
    assert [(q.id, q.number, q.text) for q in read_questions(plain)] == [
        (1, "1", "Where did you sleep?"), (2, "2", "Who helped?")]
    assert read_questions(numbered)[0].number == "4"


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere.jsonl"), "--out", str(tmp_path / "o.json")]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_lines_in_reading_order_are_told_from_the_same_lines_shuffled():
    # A made-up document: four subjects, each over several lines in a row.
    import numpy as np

    from analysis.core.themes.embed import normalise_rows
    from analysis.core.themes.reading_order import in_reading_order

    rng = np.random.default_rng(2)
    middles = rng.normal(size=(4, 32))
    ordered = normalise_rows(np.repeat(middles, 6, axis=0) + 0.6 * rng.normal(size=(24, 32)))
    assert in_reading_order(ordered)
    assert not in_reading_order(ordered[rng.permutation(24)])
    assert not in_reading_order(ordered[:5])  # too few lines to tell


def test_a_faint_order_in_a_long_file_is_not_read_as_a_document():
    # 2,000 comments sorted by where they came from: the order is certain (z far above 4)
    # but neighbours are barely more alike than any two, as with the NHS comments.
    import numpy as np

    from analysis.core.themes.embed import normalise_rows
    from analysis.core.themes.reading_order import in_reading_order

    rng = np.random.default_rng(3)
    services = rng.normal(size=(4, 32))
    faint = np.repeat(services, 500, axis=0) * 0.25 + rng.normal(size=(2000, 32))
    assert not in_reading_order(normalise_rows(faint))
    strong = np.repeat(services, 500, axis=0) * 0.6 + rng.normal(size=(2000, 32))
    assert in_reading_order(normalise_rows(strong))


def test_unmarked_lines_are_read_as_one_document_only_when_neighbours_are_alike(
        segments, embedder, cache, words):
    import random
    from dataclasses import replace

    from analysis.core.themes.cli import _as_one_document

    models = TextModels(embedder=embedder, cache=cache, words=words)
    # The forum fixture's ids follow its topics: in order, neighbouring lines are alike.
    lines = [replace(s, source_key="input") for s in segments]
    assert {s.source_key for s in _as_one_document(lines, models)} == {"document:1"}
    shuffled = random.Random(3).sample(lines, len(lines))
    shuffled = [replace(s, id=i + 1) for i, s in enumerate(shuffled)]
    assert {s.source_key for s in _as_one_document(shuffled, models)} == {"input"}
    grouped = lines[:-1] + [replace(lines[-1], source_key="group:Leeds")]
    assert _as_one_document(grouped, models) is grouped  # a line says where it is from
