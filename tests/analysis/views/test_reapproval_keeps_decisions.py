"""Approving a transcript again keeps what people decided about the segments of unchanged
turns (theme placements, pinned quotes, question links, quotes in drafts, agreement codings,
notes): approval rebuilt every segment, so one more tag or redaction wiped them all. Only
segments whose text changed go, and the person is told what went with them."""
import pytest
from sqlalchemy import select

from analysis.models import (
    AgreementCode,
    AgreementItem,
    AgreementSample,
    SegmentMemo,
    Theme,
    ThemeSegment,
    UngroupedSegment,
)
from analysis.models.themes import BY_PERSON
from exports.models import Draft, DraftNotice, DraftQuote, DraftSection
from forum.access import Role
from forum.extensions import db
from forum.models import Segment, Transcript
from tests.analysis.views.test_transcripts import (  # noqa: F401
    map_speakers,
    session_with_members,
    upload,
)

# One long turn of Dave's makes two segments: a word redacted in the first leaves the second.
CANAL = ("I was sleeping rough by the canal for most of that winter and nobody from the council "
         "ever came to find me or ask how I was getting on. The outreach team came twice but "
         "they never had a bed for me that night or any other night that month. Then my sister "
         "found me a room above the chip shop on the high street where I could stay as long "
         "as I needed.")
DOOR = ("Having a door that locks changed everything for me, I could finally sleep properly "
        "and start to think straight again.")
TRANSCRIPT = f"""Facilitator: Where did you stay when you got out?
Dave: {CANAL} {DOOR}
Marcia: The hostel was full of people using and I could not stay clean in there for long, \
so I left after a week and went back to sofa surfing at my cousin's flat.
"""


@pytest.fixture
def approved(auth, session_with_members):  # noqa: F811
    session, dave, marcia = session_with_members
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, TRANSCRIPT.encode()).status_code == 302
    transcript = db.session.scalar(select(Transcript))
    db.session.refresh(transcript)
    map_speakers(auth, transcript, dave, marcia)
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    db.session.expire_all()
    return transcript


def _segments(transcript):
    db.session.expire_all()
    return db.session.scalars(select(Segment).where(Segment.source_id == transcript.id)
                              .order_by(Segment.position)).all()


def _decide_everything(transcript, users):
    """What officers store on the pages for themes, mapping, drafts, agreement and notes."""
    consultation = transcript.session.consultation
    q1, q2 = consultation.questions
    canal, door, hostel = _segments(transcript)
    assert door.text == DOOR and "canal" in canal.text
    theme = Theme(consultation_id=consultation.id, label="Housing")
    db.session.add(theme)
    db.session.flush()
    for segment in (canal, door):  # moved in by a person, and pinned as the theme's quotes
        db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment.id, placed_by=BY_PERSON,
                                    quote_rank=segment.position, quote_by=BY_PERSON))
        segment.question_id = q2.id  # confirmed on "Which question each segment answers"
    hostel.no_question = True
    db.session.add(UngroupedSegment(segment_id=hostel.id, consultation_id=consultation.id))
    draft = Draft(consultation_id=consultation.id, title="Response")
    section = DraftSection(question_id=q2.id)
    draft.sections.append(section)
    db.session.add(draft)
    db.session.flush()
    for number, segment in enumerate((canal, door)):
        db.session.add(DraftQuote(section_id=section.id, segment_id=segment.id,
                                  position=number, text=segment.text))
    sample = AgreementSample(consultation_id=consultation.id)
    db.session.add(sample)
    db.session.flush()
    officer = users[Role.POLICY_OFFICER]
    for segment in (canal, door, hostel):
        db.session.add(AgreementItem(sample_id=sample.id, segment_id=segment.id))
        db.session.add(AgreementCode(sample_id=sample.id, segment_id=segment.id,
                                     coder_id=officer.id, question_id=q1.id, theme_ids=[]))
        db.session.add(SegmentMemo(segment_id=segment.id, text="Strong on housing first"))
    db.session.commit()
    return canal.id, door.id, hostel.id


def _decisions(ids):
    db.session.expire_all()
    return {
        "segments": db.session.scalars(select(Segment.id).where(Segment.id.in_(ids))).all(),
        "placed": db.session.scalars(select(ThemeSegment.segment_id).where(
            ThemeSegment.segment_id.in_(ids), ThemeSegment.placed_by == BY_PERSON)).all(),
        "pinned": db.session.scalars(select(ThemeSegment.segment_id).where(
            ThemeSegment.segment_id.in_(ids), ThemeSegment.quote_by == BY_PERSON)).all(),
        "question": db.session.scalars(select(Segment.id).where(
            Segment.id.in_(ids), (Segment.question_id.is_not(None)) | Segment.no_question)).all(),
        "ungrouped": db.session.scalars(select(UngroupedSegment.segment_id).where(
            UngroupedSegment.segment_id.in_(ids))).all(),
        "quotes": db.session.scalars(select(DraftQuote.segment_id).where(
            DraftQuote.segment_id.in_(ids))).all(),
        "coded": db.session.scalars(select(AgreementCode.segment_id).where(
            AgreementCode.segment_id.in_(ids))).all(),
        "notes": db.session.scalars(select(SegmentMemo.segment_id).where(
            SegmentMemo.segment_id.in_(ids))).all(),
    }


