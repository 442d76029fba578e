"""A memo saved while a redaction suggestion waits loses the suggestion's words (the safer
side); rejecting the suggestion left the label in the memo, so the analyst's words were lost
to a redaction that never happened. The words now go back in (``memo_labels``), as the memo
had them, unless the memo was changed since or another redaction still takes them out."""
from analysis.models import MemoHeldLabel, SegmentMemo, Theme
from forum.extensions import db
from forum.models import RedactionStatus, Segment
from tests.analysis.views.test_memo_after_redaction import _redacted_segment
from tests.analysis.views.test_memo_scrub_rules import _hartley
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401

MEMO = "Ask Mr Hartley about it; hartley said no. Somewhere again."
SCRUBBED = "Ask [name] about it; [name] said no. [place] again."


def _pending_hartley(auth, uploaded):
    """An approved transcript ("Somewhere" redacted), the name Hartley a pending suggestion,
    and a theme with a memo saved meanwhile."""
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    hartley = _hartley(transcript)
    hartley.status = RedactionStatus.PROPOSED
    theme = Theme(consultation_id=segment.consultation_id, label="Probation")
    db.session.add(theme)
    db.session.commit()
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": MEMO})
    assert db.session.get(Theme, theme.id).memo == SCRUBBED
    with auth.client.session_transaction() as session:
        told = session["_flashes"][-1][1]
    assert "if it is rejected, the words come back, unless the memo is changed" in told, told
    return transcript, hartley, theme


def _review(auth, transcript, hartley, keep: bool):
    data = {"seen": [str(hartley.id)], "save": "1"}
    if keep:
        data["keep"] = [str(hartley.id)]
    response = auth.client.post(f"/transcripts/{transcript.id}/review", data=data)
    assert response.status_code == 302
    db.session.expire_all()


def test_rejecting_the_suggestion_gives_the_memo_its_words_back(auth, uploaded):  # noqa: F811
    transcript, hartley, theme = _pending_hartley(auth, uploaded)
    _review(auth, transcript, hartley, keep=False)
    assert db.session.get(Theme, theme.id).memo == MEMO.replace(
        "Somewhere", "[place]")  # still redacted: stays out
    assert db.session.scalar(db.select(db.func.count(MemoHeldLabel.id))) == 0


def test_a_segment_memo_gets_its_words_back_too(auth, uploaded):  # noqa: F811
    transcript, hartley, _theme = _pending_hartley(auth, uploaded)
    hartley_turn = hartley.turn_id
    other = next(s for s in db.session.scalars(db.select(Segment).order_by(Segment.id))
                 if s.turn_id != hartley_turn)
    memo = f"/consultations/{other.consultation_id}/segments/{other.id}/memo"
    auth.client.post(memo, data={"memo": "HARTLEY again."})
    label = db.session.get(SegmentMemo, other.id).text
    assert "HARTLEY" not in label
    _review(auth, transcript, hartley, keep=False)
    assert db.session.get(SegmentMemo, other.id).text == "HARTLEY again."


def test_accepting_the_suggestion_keeps_the_label(auth, uploaded):  # noqa: F811
    transcript, hartley, theme = _pending_hartley(auth, uploaded)
    _review(auth, transcript, hartley, keep=True)
    kept = db.session.get(Theme, theme.id).memo
    assert "Hartley" not in kept and "hartley" not in kept


def test_a_memo_changed_since_keeps_its_labels(auth, uploaded):  # noqa: F811
    transcript, hartley, theme = _pending_hartley(auth, uploaded)
    edited = db.session.get(Theme, theme.id).memo + " Checked."
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": edited})
    _review(auth, transcript, hartley, keep=False)
    assert db.session.get(Theme, theme.id).memo == edited
