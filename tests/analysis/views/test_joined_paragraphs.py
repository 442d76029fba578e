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


def _said(sentence, size):
    return " ".join([sentence] * (size // (len(sentence) + 1)))


# A long turn whose joined paragraph starts where it is cut to a readable size (long_turns).
FIRST = _said("They let me out on a Friday with nothing sorted.", 1000)
JOINED = _said("Nobody was at the gate and the hostel was full.", 800)
LONG = (f"Facilitator: What happened when you got out?\n\nDave: {FIRST}\n\n{JOINED}\n\n"
        "Marcia: Same for me.\n")


def test_a_joined_paragraph_where_a_long_turn_is_cut_keeps_its_mark(auth,
                                                                    session_with_members):
    """Cut there, neither piece held the line break the mark was found by: the mark was lost,
    and the review page never marked such turns."""
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], LONG.encode())
    assert response.status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    assert [t.original_text for t in transcript.turns][1:3] == [FIRST, JOINED]
    page = auth.client.get(response.headers["Location"]).data.decode()
    assert "Turn 3 has a paragraph with no name before it (line 5)" in page
    shown = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert shown.count("Paragraph with no name joined to this turn") == 1
    assert shown.index("Paragraph with no name joined") > shown.index('id="turn-3"')
    review = auth.client.get(f"/transcripts/{transcript.id}/review").data.decode()
    assert review.count("Paragraph with no name joined to this turn (line 5)") == 1
    assert review.index("Paragraph with no name joined") > review.index('id="turn-3"')


def test_the_review_page_marks_a_joined_paragraph(auth, session_with_members):
    auth.login(Role.FACILITATOR)
    upload(auth, session_with_members[0], TEXT.encode())
    transcript = db.session.scalar(db.select(Transcript))
    review = auth.client.get(f"/transcripts/{transcript.id}/review").data.decode()
    assert review.count("Paragraph with no name joined to this turn (line 5)") == 1
