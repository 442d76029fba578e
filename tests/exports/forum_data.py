"""A small consultation written for the draft tests: members with every kind of consent,
one focus group with a transcript, segments, a held survey answer and two themes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.models import Theme, ThemeSegment
from forum.extensions import db
from forum.models import (
    Consultation,
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
from forum.services.consultations import save_consultation
from forum.services.members import record_consent
from forum.services.questions import parse_questions
from forum.services.segments import text_hash

QUESTIONS = """Q2. How can housing on release be improved?
Q5. What would help people on probation get into work?
Q7. How can services meet the needs of women?
"""
# (pseudonym, gender, age band, take part, quote, demographics)
MEMBERS = [
    ("Amber", "Woman", "25-34", 1, 1, 1),
    ("Birch", "Woman", "25-34", 1, 1, 1),
    ("Cedar", "Woman", "25-34", 1, 1, 0),
    ("Dove", "Woman", "25-34", 1, 1, 1),
    ("Elm", "Woman", "35-44", 1, 1, 1),
    ("Fern", "Man", "45-54", 1, 1, 1),
    ("Refuser", "Man", "35-44", 1, 0, 0),
    ("Quitter", "Man", "25-34", 1, 1, 1),
]
WORDS = {
    "Amber": "When I got out I had nowhere to go. The council said come back Monday.",
    "Birch": ("My probation officer changed four times in a year and I had to start again each "
              "time."),
    "Cedar": "Nobody asked if I had kids until the day I was sentenced.",
    "Dove": "A job centre work coach who knew about convictions made all the difference.",
    "Elm": "Women need women-only spaces, not a waiting room full of men.",
    "Fern": "The hostel was full of drugs, I lasted two nights.",
    "Refuser": "REFUSER-SECRET words that must never be printed anywhere.",
    "Quitter": "QUITTER-WORDS about losing my flat while I was inside.",
}


@dataclass
class Forum:
    consultation: Consultation
    members: dict[str, Member]
    segments: dict[str, Segment]
    held: Segment
    themes: list[Theme]
    session: FocusGroupSession


def build_forum(recorder=None) -> Forum:
    consultation = save_consultation(
        Consultation(title="Reducing reoffending", consulting_body="Ministry of Justice"),
                                     parse_questions(QUESTIONS))
    session = FocusGroupSession(consultation=consultation, title="Housing",
                                held_on=date(2026, 3, 3))
    transcript = Transcript(session=session, filename="housing.txt",
                            status=TranscriptStatus.APPROVED)
    db.session.add_all([session, transcript])
    members, segments = {}, {}
    for name, gender, age, take_part, quote, demographics in MEMBERS:
        member = Member(pseudonym=name, gender=gender, age_band=age)
        db.session.add(member)
        record_consent(member, recorder, take_part=bool(take_part), may_quote=bool(quote),
                       may_quote_with_demographics=bool(demographics), audio_recording=False)
        members[name] = member
    questions = {q.number: q for q in consultation.questions}
    for index, (name, *_rest) in enumerate(MEMBERS):
        speaker = Speaker(transcript=transcript, label=f"Speaker {index}", role=SpeakerRole.MEMBER,
                          member=members[name])
        turn = Turn(transcript=transcript, speaker=speaker, index=index, redacted_text=WORDS[name])
        db.session.add_all([speaker, turn])
        db.session.flush()
        segment = Segment(consultation_id=consultation.id, source_type=SegmentSource.TRANSCRIPT,
                          source_id=transcript.id, turn=turn, position=index, member=members[name],
                          question=questions["2" if index % 2 == 0 else "5"],
                          text=WORDS[name], text_hash=text_hash(WORDS[name]))
        db.session.add(segment)
        segments[name] = segment
    db.session.flush()
    held = Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY, source_id=1,
                   position=0,
                   member=members["Amber"], text="HELD-WORDS waiting for a safeguarding review.",
                   text_hash=text_hash("HELD-WORDS"), held=True)
    db.session.add(held)
    housing = Theme(consultation_id=consultation.id, label="Housing and homelessness", position=0,
                    keywords=[])
    probation = Theme(consultation_id=consultation.id, label="Continuity of care", position=1,
                      keywords=[])
    db.session.add_all([housing, probation])
    db.session.flush()
    for rank, name in enumerate(["Amber", "Fern", "Quitter", "Refuser"]):
        db.session.add(ThemeSegment(theme=housing, segment_id=segments[name].id, quote_rank=rank))
    for name in ["Birch", "Dove", "Cedar"]:
        db.session.add(
            ThemeSegment(theme=probation, segment_id=segments[name].id, quote_rank=0
                         if name == "Birch" else None))
    db.session.commit()
    return Forum(consultation, members, segments, held, [housing, probation], session)
