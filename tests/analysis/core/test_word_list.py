"""One list-joiner for every sentence that names several things ("a, b and c"): the methods
paragraph's dates and placeholders, the transcript's joined turns, a memo's labels and the
upload page's file endings all used their own copy, and a memo with three labels said
"[name] and [place] and [prison]"."""
from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from analysis.core.word_list import word_list

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(("items", "last", "said"), [
    ([], "and", ""),
    (["a"], "and", "a"),
    (["a", "b"], "and", "a and b"),
    (["a", "b", "c"], "and", "a, b and c"),
    (["[name]", "[place]", "[prison]"], "or", "[name], [place] or [prison]"),
])
def test_word_list(items, last, said):
    assert word_list(items, last) == said


def test_the_methods_paragraph_joins_three_dates_and_three_placeholders():
    from exports.services.evidence import Evidence, methods_paragraph

    evidence = Evidence([], [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17)], 0, [])
    text = methods_paragraph(evidence, ("[name]", "[place]", "[prison]"))
    assert "(3 March 2026, 10 March 2026 and 17 March 2026)" in text
    assert "such as [name], [place] or [prison], stand in" in text


def test_a_memo_with_three_labels_names_them_in_one_list(app):
    from analysis.services.memos import Saved
    from analysis.views.theme_history import _saved

    with app.test_request_context():
        _saved(Saved(labels=["name", "place", "prison"], pending=False))
        from flask import get_flashed_messages

        (message,) = get_flashed_messages()
    assert "with [name], [place] and [prison] for words" in message


@pytest.mark.parametrize("path", ["exports/services/evidence.py", "analysis/views/transcripts.py",
                                  "analysis/core/transcripts/upload_names.py",
                                  "analysis/views/theme_history.py"])
def test_no_module_keeps_its_own_joiner(path):
    tree = ast.parse((ROOT / path).read_text())
    own = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
           and n.name in ("_and", "_date_list")]
    assert own == []
    assert any(isinstance(n, ast.ImportFrom) and n.module == "analysis.core.word_list"
               for n in ast.walk(tree))
