"""Round twenty-three: names in frames that were missing: pets of more kinds ("the ferret,
Nibbles"), nicknames after "they call him the", a lower-case name before "my wee girl", at a
service ("kez at the foodbank") or going through a life event ("rhian is getting christened").

Tests named ``..._still_...`` passed before too: they check the new rules do not over-fire.
"""
from __future__ import annotations

import pytest

from .test_redact import found


@pytest.mark.parametrize("text, name", [
    ("the ferret, Nibbles, slept in my hood", "Nibbles"),
    ("my hamster biscuit was the only one who listened", "biscuit"),
    ("our budgie Kiwi outlived the marriage", "Kiwi"),
    ("they call him the Vicar cos he never swore", "Vicar"),
    ("everyone called her the Duchess on the wing", "Duchess"),
    ("caoimhe my wee girl is seven now", "caoimhe"),
    ("oisin my little lad draws me pictures", "oisin"),
    ("ffion at the foodbank always saves me a loaf", "ffion"),
    ("heledd is getting christened and i cant be there", "heledd"),
])
def test_names_in_pet_nickname_and_lower_case_frames(text, name, real_nlp):
    assert ("name", name) in found(text, real_nlp)


@pytest.mark.parametrize("text", [
    "bupe is getting harder to get on the out",
    "they called me the worst mother going",
    "the hostel is getting worse every month",
    "drink at the weekend was my downfall",
])
def test_words_in_the_same_frames_still_kept(text, real_nlp):
    assert not [s for s in found(text, real_nlp) if s[0] == "name"]
