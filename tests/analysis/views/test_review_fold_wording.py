"""One quiet turn on the review page is 'it', not 'they ... into groups': the page said '1 turn
has nothing proposed to take out: they are folded into groups between the others'."""
from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import session_with_members, upload  # noqa: F401


def test_one_quiet_turn_is_folded_in_the_singular(auth, session_with_members):  # noqa: F811
    auth.login(Role.FACILITATOR)
    upload(auth, session_with_members[0],
           b"Dave: Ring me on 07700 900123 about the room.\n"
           b"Zed: The council said I was not a priority.\n")
    transcript = db.session.scalar(db.select(Transcript))
    assert [bool(t.redactions) for t in transcript.turns] == [True, False]
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    assert "1 turn has nothing proposed to take out: it is folded away between the others." \
        in page
    assert "they are folded" not in page
