"""Subject access: safeguarding reviews and staff memos about a member's words go in their ZIP."""
import io
import json
import zipfile

from analysis.services.memos import set_segment_memo
from analysis.services.safeguarding import record_review
from forum.access import Role
from forum.extensions import db
from forum.models import (
    FocusGroupSession,
    Member,
    Segment,
    SegmentSource,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.services.members import record_consent, save_member, withdraw_consent
from forum.services.segments import text_hash


def _member_turn(consultation_id: int, pseudonym: str, said: str) -> tuple[Member, Turn]:
    member = save_member(Member(lived_experience=["prison"]), pseudonym, "", "")
    record_consent(member, None, take_part=True, may_quote=True, may_quote_with_demographics=False,
                   audio_recording=False)
    session = FocusGroupSession(consultation_id=consultation_id, title=f"{pseudonym}'s group",
                                members=[member], held_on=member.created_at.date())
    transcript = Transcript(session=session, filename="t.txt", status=TranscriptStatus.APPROVED,
                            original_text=said)
    speaker = Speaker(label=pseudonym, role=SpeakerRole.MEMBER, member=member)
    transcript.speakers.append(speaker)
    turn = Turn(index=4, speaker=speaker, original_text=said, redacted_text=said,
                risk_flagged=True, risk_reason="Talks about self-harm")
    transcript.turns.append(turn)
    db.session.add(transcript)
    db.session.commit()
    return member, turn


def test_subject_access_includes_safeguarding_reviews_and_memos_about_them(auth, users, demo):
    facilitator = users[Role.FACILITATOR]
    member, turn = _member_turn(1, "Wren", "Some nights I think about ending it.")
    other, other_turn = _member_turn(1, "Heron", "I was in a bad way last winter.")
    booked = "Spoke after the group; GP appointment booked."
    record_review(turn, facilitator, "spoke_to_member", booked)
    record_review(other_turn, facilitator, "not_a_risk", "OTHER-PERSON-NOTE about someone else.")
    answer = Segment(consultation_id=1, source_type=SegmentSource.SURVEY, member_id=member.id,
                     text="I have no one to talk to.", text_hash=text_hash("no one"), held=True)
    theirs = Segment(consultation_id=1, source_type=SegmentSource.TRANSCRIPT, turn_id=turn.id,
                     member_id=member.id, text=turn.redacted_text, text_hash=text_hash("nights"))
    someone_else = Segment(consultation_id=1, source_type=SegmentSource.TRANSCRIPT,
                           member_id=other.id, text="Bad way.", text_hash=text_hash("bad way"))
    db.session.add_all([answer, theirs, someone_else])
    db.session.commit()
    record_review(answer, users[Role.ADMIN], "referred", "Passed to the safeguarding lead.")
    memo = "Strong on isolation; check before quoting."
    set_segment_memo(theirs, memo, users[Role.POLICY_OFFICER])
    set_segment_memo(someone_else, "OTHER-PERSON-MEMO", users[Role.POLICY_OFFICER])

    auth.login(Role.FACILITATOR)
    archive = zipfile.ZipFile(io.BytesIO(auth.client.get(f"/members/{member.id}/data.zip").data))
    reviews = json.loads(archive.read("safeguarding_reviews.json"))
    assert [(r["outcome"], r["note"], r["reviewed_by"]) for r in reviews] == [
        ("Spoke to the member", booked, "Forum facilitator"),
        ("Referred on (safeguarding lead or another service)", "Passed to the safeguarding lead.",
         "Admin")]
    assert all(r["when"] for r in reviews)
    assert reviews[0]["flagged_because"] == "Talks about self-harm"
    assert reviews[0]["words"] == "Some nights I think about ending it."
    memos = json.loads(archive.read("staff_memos.json"))
    assert [(m["memo"], m["written_by"]) for m in memos] == [(memo, "Policy officer")]
    everything = "\n".join(archive.read(n).decode() for n in archive.namelist())
    assert "OTHER-PERSON" not in everything
    # Staff are named by role: their names are not the member's data.
    assert "Test Forum facilitator" not in json.dumps(reviews) + json.dumps(memos)
    summary = archive.read("summary.html").decode()
    assert "GP appointment booked" in summary and "Spoke to the member" in summary
    assert memo in summary
    readme = archive.read("README.txt").decode()
    assert "safeguarding_reviews.json" in readme and "staff_memos.json" in readme


def test_subject_access_names_staff_by_role_everywhere_consent_included(auth, users, demo):
    member, _ = _member_turn(1, "Wren", "I was on licence.")
    record_consent(member, users[Role.FACILITATOR], take_part=True, may_quote=False,
                   may_quote_with_demographics=False, audio_recording=False)
    withdraw_consent(member, users[Role.ADMIN])

    auth.login(Role.FACILITATOR)
    archive = zipfile.ZipFile(io.BytesIO(auth.client.get(f"/members/{member.id}/data.zip").data))
    consent = json.loads(archive.read("consent.json"))
    assert [c["recorded_by"] for c in consent] == [None, "Forum facilitator", "Admin"]
    summary = archive.read("summary.html").decode()
    assert "Written down by: forum facilitator." in summary
    assert "Written down by: admin." in summary
    # Staff are not the data subject: no file of the ZIP names them or gives their email.
    everything = "\n".join(archive.read(n).decode() for n in archive.namelist())
    for user in users.values():
        assert user.name not in everything and user.email not in everything, user.name
