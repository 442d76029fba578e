"""The change-password page's error summary lists its errors in the fields' order."""
from __future__ import annotations

import re

from forum.access import Role


def test_the_error_summary_follows_the_fields(auth):
    auth.login(Role.FACILITATOR)
    html = auth.client.post("/account/password", data={"current": "", "password": "",
                                                       "confirm": ""}).get_data(as_text=True)
    summary = html[html.index("govuk-error-summary"):html.index("<form method=\"post\" novalidate")]
    links = re.findall(r'href="#([\w-]+)"', summary)
    # GOV.UK: the summary's links in the order the fields are on the page.
    assert links == ["current", "password", "confirm"]
    fields = re.findall(r'<input[^>]*id="(current|password|confirm)"', html)
    assert fields == links
