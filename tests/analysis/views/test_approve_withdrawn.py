"""Approving a transcript with turns of a member who has withdrawn says what becomes of them:
segments are made, and the one consent rule keeps them out of analysis, quotes and exports."""
import re

from forum.extensions import db
from forum.models import Segment
from forum.services.members import withdraw_consent
from forum.services.segments import quotable_segments, usable_segments
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    uploaded,
)


def test_approving_says_what_happens_to_a_withdrawn_members_turns(auth, uploaded):  # noqa: F811
    transcript, dave, _marcia = uploaded
    withdraw_consent(dave, None)
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    approve = page[page.index('id="approve"'):]
    assert (f"{dave.pseudonym} has withdrawn consent: their 2 turns will be kept out of "
            "analysis, search, quotes and exports") in approve
    page = auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"},
                            follow_redirects=True).get_data(as_text=True)
    theirs = db.session.scalar(db.select(db.func.count(Segment.id))
                               .where(Segment.member_id == dave.id))
    assert theirs >= 2
    assert (f"{theirs} of them are {dave.pseudonym}&#39;s, who has withdrawn consent: they are "
            "kept out of analysis, search, quotes and exports unless new consent is "
            "recorded.") in page
    consultation_id = transcript.session.consultation_id
    assert all(s.member_id != dave.id for s in usable_segments(consultation_id))
    assert all(s.member_id != dave.id for s in quotable_segments(consultation_id))


def test_approving_with_every_member_taking_part_says_nothing_of_it(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    page = auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"},
                            follow_redirects=True).get_data(as_text=True)
    assert "Redactions approved:" in page and "withdrawn" not in page
    # In plain words: "segments made" was jargon.
    assert re.search(r"Redactions approved: \d+ passages ready for analysis\.", page)


def test_the_transcript_page_marks_the_turns_of_a_withdrawn_member(auth, uploaded):  # noqa: F811
    """Their words showed like anyone's, as if analysed."""
    transcript, dave, _marcia = uploaded
    page = auth.client.get(f"/transcripts/{transcript.id}").get_data(as_text=True)
    assert "not analysed or quoted" not in page
    withdraw_consent(dave, None)
    page = auth.client.get(f"/transcripts/{transcript.id}").get_data(as_text=True)
    assert page.count("(withdrawn: not analysed or quoted)") == 2
