"""Demo transcripts: imported, redacted, speakers matched; the first one approved."""
from pathlib import Path

from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession, SpeakerRole, User

TRANSCRIPTS = Path(__file__).resolve().parent.parent.parent / "forum" / "demo" / "transcripts"
# Speaker label in the file -> pseudonym of the demo member who said it.
SPEAKERS = {
    "housing-and-release.txt": {"Dave": "Member 1", "Marcia": "Member 2", "Tony": "Member 3",
                                "Kerry": "Kestrel", "Jermaine": "Member 4", "Lisa": "Member 5",
                                "Facilitator": SpeakerRole.FACILITATOR},
    "community-sentences.vtt": {"Alex Morgan": SpeakerRole.FACILITATOR,
                                "Bernadette Okoye": "Kestrel",
                                "Ryan Fletcher": "Member 4", "Shona McBride": "Member 5",
                                "Wayne Price": "Member 6", "Nadia Hussain": "Member 7",
                                "Carl Dempsey": "Big Col"},
}
FILES = {"Housing and release": "housing-and-release.txt",
         "Community sentences": "community-sentences.vtt"}


def load_demo_transcripts(spacy_model: str = "en_core_web_sm") -> dict:
    """Import the two demo transcripts; approve the first so it has segments."""
    from analysis.services.segments import approve_transcript
    from analysis.services.speakers import set_speaker
    from analysis.services.transcripts import import_transcript, redact_transcript
    from forum.models import Member

    facilitator = db.session.scalar(select(User).where(User.role == Role.FACILITATOR))
    if facilitator is None:  # the demo accounts are loaded first
        return {"transcripts": 0, "segments": 0}
    members = {m.pseudonym: m for m in db.session.scalars(select(Member))}
    segments = 0
    for title, filename in FILES.items():
        session = db.session.scalar(
            select(FocusGroupSession).where(FocusGroupSession.title == title))
        if session is None:
            continue
        transcript = import_transcript(session, filename, (TRANSCRIPTS / filename).read_bytes(),
                                       facilitator)
        for speaker in transcript.speakers:
            who = SPEAKERS[filename].get(speaker.label)
            if isinstance(who, SpeakerRole):
                set_speaker(speaker, who, None)
            elif who in members:
                set_speaker(speaker, SpeakerRole.MEMBER, members[who])
        redact_transcript(transcript, spacy_model=spacy_model)
        if filename == "housing-and-release.txt":
            segments += approve_transcript(transcript, facilitator).count
    from analysis.services.answers import build_answer_segments
    from surveys.services import free_text_answers

    consultation_id = session.consultation_id if session else None
    if consultation_id:
        segments += build_answer_segments(consultation_id, free_text_answers(consultation_id))
        _check_demo_answers(consultation_id, facilitator, leave=3)
    return {"transcripts": len(FILES), "segments": segments}


def _check_demo_answers(consultation_id: int, facilitator, leave: int) -> None:
    """As if the facilitator had checked most answers: a few are left to show the check page."""
    from forum.models import Segment
    from forum.models.base import utcnow

    waiting = db.session.scalars(select(Segment).where(
        Segment.consultation_id == consultation_id, Segment.needs_review.is_(True))
        .order_by(Segment.id)).all()
    for segment in waiting[:max(len(waiting) - leave, 0)]:
        segment.needs_review = False
        segment.reviewed_by_id, segment.reviewed_at = facilitator.id, utcnow()
    db.session.commit()


def load_demo_themes() -> dict:
    """Queue an analysis of the demo consultation so the demo shows themes once the worker runs."""
    from analysis.services.themes import start_run
    from forum.models import Consultation

    consultation = db.session.scalar(select(Consultation).order_by(Consultation.id).limit(1))
    if consultation is None:
        return {}
    run = start_run(consultation.id, None)
    return {"analysis run": run.id}
