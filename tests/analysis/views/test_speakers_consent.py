"""Matching a speaker to a member who has withdrawn (or does not take part) says so in the list,
as the session's attendance list does: 'Member 2' looked like any other member, and their
words then silently stayed out of the analysis."""
import re

from forum.extensions import db
from forum.services.members import withdraw_consent
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _option(page, member):
    found = re.search(rf'<option value="member-{member.id}"[^>]*>([^<]*)</option>', page)
    assert found, page
    return found.group(1)


def test_a_withdrawn_member_is_marked_in_the_speaker_list(auth, uploaded):  # noqa: F811
    transcript, dave, marcia = uploaded
    withdraw_consent(marcia, None)
    db.session.commit()
    page = auth.client.get(f"/transcripts/{transcript.id}/speakers").get_data(as_text=True)
    assert _option(page, marcia) == f"{marcia.pseudonym} (does not take part)"
    assert _option(page, dave) == dave.pseudonym
