"""Rejecting a suggestion puts its words back in a memo only where no redaction kept takes
them out *there*: the word alone was checked, so "Hartley" went back next to "'s brother",
and the memo said "Hartley's", which an approved redaction ("Hartley's brother Tom") takes
out, once the suggestion for "Hartley" alone was rejected."""
from analysis.models import Theme
from forum.extensions import db
from forum.models import Redaction, RedactionStatus, Turn
from tests.analysis.views.test_memo_rejected_suggestion import _pending_hartley, _review
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401

SAID = "Hartley's brother Tom came round."


def test_words_put_back_never_make_words_a_kept_redaction_takes_out(auth, uploaded):  # noqa: F811
    transcript, hartley, theme = _pending_hartley(auth, uploaded)
    turn = Turn(transcript_id=transcript.id, index=len(transcript.turns), original_text=SAID,
                redacted_text="[name] came round.")
    db.session.add(turn)
    db.session.flush()
    db.session.add(Redaction(turn_id=turn.id, start=0, end=len("Hartley's brother Tom"),
                             label="name", status=RedactionStatus.ACCEPTED,
                             added_by_person=True))
    db.session.commit()
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": "Ask Hartley's brother Tom."})
    saved = db.session.get(Theme, theme.id).memo
    assert "Hartley" not in saved and "Tom" not in saved, saved
    _review(auth, transcript, hartley, keep=False)
    memo = db.session.get(Theme, theme.id).memo
    assert "Hartley's" not in memo and "Tom" not in memo, memo
