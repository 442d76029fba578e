"""Words redacted after approval leave analysis at once.

Adding a redaction to an approved transcript sends it back to "needs review", but its
segments, built at approval, kept the words just taken out: themes, search, quotes and
exports still read them until someone approved it again. The changed turns' segments now
go at once; approving again builds them from the redacted text."""
from forum.extensions import db
from forum.models import Segment
from forum.services.segments import usable_segments
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _redact(auth, transcript, turn, words):
    return auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": words, "label": "place", "everywhere": ""})


def _texts(transcript):
    db.session.expire_all()
    return [s.text for s in usable_segments(transcript.session.consultation_id)]


def test_words_redacted_after_approval_leave_the_segments_at_once(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    turn = next(t for t in transcript.turns if "Somewhere" in (t.original_text or ""))
    assert any("Somewhere" in text for text in _texts(transcript))
    assert _redact(auth, transcript, turn, "Somewhere").status_code == 302
    texts = _texts(transcript)
    assert not any("Somewhere" in text for text in texts)
    assert any("forty-six quid" in text for text in texts), "an unchanged turn left analysis"
    # A second word redacted before approving again: nothing of that turn is left to read.
    assert _redact(auth, transcript, turn, "Housing").status_code == 302
    assert not any("Housing" in text for text in _texts(transcript))
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    texts = _texts(transcript)
    assert any("[place] to live" in text for text in texts), texts
    assert not any("Somewhere" in text or "Housing" in text
                   for text in db.session.scalars(db.select(Segment.text)))
