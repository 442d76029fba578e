"""A memo typed after a word was redacted could quote the word again ("Dave said Somewhere was
the worst"): the memo kept what redaction took out of the member's words. On saving, those words
become their label, by the rule used when words are redacted after approval, and the person is
told."""
from analysis.models import SegmentMemo, Theme, ThemeSegment
from forum.extensions import db
from forum.models import Segment
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _redacted_segment(auth, transcript):
    turn = next(t for t in transcript.turns if "Somewhere" in (t.original_text or ""))
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": "Somewhere", "label": "place", "everywhere": "y"})
    assert response.status_code == 302
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    db.session.expire_all()
    return next(s for s in db.session.scalars(db.select(Segment)) if "[place]" in s.text)


def _told(auth) -> str:
    with auth.client.session_transaction() as session:
        return session.get("_flashes", [])[-1][1]  # the memo's; earlier pages were not shown


def test_a_segment_memo_loses_a_word_redacted_from_the_members_words(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    auth.client.post(f"/consultations/{segment.consultation_id}/segments/{segment.id}/memo",
                     data={"memo": "Dave said Somewhere was the worst. Ask about Somewhere."})
    assert db.session.get(SegmentMemo, segment.id).text == (
        "Dave said [place] was the worst. Ask about [place].")
    told = _told(auth)
    assert "Memo saved" in told and "[place]" in told, told


def test_a_theme_memo_loses_a_word_redacted_from_its_segments(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    theme = Theme(consultation_id=segment.consultation_id, label="Hostels")
    db.session.add(theme)
    db.session.flush()
    db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment.id))
    db.session.commit()
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": "Somewhere again."})
    assert db.session.get(Theme, theme.id).memo == "[place] again."
    assert "[place]" in _told(auth)


def test_a_memo_without_redacted_words_is_kept_as_typed(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    auth.client.post(f"/consultations/{segment.consultation_id}/segments/{segment.id}/memo",
                     data={"memo": "Check with the housing team."})
    assert db.session.get(SegmentMemo, segment.id).text == "Check with the housing team."
    assert _told(auth) == "Memo saved. Only staff see it; it is never exported."


def test_a_memo_on_another_members_words_loses_a_word_redacted_in_the_consultation(
        auth, uploaded):  # noqa: F811
    # Redaction after approval scrubs every memo of the consultation (scrub_memos); a memo
    # saved later on someone else's words kept the word, and that member's subject access
    # copy of staff memos would show them another person's redacted words.
    transcript, _dave, marcia = uploaded
    redacted = _redacted_segment(auth, transcript)
    other = next(s for s in db.session.scalars(db.select(Segment))
                 if s.member_id == marcia.id and s.turn_id != redacted.turn_id)
    auth.client.post(f"/consultations/{other.consultation_id}/segments/{other.id}/memo",
                     data={"memo": "Compare with what was said about Somewhere."})
    assert db.session.get(SegmentMemo, other.id).text == (
        "Compare with what was said about [place].")
