"""Issue #12 point 7: codebook patterns run in linear time (RE2) or are refused when saved."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core.patterns import PatternError, compile_pattern

ROOT = Path(__file__).resolve().parents[3]
# The pattern on a 34-character passage: with backtracking this takes hours.
CODE_A_PASSAGE = """
import time
from analysis.core.themes import Code, Codebook, SegmentInput, code_documents
from analysis.core.themes import SimpleWordAnalyser
book = Codebook((Code("Trap", "a pattern that backtracks", search_terms=("re:(a|a)+$",)),))
passages = [SegmentInput(1, "a" * 34 + "!", "m", None, "document:1"),
            SegmentInput(2, "a" * 34, "m", None, "document:1")]
started = time.time()
cells = code_documents(passages, book, words=SimpleWordAnalyser())
print(cells.cells[("document:1", "Trap")].passage_ids, round(time.time() - started, 2))
"""


def test_point7_a_backtracking_pattern_runs_in_linear_time():
    try:
        out = subprocess.run([sys.executable, "-c", CODE_A_PASSAGE], cwd=ROOT, capture_output=True,
                             text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("re:(a|a)+$ on 35 characters still ran after 60 s: the engine backtracks")
    assert out.returncode == 0, out.stderr[-2000:]
    ids, _seconds = out.stdout.rsplit(" ", 1)
    assert ids == "[2]", "only the passage that ends in a's matches"


@pytest.mark.parametrize("pattern, reason", [
    ("(?=housing)hous", "look-ahead and look-behind"),
    ("(?<!no )home", "look-ahead and look-behind"),
    (r"(\w+) \1", "back-reference"),
])
def test_point7_patterns_re2_cannot_run_are_refused_with_a_plain_message(pattern, reason):
    from analysis.services.codebook import search_term_errors

    with pytest.raises(PatternError, match=reason):
        compile_pattern(pattern)
    errors = search_term_errors([f"re:{pattern}"])
    assert len(errors) == 1 and reason in errors[0] and "rewrite the pattern" in errors[0]


def test_point7_patterns_ignore_case_and_give_character_offsets():
    pattern = compile_pattern(r"hous(e|ing)\b")
    text = "Café owners: HOUSING first, then a house."
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    assert [text[a:b] for a, b in spans] == ["HOUSING", "house"]


def test_word_characters_mean_letters_of_any_alphabet_as_in_python():
    from analysis.core.patterns import compile_pattern, unicode_words

    assert compile_pattern(r"caf\w+").search("the recovery café on Tuesdays").end() == 17
    assert compile_pattern(r"[\w-]+\s+day").search("a drop-in day").start() == 2
    assert compile_pattern(r"no\Wlonger").search("noélonger") is None
    assert unicode_words(r"a\\w") == r"a\\w"  # an escaped backslash, then a plain w


@pytest.mark.parametrize("text, spans", [
    ("un café, merci", [(3, 7)]),
    ("Café au lait, CAFÉ noir", [(0, 4), (14, 18)]),
    ("café café", [(0, 4), (5, 9)]),
    ("cafés et écafé", []),
])
def test_word_boundaries_treat_letters_of_any_alphabet_as_in_python(text, spans):
    pattern = compile_pattern(r"\bcafé\b")
    assert [(m.start(), m.end()) for m in pattern.finditer(text)] == spans
    assert len(pattern.findall(text)) == len(spans)
    assert (pattern.search(text) is None) == (not spans)


# Patterns whose every boundary sits beside a piece the pattern decides: all exact.
SAME_AS_PYTHON = [r"\bcafé\b", r"\bcaf\w*", r"\w+é\b", r"\Bé", r"é\B", r"\bnaïve|\bcafé",
                  r"(?:\bcafé|\bé)s?\b", r"é\b ", r"s\b-", r"\bé+", r"(é)\B(s)", r"hous(e|ing)\b",
                  r"\b[éa]+\b", r"-\B-"]


@given(text=st.text(alphabet="caféÉsnïv -'\n_1", max_size=30))
@settings(max_examples=300, deadline=None)
def test_boundaries_match_where_python_matches(text):
    for pattern in SAME_AS_PYTHON:
        ours = [(m.start(), m.end()) for m in compile_pattern(pattern).finditer(text)]
        assert ours == [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)], pattern


def test_boundaries_the_pattern_cannot_decide_stay_ascii():
    from analysis.core.word_bounds import word_bounds

    # Beside "." either kind of character may stand: RE2's own \b stays (the help says so).
    assert word_bounds(r"caf.\b") == (r"caf.\b", [])
    assert word_bounds(r"o\b ") == ("o ", [])  # always a boundary between a letter and a space
    assert word_bounds(r"\bhome|house") == (r"\bhome|house", [])  # not every match starts so
