"""The session page marks a transcript with a safeguarding flag nobody has reviewed: it showed
'Needs review' like any other, so a disclosure of risk waited until someone opened it."""
from forum.access import Role
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401

TAG = "Safeguarding flag to review"


def test_an_unreviewed_flag_shows_on_the_session_page(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    assert any(turn.held for turn in transcript.turns)
    page = auth.client.get(f"/sessions/{transcript.session_id}").get_data(as_text=True)
    assert page.count(TAG) == 1
    turn = next(turn for turn in transcript.turns if turn.held)
    auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding",
                     data={"action": "review", "outcome": "spoke_to_member",
                           "note": "Spoke to them after the group."})
    page = auth.client.get(f"/sessions/{transcript.session_id}").get_data(as_text=True)
    assert TAG not in page


def test_policy_officers_do_not_see_the_flag_tag(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/sessions/{transcript.session_id}").get_data(as_text=True)
    assert transcript.filename in page and "Sign out" in page
    assert TAG not in page
