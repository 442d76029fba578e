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
    assert _option(page, marcia) == f"{marcia.pseudonym} (withdrawn)"
    assert _option(page, dave) == dave.pseudonym


def test_mapping_a_speaker_to_a_withdrawn_member_after_approval_says_what_it_means(
        auth, uploaded):  # noqa: F811
    """It said only 'Speakers saved.', and the speaker's words left analysis without a word."""
    transcript, dave, marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    withdraw_consent(marcia, None)
    db.session.commit()
    choices = {"Dave": f"member-{marcia.id}", "Marcia": f"member-{marcia.id}",
               "Facilitator": "facilitator", "Observer": "observer"}
    page = auth.client.post(
        f"/transcripts/{transcript.id}/speakers", follow_redirects=True,
        data={f"speaker-{s.id}": choices[s.label] for s in transcript.speakers}
    ).get_data(as_text=True)
    notice = (f"{marcia.pseudonym} has withdrawn consent: the 2 turns you matched "
              "to them here are kept out of analysis, search, quotes and exports unless new "
              "consent is recorded.")
    assert notice in page.replace("&#39;", "'")
    # A warning, not the green success banner "Speakers saved." is in.
    banners = re.split(r'<div class="govuk-notification-banner(?=[ "])', page)[1:]
    holding = [b for b in banners if notice in b.replace("&#39;", "'")]
    assert len(holding) == 1 and "--success" not in holding[0].split(">")[0]
    assert any("Speakers saved." in b and "--success" in b.split(">")[0] for b in banners)


def test_mapping_speakers_to_members_who_take_part_says_only_saved(auth, uploaded):  # noqa: F811
    transcript, dave, marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    choices = {"Dave": f"member-{marcia.id}", "Marcia": f"member-{dave.id}",
               "Facilitator": "facilitator", "Observer": "observer"}
    page = auth.client.post(
        f"/transcripts/{transcript.id}/speakers", follow_redirects=True,
        data={f"speaker-{s.id}": choices[s.label] for s in transcript.speakers}
    ).get_data(as_text=True)
    assert "Speakers saved." in page and "withdrawn" not in page
