"""Round twenty-four: a rehab or a detox is treatment, so a named one is a ``[hospital]``
whatever its name ends in ("Ashgrove Lodge", "Pinewood House"); a recovery house, a dry house
and supported housing stay ``[hostel]`` (where someone is housed). A town said straight after
a named place ("Hope Lodge in Ilkley") is where that place is: a ``[place]``, not its kind.

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, name", [
    ("did twelve weeks of rehab at Ashgrove Lodge and came out clean", "Ashgrove Lodge"),
    ("the detox at Pinewood House was the hardest week of my life", "Pinewood House"),
    ("Larchfield Lodge rehab kicked me out on day ten", "Larchfield Lodge"),
    ("my sister is in Kestrel Lodge for rehab now", "Kestrel Lodge"),
    ("they threw me out of Ashvale rehab after a week", "Ashvale"),
])
def test_a_named_rehab_or_detox_is_a_hospital(text, name, real_nlp):
    assert ("hospital", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, name", [
    ("after rehab i moved into Oakdene House, a dry house, no drink allowed", "Oakdene House"),
    ("the curfew at Mulberry Lodge was ten every night", "Mulberry Lodge"),
    ("I was housed at Cedar Lodge for six months", "Cedar Lodge"),
])
def test_a_hostel_is_still_a_hostel(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)


@pytest.mark.parametrize("text, town", [
    ("went to rehab at Ashgrove Lodge in Ilkley for twelve weeks", "Ilkley"),
    ("did my rehab at Brook House in Keswick, twelve weeks", "Keswick"),
])
def test_a_town_after_a_named_place_is_where_it_is(text, town, real_nlp):
    spans = found(text, real_nlp)
    assert ("place", town) in spans, spans


@pytest.mark.parametrize("text, name", [
    ("went to the Larches for my detox then into the Burrow", "Burrow"),
    ("did my detox at the Willows then moved into the Den for a year", "Den"),
])
def test_what_is_said_before_then_is_of_the_place_before_it(text, name, real_nlp):
    assert ("hostel", name) in found(text, real_nlp)
