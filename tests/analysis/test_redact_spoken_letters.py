"""Numbers said in words with letters outside English: read, never a crash."""
from __future__ import annotations

import pytest

from analysis.core.redact import find_personal_data


@pytest.mark.parametrize("text", [
    "my account number is s\u0131x s\u0131x seven f\u0131ve four",  # dotless i
    "my account number is \u017feven \u017feven one two three",  # long s
    "ring me on oh s\u0131x s\u0131x double seven",
])
def test_a_spoken_number_with_letters_outside_english_is_read_without_error(text):
    # Ignoring case, "\u0131" and "\u017f" match [a-z]: one such word once raised KeyError and
    # failed the whole redaction job.
    find_personal_data(text)


def test_a_spoken_account_number_is_still_found():
    found = find_personal_data("my account number is six six seven five four")
    assert [s.label for s in found] == ["ID number"]
