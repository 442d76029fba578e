"""Approving redactions sits apart from "Save decisions", after a heading saying what it does:
the two buttons were side by side at the foot of a very long page."""
import re
from pathlib import Path

import forum.demo
from forum.extensions import db
from forum.models import Segment, TranscriptStatus
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
    uploaded,
)


def test_approve_is_its_own_section_after_the_missed_words_form(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    save = page.index(">Save decisions</button>")
    missed = page.index("Take out something that was missed</h2>")
    heading = page.index('<h2 class="govuk-heading-m" id="approve">Approve the redactions</h2>')
    approve = re.search(r'<button[^>]*name="approve"[^>]*>Approve redactions</button>', page)
    assert approve and save < missed < heading < approve.start()
    # Outside the review form, yet it still sends the ticks above with it.
    assert 'form="review-form"' in approve.group(0)
    said = page[heading:approve.start()]
    assert "segments" in said and "saves your ticks first" in said


def test_approving_from_its_section_still_saves_the_ticks_and_approves(auth, uploaded):  # noqa: F811
    transcript, *_ = uploaded
    response = auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    assert response.status_code == 302
    db.session.refresh(transcript)
    assert transcript.status == TranscriptStatus.APPROVED
    assert db.session.scalar(db.select(db.func.count(Segment.id))) > 0


def test_turns_with_nothing_proposed_are_folded_and_every_decision_is_still_sent(
        auth, session_with_members):  # noqa: F811
    """The demo's second transcript was some 14,900 px tall at 768 wide: three columns, every
    turn twice. Runs of turns with nothing proposed now fold into one line each."""
    from forum.access import Role
    from forum.models import Transcript

    auth.login(Role.FACILITATOR)
    demo = Path(forum.demo.__file__).parent / "transcripts" / "community-sentences.vtt"
    upload(auth, session_with_members[0], demo.read_bytes(), "community-sentences.vtt")
    transcript = db.session.scalar(db.select(Transcript))
    page = auth.client.get(f"/transcripts/{transcript.id}/review").get_data(as_text=True)
    proposed = [t for t in transcript.turns if t.redactions]
    quiet = [t for t in transcript.turns if not t.redactions and not t.backchannel
             and t.original_text]
    assert proposed and quiet
    # Each turn with something proposed stands alone, open, with its choices.
    for turn in proposed:
        assert f'<li class="fv-review-turn" id="turn-{turn.index}">' in page
        for redaction in turn.redactions:
            assert f'<input type="hidden" name="seen" value="{redaction.id}">' in page
            assert f'id="keep-{redaction.id}" name="keep"' in page
    # Every quiet turn is on the page, inside a fold that is closed until opened.
    folds = re.findall(r'<details class="govuk-details fv-review-fold" id="turns-(\d+)"( open)?>',
                       page)
    assert folds and not any(opened for _, opened in folds)
    assert f"{len(quiet)} turns have nothing proposed to take out" in page
    for turn in quiet:
        assert f'class="fv-review-fold__turn" id="turn-{turn.index}"' in page
    assert "Turns 1 to 9: nothing proposed to take out" in page
    everything = auth.client.get(f"/transcripts/{transcript.id}/review?turns=all").get_data(
        as_text=True)
    assert re.findall(r'fv-review-fold" id="turns-\d+" open>', everything).__len__() == len(folds)
