"""A person called by a shop's name in lower case ("costa said he'd sort me out") was kept:
the shop rule read it as no shop, and no rule read it as a person (review9, older leaks)."""
import pytest

from analysis.core.redact import apply_redactions, find_personal_data


def redacted(text: str) -> str:
    return apply_redactions(text, find_personal_data(text))


@pytest.mark.parametrize(("text", "hidden"), [
    ("costa said he'd sort me out", "[name] said he'd sort me out"),
    ("my pad mate boots was sound", "my pad mate [name] was sound"),
    ("my cellmate boots kept me going", "my cellmate [name] kept me going"),
    ("me n costa shared a cell", "me n [name] shared a cell"),
    ("told boots to leave it", "told [name] to leave it"),
])
def test_a_shop_name_said_of_a_person_is_hidden(text, hidden):
    assert redacted(text) == hidden


@pytest.mark.parametrize("text", [
    "i go to greggs and costa for breakfast",
    "I got a meal deal from boots",
    "costa wouldnt take me on",
    "went to boots with my prescription",
])
def test_the_shop_said_as_a_shop_is_kept(text):
    assert redacted(text) == text
