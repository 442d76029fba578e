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


def test_the_session_page_reads_the_turns_of_all_its_transcripts_in_one_query(auth, uploaded):  # noqa: F811
    # It read every turn of every transcript to find one unreviewed flag: a query per
    # transcript, each as long as the transcript, on a page that shows none of them.
    from sqlalchemy import event

    from forum.extensions import db
    from tests.analysis.views.test_transcripts import TRANSCRIPT, upload

    transcript, *_ = uploaded
    for name in ("second", "third"):  # not the same file twice, which asks first
        text = TRANSCRIPT + f"[00:02:00] Marcia: That was the {name} time I got out.\n"
        assert upload(auth, transcript.session, text.encode(), f"{name}.txt").status_code == 302
    statements = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        page = auth.client.get(f"/sessions/{transcript.session_id}").get_data(as_text=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert page.count(TAG) == 3
    assert len([s for s in statements if "transcript_turns" in s]) == 1, statements
