"""Which redactions a memo is scrubbed by, and that scrubbing never loses memo text.

A suggestion a reviewer rejected is not redacted (the members' words keep it), so a memo
keeps it too. A suggestion nobody has reviewed yet is redacted in the turn's text already
(``transcripts.redacted_text`` treats it as taken out until rejected), so a memo loses it
too: the safer side, since a member's subject access copy holds memos on their words.

A label can be longer than the words ("out" -> "[place]"): a memo near the length limit
grew past it and was cut at the limit, losing its end without anyone being told. The
person typed within the limit, so the memo is kept whole with the labels in.
"""
import re

from analysis.models import MEMO_MAX, SegmentMemo, Theme, ThemeSegment
from forum.extensions import db
from forum.models import Redaction, RedactionStatus, Segment
from tests.analysis.views.test_memo_after_redaction import _redacted_segment, _told
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _memo_url(segment):
    return f"/consultations/{segment.consultation_id}/segments/{segment.id}/memo"


def _hartley(transcript) -> Redaction:
    """The redaction of the probation officer's name in Dave's turn."""
    return next(r for t in transcript.turns for r in t.redactions
                if "Hartley" in (t.original_text or "")[r.start:r.end])


def test_a_suggestion_the_reviewer_rejected_does_not_scrub_a_memo(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    _hartley(transcript).status = RedactionStatus.REJECTED
    db.session.commit()
    auth.client.post(_memo_url(segment), data={"memo": "Ask Mr Hartley about it."})
    assert db.session.get(SegmentMemo, segment.id).text == "Ask Mr Hartley about it."


def test_a_suggestion_not_yet_reviewed_scrubs_a_memo(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    hartley = _hartley(transcript)
    hartley.status = RedactionStatus.PROPOSED
    db.session.commit()
    auth.client.post(_memo_url(segment), data={"memo": "Ask Mr Hartley about it."})
    text = db.session.get(SegmentMemo, segment.id).text
    assert "Hartley" not in text and f"[{hartley.label}]" in text, text


def _redact_out(transcript) -> None:
    """'out' redacted as a place (three letters become seven) in the first turn saying it."""
    turn = next(t for t in transcript.turns if re.search(r"\bout\b", t.original_text or ""))
    found = re.search(r"\bout\b", turn.original_text)
    turn.redactions.append(Redaction(start=found.start(), end=found.end(), label="place",
                                     status=RedactionStatus.ACCEPTED, added_by_person=True))
    db.session.commit()


def _long_memo() -> str:
    body = "Went out. " * ((MEMO_MAX - 20) // 10)
    memo = body + "KEEP THIS END"
    assert len(memo) <= MEMO_MAX
    return memo


def test_a_memo_near_the_limit_keeps_its_end_when_labels_make_it_longer(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    _redact_out(transcript)
    memo = _long_memo()
    auth.client.post(_memo_url(segment), data={"memo": memo})
    kept = db.session.get(SegmentMemo, segment.id).text
    assert kept == memo.replace("out", "[place]")
    assert kept.endswith("KEEP THIS END") and len(kept) > MEMO_MAX
    assert "[place]" in _told(auth)


def _theme_on_a_redacted_segment(auth, uploaded) -> Theme:
    """A theme holding a segment of the transcript, with "out" redacted as a place."""
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    _redact_out(transcript)
    theme = Theme(consultation_id=segment.consultation_id, label="Release")
    db.session.add(theme)
    db.session.flush()
    db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment.id))
    db.session.commit()
    return theme


def test_a_theme_memo_near_the_limit_keeps_its_end(auth, uploaded):  # noqa: F811
    theme = _theme_on_a_redacted_segment(auth, uploaded)
    memo = _long_memo()
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": memo})
    assert db.session.get(Theme, theme.id).memo == memo.replace("out", "[place]")


def test_words_redacted_later_keep_a_long_memo_whole(auth, uploaded):  # noqa: F811
    # Redaction after approval scrubs memos already saved (theme_words_staff.scrub_memos):
    # the same cut at the limit, with nobody there to tell.
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    memo = _long_memo()
    auth.client.post(_memo_url(segment), data={"memo": memo})
    assert db.session.get(SegmentMemo, segment.id).text == memo
    turn = next(t for t in transcript.turns if re.search(r"\bout\b", t.original_text or ""))
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": "out", "label": "place", "everywhere": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    kept = db.session.scalar(db.select(SegmentMemo.text).where(
        SegmentMemo.segment_id == segment.id))
    assert db.session.get(Segment, segment.id) is not None  # it never said "out"
    assert kept == memo.replace("out", "[place]")


def test_a_memo_labels_took_past_the_limit_can_be_saved_again(auth, uploaded):  # noqa: F811
    # Kept whole, it was refused on its next save ("must be 5,000 characters or fewer") and
    # its box stopped at the limit: its writer had to cut words the app had put in.
    transcript, _dave, _marcia = uploaded
    segment = _redacted_segment(auth, transcript)
    _redact_out(transcript)
    auth.client.post(_memo_url(segment), data={"memo": _long_memo()})
    kept = db.session.get(SegmentMemo, segment.id).text
    assert len(kept) > MEMO_MAX
    edited = kept.replace("KEEP THIS END", "KEEP THIS BIT")
    auth.client.post(_memo_url(segment), data={"memo": edited})
    db.session.expire_all()
    assert db.session.get(SegmentMemo, segment.id).text == edited
    auth.client.post(_memo_url(segment), data={"memo": edited + " More."})
    db.session.expire_all()
    assert db.session.get(SegmentMemo, segment.id).text == edited  # longer still: refused


def test_a_theme_memo_labels_took_past_the_limit_has_room_in_its_box(auth, uploaded):  # noqa: F811
    theme = _theme_on_a_redacted_segment(auth, uploaded)
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": _long_memo()})
    kept = db.session.get(Theme, theme.id).memo
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert f'id="theme-memo" name="memo" rows="3" maxlength="{len(kept)}"' in page
    edited = kept.replace("KEEP THIS END", "KEEP THIS BIT")
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": edited})
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).memo == edited
