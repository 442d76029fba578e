"""The home page names each role's main job and where to start it."""
import re

import pytest

from forum.access import Role


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("role, says, not_says", [
    # A peer researcher's home only said "See surveys": nothing said how to run one.
    (Role.PEER_RESEARCHER, "Run a survey on a tablet : open the survey, then “Run on this tablet”",
     "Upload a focus group"),
    # A facilitator's main job, the transcript, was not mentioned at all.
    (Role.FACILITATOR, "Upload a focus group’s transcript : open the focus group, then “Upload a "
     "transcript”", "draft the response"),
    (Role.POLICY_OFFICER, "See the themes in what members said and draft the response: open a "
     "consultation below", "Upload a focus group"),
])
def test_each_role_is_told_where_its_main_job_starts(auth, role, says, not_says):
    auth.login(role)
    text = _text(auth.client.get("/").data.decode())
    assert says in text and not_says not in text


def test_an_admin_is_told_where_to_stop_a_lost_tablet(auth):
    """The Tablets page, where only an admin can stop one, was linked from a survey's page only."""
    auth.login(Role.ADMIN)
    html = auth.client.get("/").data.decode()
    assert '<a class="govuk-link" href="/surveys/devices">Stop a lost tablet sending' in html
    auth.logout()
    auth.login(Role.FACILITATOR)
    assert "Stop a lost tablet" not in auth.client.get("/").data.decode()
