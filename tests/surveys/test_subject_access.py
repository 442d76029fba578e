"""Issue 12 item 10: the subject access ZIP is readable, complete, holds only the member's words."""
import io
import json
import zipfile

from forum.access import Role
from forum.extensions import db
from forum.models import (
    FocusGroupSession,
    Member,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.services.members import record_consent, save_member
from tests.surveys.conftest import make_payload
from tests.surveys.test_sync_api import send


def test_issue12_item10_subject_access_is_readable_complete_and_only_theirs(
        auth, users, consultation, version, questions, tablet, client):
    member = save_member(Member(lived_experience=["prison"]), "Wren", "Jane Realname",
                         "07700 900001")
    record_consent(member, users[Role.FACILITATOR], take_part=True, may_quote=True,
                   may_quote_with_demographics=False, audio_recording=False)
    session = FocusGroupSession(consultation=consultation, title="Housing group",
                                held_on=consultation.created_at.date(), members=[member])
    transcript = Transcript(session=session, filename="t.txt", status=TranscriptStatus.APPROVED,
                            original_text="x")
    speaker = Speaker(label="Jane", role=SpeakerRole.MEMBER, member=member)
    transcript.speakers.append(speaker)
    transcript.turns.append(Turn(index=3, speaker=speaker,
                                 original_text="My mate Bob Stokes, ring him on 07700 900222, got "
                                               "me in.",
                                 redacted_text="My mate [name], ring him on [phone], got me in."))
    db.session.add(transcript)
    db.session.commit()
    # A closed and a free-text survey answer, through the sync API as a tablet sends them.
    body = make_payload(version, questions, member_ref="Wren")
    body["answers"][4]["value"] = "Tracey Wilson on 07700 900333 sorted my housing."
    assert send(client, tablet[1], body).status_code == 201
    # An answer imported from another survey tool, and a quote in a draft response.
    from exports.models import DraftQuote
    from exports.services.drafts import current_draft
    from forum.models import Segment, SegmentSource
    from forum.services.segments import text_hash
    from surveys.models import CsvImport, CsvImportAnswer

    record = CsvImport(consultation_id=consultation.id, filename="other.csv",
                       original_text="id,a\nWren,x\n")
    record.answers.append(CsvImportAnswer(line_number=2, respondent_ref="Wren", member_id=member.id,
                                          text="Imported words about probation, Marcus Dale let me "
                                               "down."))
    db.session.add(record)
    segment = Segment(consultation_id=consultation.id, source_type=SegmentSource.TRANSCRIPT,
                      source_id=transcript.id, member_id=member.id,
                      text="My mate [name] got me in.",
                      text_hash=text_hash("My mate [name] got me in."))
    db.session.add(segment)
    db.session.flush()
    draft = current_draft(consultation.id)
    draft.sections[0].quotes.append(
        DraftQuote(segment_id=segment.id, text="My mate [name] got me in."))
    db.session.commit()

    auth.login(Role.FACILITATOR)
    archive = zipfile.ZipFile(io.BytesIO(auth.client.get(f"/members/{member.id}/data.zip").data))
    names = set(archive.namelist())
    assert {"summary.html", "README.txt", "consent.json", "survey_answers.json", "csv_answers.json",
            "draft_quotes.json", "transcript_turns.json"} <= names
    everything = "\n".join(archive.read(n).decode() for n in names)
    for other_person in ("Bob Stokes", "07700 900222", "Tracey Wilson", "07700 900333",
                         "Marcus Dale"):
        assert other_person not in everything, other_person
    summary = archive.read("summary.html").decode()
    assert '<html lang="en-GB">' in summary and "What we hold about you" in summary
    assert "Jane Realname" in summary and "Take part: yes" in summary
    assert "Have you been to prison?" in summary and "Where did you sleep?" in summary
    assert "My mate [name], ring him on [phone], got me in." in summary
    assert "sorted my housing" in summary and "Imported words about probation" in summary
    assert "My mate [name] got me in." in json.loads(archive.read("draft_quotes.json"))[0]["quote"]
    closed = json.loads(archive.read("survey_answers.json"))
    assert {a["question"] for a in closed} >= {"Have you been to prison?", "Who helped you?"}
    consent = json.loads(archive.read("consent.json"))
    assert consent and consent[0]["take_part"] is True
