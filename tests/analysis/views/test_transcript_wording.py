"""The transcript pages' words for what was found and who is speaking: counts in the singular
when there is one, and what a turn with no speaker's name in the file means."""
import html
import re

from forum.extensions import db
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
    uploaded,
)


def test_the_count_of_what_was_found_says_personal_details_not_places(auth, uploaded):  # noqa: F811
    """'6 places were found' above two names, a phone number, two streets and a prison read as
    six towns; [place] is one of the kinds taken out."""
    transcript, *_ = uploaded
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    found = re.search(r"(\d+) personal details? (?:was|were) found\.", page)
    assert found and int(found.group(1)) == sum(len(t.redactions) for t in transcript.turns)
    assert "places were found" not in page and "place was found" not in page


def test_one_unmatched_turn_is_one_turn(auth, session_with_members):  # noqa: F811
    """A transcript page said '1 turns are from speakers not matched to a member'."""
    from forum.access import Role
    from forum.models import Transcript

    session, dave, _marcia = session_with_members
    auth.login(Role.FACILITATOR)
    upload(auth, session,
           b"Dave: I slept in the park.\nZed: The council said I was not a priority.\n")
    transcript = db.session.scalar(db.select(Transcript))
    form = {f"speaker-{s.id}": f"member-{dave.id}" if s.label == "Dave" else "unmatched"
            for s in transcript.speakers}
    auth.client.post(f"/transcripts/{transcript.id}/speakers", data=form)
    page = auth.client.get(f"/transcripts/{transcript.id}").get_data(as_text=True)
    assert "1 turn is from a speaker not matched to a member, so it is left out of analysis." \
        in page
    assert "1 turns" not in page


def test_turns_with_no_name_in_the_file_say_they_count_as_one_speaker(
        auth, session_with_members):  # noqa: F811
    """A Zoom .srt with no names made one 'Unlabelled' speaker of every turn, the facilitator's
    questions too, with nothing saying so: matched to a member, all of it became theirs."""
    from forum.access import Role
    from forum.models import Transcript

    session, *_ = session_with_members
    auth.login(Role.FACILITATOR)
    srt = (b"1\n00:00:01,000 --> 00:00:04,000\nWhat helped when you got out?\n\n"
           b"2\n00:00:05,000 --> 00:00:09,000\nProbation were no help at all.\n")
    assert upload(auth, session, srt, "group.srt").status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    [speaker] = transcript.speakers
    page = auth.client.get(f"/transcripts/{transcript.id}/speakers").get_data(as_text=True)
    hint = f'id="speaker-{speaker.id}-unlabelled"'
    assert hint in page and f'aria-describedby="speaker-{speaker.id}-unlabelled"' in page
    said = html.unescape(page[page.index(hint):page.index("</div>", page.index(hint))])
    assert "no speaker\u2019s name in the file" in said and "upload it again" in said


def test_one_turn_with_no_name_is_one_turn_and_may_be_a_title(
        auth, session_with_members):  # noqa: F811
    """A Word file's title line was the one 'Unlabelled' turn, and the hint said 'These turns'."""
    from forum.access import Role
    from forum.models import Transcript

    session, *_ = session_with_members
    auth.login(Role.FACILITATOR)
    upload(auth, session, b"Focus group on Tuesday\n\nDave: I slept in the park for a week.\n")
    transcript = db.session.scalar(db.select(Transcript))
    [speaker] = [s for s in transcript.speakers if s.label == "Unlabelled"]
    page = auth.client.get(f"/transcripts/{transcript.id}/speakers").get_data(as_text=True)
    hint = f'id="speaker-{speaker.id}-unlabelled"'
    said = html.unescape(page[page.index(hint):page.index("</div>", page.index(hint))])
    assert "This turn has no speaker\u2019s name in the file" in said and "title" in said
    assert "These turns" not in said


def _keep_only(transcript, kept: int) -> None:
    """Leave ``kept`` of the check's proposals on the transcript, as if it had found only those."""
    proposals = [r for turn in transcript.turns for r in turn.redactions]
    for turn in transcript.turns:
        turn.redactions[:] = [r for r in turn.redactions if r in proposals[:kept]]
    db.session.commit()


def test_nothing_found_says_so_and_asks_for_every_turn_to_be_read(auth, uploaded):  # noqa: F811
    """With nothing found the page said '0 personal details were found. Each one is taken out
    unless you untick it', and folded every turn away: the check can miss things, so the
    facilitator is told to read the turns, and they are shown open."""
    transcript, *_ = uploaded
    _keep_only(transcript, 0)
    page = html.unescape(
        auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True))
    assert "0 personal details" not in page and "Each one" not in page
    assert "No personal details were found." in page
    assert "read every turn below before you approve" in page
    assert "between the others" not in page
    assert '<details class="govuk-details fv-review-fold" id="turns-1" open>' in page


def test_one_found_is_not_each_one(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    _keep_only(transcript, 1)
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    assert "1 personal detail was found. It is taken out unless you untick it." in page
    assert "Each one" not in page


def test_the_transcript_page_says_it_is_a_transcript_and_from_which_focus_group(
        auth, uploaded):  # noqa: F811
    """Its heading was only the file's name, "group.txt"."""
    transcript, *_ = uploaded
    page = auth.client.get(f"/transcripts/{transcript.id}").get_data(as_text=True)
    session = transcript.session
    assert '<h1 class="govuk-heading-l govuk-!-margin-bottom-2">Transcript: group.txt</h1>' in page
    assert re.search(r"<title[^>]*>\s*Transcript: group.txt", page)
    held = session.held_on.strftime("%-d %B %Y")
    assert re.search(rf'From the focus group <a class="govuk-link" href="/sessions/{session.id}">'
                     rf'{session.title}</a>, held {held}', page)
