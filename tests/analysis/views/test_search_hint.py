"""The search field's hint is one short plain line; the syntax sits in "How to search"."""
from __future__ import annotations

import re
from html import unescape

from forum.access import Role


def test_the_hint_is_one_short_line_and_the_syntax_is_folded_away(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search").get_data(as_text=True)
    hint = unescape(re.search(r'id="q-hint"[^>]*>(.*?)</div>', html, re.DOTALL).group(1)).strip()
    # It was 4 lines of syntax at 768 wide (57 words); now a line anyone reads.
    assert len(hint.split()) <= 12 and "*" not in hint, hint
    details = re.search(r'<details class="govuk-details"[^>]*>(.*?)</details>', html,
                        re.DOTALL).group(1)
    text = unescape(re.sub(r"<[^>]+>", " ", details))
    assert "How to search" in text
    for example in ('"missed appointment"', "hous*", '"hous* first"', "breached"):
        assert example in text, example
