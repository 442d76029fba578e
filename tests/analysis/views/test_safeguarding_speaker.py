"""The safeguarding page says who said the words, with a link to the member's details: it gave
the turn's number and words only, and "Spoke to the member" asked which member."""
import re

from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def test_the_safeguarding_page_names_the_member_who_said_it(auth, uploaded):  # noqa: F811
    transcript, _dave, marcia = uploaded
    turn = transcript.turns[3]  # Marcia: "I thought about ending it"
    assert turn.held
    page = auth.client.get(
        f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding").get_data(as_text=True)
    said = re.search(r"Said by:</strong>(.*?)</p>", page, re.S)
    assert said, page
    assert marcia.pseudonym in said.group(1)
    assert f'href="/members/{marcia.id}"' in said.group(1)


def test_an_unmatched_speaker_is_named_by_their_label(auth, session_with_members):  # noqa: F811
    from forum.access import Role
    from forum.extensions import db
    from forum.models import Transcript
    from tests.analysis.views.test_transcripts import upload

    auth.login(Role.FACILITATOR)
    upload(auth, session_with_members[0], b"Zed: I thought about ending it, honestly.\n")
    transcript = db.session.scalar(db.select(Transcript))
    turn = transcript.turns[0]
    assert turn.held
    page = auth.client.get(
        f"/transcripts/{transcript.id}/turns/{turn.id}/safeguarding").get_data(as_text=True)
    said = re.search(r"Said by:</strong>(.*?)</p>", page, re.S)
    assert said and "Zed (not matched)" in said.group(1), page
