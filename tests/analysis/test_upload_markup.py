"""The markup check of uploaded text reads each character a bounded number of times: a comment
or CDATA section opened over and over and never closed ("<!-- " repeated) made the old pattern
search the rest of the text from every opening, so a 20 MB upload would have run for days."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core.transcripts.upload_names import is_markup, markup_spans

# The pattern the check used before: the spans it found are the ones still counted.
OLD = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?/]?[A-Za-z][^<>]*>",
                 re.IGNORECASE | re.DOTALL)
SIZE = 2_000_000


class Counted(str):
    """A text that counts the characters its searches pass over."""

    read = 0

    def find(self, sub, start=0, end=None):
        found = str.find(self, sub, start, len(self) if end is None else end)
        Counted.read += (len(self) if found == -1 else found + len(sub)) - start
        return found


def _spans(text):
    return [(m.start(), m.end()) for m in OLD.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", "<![CDATA[", "<![cdata[", "]]>", "<", ">",
                                 "!", "?", "/", "-", "a", "B", " ", "\n", "[", "]", "<p>",
                                 "</svg >", "<!doctype html>", "<?xml ?>", "words"]),
                max_size=30).map("".join))
def test_the_spans_are_the_old_patterns(text):
    assert list(markup_spans(text)) == _spans(text)


def _reads(text):
    Counted.read = 0
    spans = list(markup_spans(Counted(text)))
    return spans, Counted.read


def test_comments_never_closed_are_read_through_once():
    text = "<!-- " * (SIZE // 5)
    spans, read = _reads(text)
    assert spans == [] and read <= 3 * len(text)
    spans, read = _reads(text + "-->")
    assert spans == [(0, len(text) + 3)] and read <= 3 * len(text)
    assert not is_markup(text)


def test_cdata_never_closed_is_read_through_once():
    text = "<![CDATA[" * (SIZE // 9)
    spans, read = _reads(text)
    assert spans == [] and read <= 3 * len(text)
    mixed = "<![CDATA[ <!-- <p " * (SIZE // 18)
    spans, read = _reads(mixed)
    assert spans == [] and read <= 3 * len(mixed)
    assert not is_markup(text) and not is_markup(mixed)


def test_a_large_web_page_is_still_markup():
    page = "<html><body>" + "<p class='x'>a</p>\n" * (SIZE // 20) + "</body></html>"
    assert is_markup(page)
    assert is_markup(page.replace("<html>", "Notes ", 1).replace("</html>", ""))
