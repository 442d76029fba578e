"""A paragraph with no name before it joins the turn above (the same person still speaking),
and the facilitator is told where, instead of it joining silently."""
from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)

TEXT = ("Facilitator: What happened when you got out?\n\n"
        "Dave: They let me out on a Friday.\n\n"
        "Nobody was at the gate, not even probation.\n\n"
        "Marcia: Same for me.\n"
        "It was raining.\n")


def test_an_unlabelled_paragraph_is_kept_as_a_continuation_and_named(auth, session_with_members):
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], TEXT.encode())
    assert response.status_code == 302
    page = auth.client.get(response.headers["Location"]).data.decode()
    # Marcia's second line has no blank line before it: one paragraph, nothing to say.
    assert ("Turn 2 has a paragraph with no name before it (line 5). It was joined to the turn "
            "above it, as the same person still speaking") in page
    transcript = db.session.scalar(db.select(Transcript))
    assert [t.original_text for t in transcript.turns][1] == (
        "They let me out on a Friday.\nNobody was at the gate, not even probation.")
    shown = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert shown.count("Paragraph with no name joined to this turn") == 1
    assert "(line 5): check the same person said it" in shown
    # Its paragraphs are shown apart, so the facilitator sees where the joined one starts.
    assert '<p class="govuk-body">Nobody was at the gate, not even probation.</p>' in shown


def test_a_transcript_with_every_paragraph_named_says_nothing_of_it(auth, session_with_members):
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], b"Dave: Hello.\n\nMarcia: Hi.\n")
    page = auth.client.get(response.headers["Location"]).data.decode()
    assert "no name before it" not in page
