"""Changes to an approved (or re-opened) transcript that did not reach its segments.

Ticking a redaction on an approved transcript and pressing "Save decisions" changed the
turn's redacted text but left the transcript approved and its segments holding the words; a
speaker made an observer while the transcript waited to be approved again kept their words
in analysis, under the member, until someone approved it."""
from forum.extensions import db
from forum.models import RedactionStatus, Segment, SpeakerRole, TranscriptStatus
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _texts():
    db.session.expire_all()
    return list(db.session.scalars(db.select(Segment.text)))


def _hartley(transcript):
    return next(r for t in transcript.turns for r in t.redactions
                if "Hartley" in (t.original_text or "")[r.start:r.end])


def test_a_redaction_ticked_and_saved_on_an_approved_transcript_leaves_the_segments(
        auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    hartley = _hartley(transcript)
    # Left unticked at approval: the name is in a segment.
    auth.client.post(f"/transcripts/{transcript.id}/review",
                     data={"seen": [str(hartley.id)], "approve": "1"})
    assert any("Hartley" in text for text in _texts())
    # Someone sees the mistake and ticks it, saving without approving.
    response = auth.client.post(f"/transcripts/{transcript.id}/review", data={
        "seen": [str(hartley.id)], "keep": [str(hartley.id)], "save": "1"})
    assert response.status_code == 302
    db.session.refresh(hartley)
    assert hartley.status == RedactionStatus.ACCEPTED
    texts = _texts()
    assert not any("Hartley" in text for text in texts), texts
    assert any("station" in text for text in texts), "an unchanged turn left analysis"
    db.session.refresh(transcript)
    assert transcript.status == TranscriptStatus.NEEDS_REVIEW  # changed text needs approving


def test_a_speaker_made_observer_while_reopened_leaves_analysis(auth, uploaded):  # noqa: F811
    transcript, dave, marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    turn = next(t for t in transcript.turns if "Somewhere" in (t.original_text or ""))
    auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": "Somewhere", "label": "place", "everywhere": ""})
    db.session.refresh(transcript)
    assert transcript.status == TranscriptStatus.NEEDS_REVIEW
    assert any("forty-six quid" in text for text in _texts())
    form = {f"speaker-{s.id}": {"Dave": SpeakerRole.OBSERVER.value,
                                "Marcia": f"member-{marcia.id}",
                                "Facilitator": "facilitator", "Observer": "observer"}[s.label]
            for s in transcript.speakers}
    assert auth.client.post(f"/transcripts/{transcript.id}/speakers", data=form).status_code == 302
    db.session.expire_all()
    assert not db.session.scalars(db.select(Segment).where(Segment.member_id == dave.id)).all()
    assert not any("forty-six quid" in text for text in _texts())
    assert any("station" in text for text in _texts()), "Marcia's words left analysis"


def test_what_went_is_escaped_in_the_warning_list(auth, users, uploaded):  # noqa: F811
    from analysis.models import Theme, ThemeSegment
    from analysis.models.themes import BY_PERSON

    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    segment = next(s for s in db.session.scalars(db.select(Segment)) if "Somewhere" in s.text)
    theme = Theme(consultation_id=segment.consultation_id, label="<script>alert(1)</script>")
    db.session.add(theme)
    db.session.flush()
    db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment.id, placed_by=BY_PERSON))
    db.session.commit()
    page = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": segment.turn.index, "words": "Somewhere", "label": "place", "everywhere": ""},
        follow_redirects=True).get_data(as_text=True)
    assert "1 segment people placed in a theme" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
