"""A codebook name labels a theme only where its segments say the code's own words
(issue #11: a label that names the wrong subject is worse than none)."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.core.themes import SimpleWordAnalyser, load_codebook
from analysis.core.themes.code_fit import MIN_TERM_SHARE, confirm_codes, term_hits, term_shares
from analysis.core.themes.guide import CodeVectors
from analysis.core.themes.schema import ThemeDraft

CODEBOOK = load_codebook()
NAMES = CODEBOOK.names()
HOUSING = NAMES.index("Housing and homelessness")
RELEASE = NAMES.index("Short prison sentences and release (through the gate)")
DRUGS = NAMES.index("Drugs, alcohol and recovery")
# One orthogonal anchor per code, so a theme's nearest code is the axis its vectors lie on.
CODES = CodeVectors(CODEBOOK, np.eye(len(NAMES), dtype=np.float32),
                    np.arange(len(NAMES)))

# The demo's Housing First talk: it sits near "release" in meaning (they are all out of
# prison) but what they say is housing; on main it was labelled "Short prison sentences and
# release (through the gate)".
HOUSING_FIRST = [
    "Housing First gave me my own flat and the keys the day I got out.",
    "With Housing First nobody asks you to be clean before you get a tenancy.",
    "The hostel was full of spice, my own flat is the first place I felt safe.",
    "They found me a flat, then the support came to me, not the other way round.",
    "I have kept my tenancy for two years now.",
    "The council said I was intentionally homeless because I went to prison.",
]
RECOVERY = [
    "My methadone script was waiting at the chemist the day after release.",
    "The recovery café kept me off the drink.",
    "I relapsed because detox had a six month waiting list.",
    "Rehab was the only thing that worked for me.",
    "My worker at the drug service rang me every week.",
]


def _hits(texts):
    return term_hits(texts, CODEBOOK, SimpleWordAnalyser())


def _vectors(axis, n):
    return np.tile(np.eye(len(NAMES), dtype=np.float32)[axis], (n, 1))


def test_term_shares_count_segments_saying_a_codes_words():
    shares = term_shares(range(len(HOUSING_FIRST)), _hits(HOUSING_FIRST))
    assert shares[HOUSING] >= MIN_TERM_SHARE
    assert shares[HOUSING] > shares[RELEASE]


def test_a_code_name_the_segments_do_not_say_is_taken_off():
    """The demo's Housing First cluster lost its wrong name "Short prison sentences ..."."""
    name = NAMES[RELEASE]
    suggested = ThemeDraft(0, list(range(6)), None, True, label=name, suggested=name,
                           hint_words=frozenset({"release"}))
    fitted = ThemeDraft(1, list(range(6)), name, False, label=name)
    confirm_codes([suggested, fitted], _hits(HOUSING_FIRST), _vectors(RELEASE, 6), CODES)
    assert suggested.suggested is None and suggested.label is None
    assert not suggested.hint_words
    assert fitted.code is None and fitted.is_new and fitted.label is None


def test_a_code_its_segments_say_stays():
    name = NAMES[HOUSING]
    draft = ThemeDraft(0, list(range(6)), name, False, label=name)
    confirm_codes([draft], _hits(HOUSING_FIRST), _vectors(HOUSING, 6), CODES)
    assert draft.code == name and draft.label == name


def test_a_theme_nearest_a_code_whose_words_it_says_is_offered_the_name():
    """The demo's methadone and recovery talk was "Mixed comments (2)"."""
    texts = HOUSING_FIRST + RECOVERY
    housing = ThemeDraft(0, list(range(6)), NAMES[HOUSING], False, label=NAMES[HOUSING])
    recovery = ThemeDraft(1, list(range(6, 11)), None, True)
    vectors = np.vstack([_vectors(HOUSING, 6), _vectors(DRUGS, 5)])
    confirm_codes([housing, recovery], _hits(texts), vectors, CODES)
    assert recovery.suggested == recovery.label == NAMES[DRUGS]
    assert recovery.code is None  # only suggested: the page says so


@pytest.mark.parametrize("axis", [HOUSING, RELEASE])
def test_no_name_where_meaning_and_words_disagree_or_the_code_is_taken(axis):
    texts = HOUSING_FIRST + HOUSING_FIRST
    first = ThemeDraft(0, list(range(6)), NAMES[HOUSING], False, label=NAMES[HOUSING])
    second = ThemeDraft(1, list(range(6, 12)), None, True)
    vectors = np.vstack([_vectors(HOUSING, 6), _vectors(axis, 6)])
    confirm_codes([first, second], _hits(texts), vectors, CODES)
    # Nearest housing: housing is taken. Nearest release: its segments say housing.
    assert second.suggested is None and second.label is None