def _counts(ids):
    return {what: len(found) for what, found in _decisions(ids).items()}


def test_approving_again_after_tagging_keeps_every_decision(auth, users, approved):
    ids = _decide_everything(approved, users)
    before = _counts(ids)
    assert min(before.values()) >= 1
    question = approved.session.consultation.questions[0]
    marcia_turn = approved.turns[2]
    auth.client.post(f"/transcripts/{approved.id}/questions", data={
        "turn": [str(marcia_turn.index)], "span": "ticked", "question_id": str(question.id)})
    response = auth.client.post(f"/transcripts/{approved.id}/review", data={"approve": "1"},
                                follow_redirects=True)
    assert response.status_code == 200
    assert _counts(ids) == before
    assert "removed" not in response.get_data(as_text=True)


def test_a_redaction_resets_only_the_changed_segment_and_says_what_went(auth, users, approved):
    canal, door, hostel = _decide_everything(approved, users)
    dave_turn = approved.turns[1]
    page = auth.client.post(f"/transcripts/{approved.id}/redactions", data={
        "turn": dave_turn.index, "words": "canal", "label": "place"},
        follow_redirects=True).get_data(as_text=True)
    # The changed segment goes at once, with what people decided about it ...
    assert _counts([canal]) == dict.fromkeys(_counts([canal]), 0)
    # ... and the officer and the facilitator are told plainly what went.
    assert "1 quote picked for the response came from changed turns and was removed" in page
    assert "check Q2" in page
    assert "1 segment people placed in a theme" in page
    notices = db.session.scalars(select(DraftNotice.message)).all()
    assert any(n.startswith("1 quote came from part of a focus-group transcript that was "
                            "changed") and "check Q2" in n for n in notices), notices
    # The unchanged segment of the same turn and the other turn keep theirs.
    kept = _counts([door, hostel])
    auth.client.post(f"/transcripts/{approved.id}/review", data={"approve": "1"})
    assert _counts([door, hostel]) == kept and kept["segments"] == 2
    assert kept["quotes"] == 1 and kept["pinned"] == 1 and kept["coded"] == 2
    texts = [s.text for s in _segments(approved)]
    assert texts[1] == DOOR and "[place]" in texts[0]
    assert not any("canal" in text for text in db.session.scalars(select(Segment.text)))


def test_unticking_a_redaction_then_approving_again_replaces_that_segment(auth, users,
                                                                          approved):
    canal, door, hostel = _decide_everything(approved, users)
    # Take "canal" out, approve, then change one's mind: the text changes back at approval.
    dave_turn = approved.turns[1]
    auth.client.post(f"/transcripts/{approved.id}/redactions", data={
        "turn": dave_turn.index, "words": "canal", "label": "place"})
    auth.client.post(f"/transcripts/{approved.id}/review", data={"approve": "1"})
    placed = next(s for s in _segments(approved) if "[place]" in s.text)
    db.session.add(DraftQuote(section_id=db.session.scalar(select(DraftSection.id)),
                              segment_id=placed.id, position=5, text=placed.text))
    db.session.commit()
    redaction = next(r for r in db.session.get(type(dave_turn), dave_turn.id).redactions
                     if r.label == "place")
    shown = [r.id for t in approved.turns for r in t.redactions]
    page = auth.client.post(f"/transcripts/{approved.id}/review", data={
        "seen": shown, "keep": [i for i in shown if i != redaction.id], "approve": "1"},
        follow_redirects=True).get_data(as_text=True)
    assert "1 quote picked for the response came from changed turns and was removed" in page
    assert _counts([placed.id])["segments"] == 0
    assert _counts([door, hostel])["segments"] == 2


def test_a_speaker_no_longer_a_member_takes_their_segments_and_says_what_went(auth, users,
                                                                             approved):
    canal, door, hostel = _decide_everything(approved, users)
    form = {f"speaker-{s.id}": ("observer" if s.label == "Marcia" else
                                "facilitator" if s.label == "Facilitator" else
                                f"member-{s.member_id}") for s in approved.speakers}
    page = auth.client.post(f"/transcripts/{approved.id}/speakers", data=form,
                            follow_redirects=True).get_data(as_text=True)
    assert _counts([hostel])["segments"] == 0
    assert _counts([canal, door]) == {"segments": 2, "placed": 2, "pinned": 2, "question": 2,
                                      "ungrouped": 0, "quotes": 2, "coded": 2, "notes": 2}
    assert "1 segment people moved to \u2018Not grouped\u2019 came from changed turns" in page
    assert "check \u2018answers none of the questions\u2019" in page
