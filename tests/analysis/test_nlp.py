"""Model loading: offline, cached, and loudly degraded when the model is missing."""
from __future__ import annotations

import pytest

from analysis.core.nlp import DegradedNameDetectionWarning, load_nlp
from analysis.core.redact import find_personal_data


def test_missing_model_falls_back_to_blank_with_a_loud_warning():
    with pytest.warns(DegradedNameDetectionWarning, match="NAME DETECTION IS DEGRADED"):
        nlp = load_nlp("no_such_model_xyz")
    assert nlp.pipe_names == []
    # Rules and the name list still work without the model.
    spans = find_personal_data("Ring Dr Okafor on 07700 900123.", nlp=nlp)
    assert [(s.label, s.text) for s in spans] == [("name", "Dr Okafor"), ("phone", "07700 900123")]


@pytest.mark.slow
def test_default_model_loads_once_via_the_offline_package(real_nlp):
    assert load_nlp() is real_nlp
    assert "ner" in real_nlp.pipe_names
