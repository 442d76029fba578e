"""Changes to an approved (or re-opened) transcript that did not reach its segments.

Ticking a redaction on an approved transcript and pressing "Save decisions" changed the
turn's redacted text but left the transcript approved and its segments holding the words; a
speaker made an observer while the transcript waited to be approved again kept their words
in analysis, under the member, until someone approved it. Words redacted after approval
stayed in the names and keywords a run had given the themes from them."""
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


def test_words_redacted_after_approval_leave_the_theme_names(auth, uploaded):  # noqa: F811
    from analysis.models import Theme, ThemeSegment

    transcript, _dave, _marcia = uploaded
    hartley = _hartley(transcript)
    auth.client.post(f"/transcripts/{transcript.id}/review",
                     data={"seen": [str(hartley.id)], "approve": "1"})
    segments = {s.id: s for s in db.session.scalars(db.select(Segment))}
    said = next(s for s in segments.values() if "Somewhere" in s.text)
    named = next(s for s in segments.values() if "Hartley" in s.text)
    # Named by a run from the words before a person redacted them.
    first = Theme(consultation_id=said.consultation_id, label="Somewhere to live first",
                  keywords=["somewhere to live", "housing"], broader="Somewhere safe")
    second = Theme(consultation_id=said.consultation_id, label="Probation officer Hartley",
                   keywords=["hartley", "probation"])
    db.session.add_all([first, second])
    db.session.flush()
    db.session.add_all([ThemeSegment(theme_id=first.id, segment_id=said.id),
                        ThemeSegment(theme_id=second.id, segment_id=named.id)])
    db.session.commit()
    page = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": said.turn.index, "words": "Somewhere", "label": "place", "everywhere": "y"},
        follow_redirects=True).get_data(as_text=True)
    assert "name or keywords held the words" in page  # the person is told
    # Ticked and saved (not approved): the name is taken out of the theme too.
    auth.client.post(f"/transcripts/{transcript.id}/review", data={
        "seen": [str(hartley.id)], "keep": [str(hartley.id)], "save": "1"})
    db.session.expire_all()
    themes = db.session.scalars(db.select(Theme).order_by(Theme.id)).all()
    shown = [[t.label, t.broader or "", *t.keywords] for t in themes]
    assert not any("somewhere" in text.lower() or "hartley" in text.lower()
                   for texts in shown for text in texts), shown
    assert themes[0].label == "[place] to live first" and themes[0].keywords == ["housing"]
    assert themes[1].label == "Probation officer [name]", themes[1].label


def test_a_quote_whose_words_were_redacted_leaves_the_draft_versions(auth, users,
                                                                    uploaded):  # noqa: F811
    from exports.models import Draft, DraftQuote, DraftSection, DraftVersion
    from exports.services.editing import record_version, restore_version
    from forum.access import Role

    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    said = next(s for s in db.session.scalars(db.select(Segment)) if "Somewhere" in s.text)
    draft = Draft(consultation_id=said.consultation_id, title="Response")
    draft.sections.append(DraftSection(question_id=transcript.session.consultation.questions[0].id))
    db.session.add(draft)
    db.session.flush()
    db.session.add(DraftQuote(section_id=draft.sections[0].id, segment_id=said.id, position=0,
                              text=said.text))
    record_version(draft, users[Role.POLICY_OFFICER], "Saved")
    auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": said.turn.index, "words": "Somewhere", "label": "place", "everywhere": ""})
    db.session.expire_all()
    versions = db.session.scalars(db.select(DraftVersion)).all()
    assert not any("Somewhere" in str(v.snapshot) for v in versions)
    # Approved again, the turn's new segment may take the deleted one's number (SQLite).
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    draft = db.session.get(Draft, draft.id)
    restore_version(draft, versions[0], users[Role.POLICY_OFFICER], draft.revision)
    db.session.commit()
    assert not any("Somewhere" in q.text for q in db.session.scalars(db.select(DraftQuote)))
