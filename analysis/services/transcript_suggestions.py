"""What the transcript pages offer a facilitator: speakers matched as before, and where each
consultation question's block starts."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from analysis.core.question_cues import question_asked
from analysis.services.transcripts import GENERIC_SPEAKER, UNLABELLED
from forum.extensions import db
from forum.models import Member, Question, Speaker, SpeakerRole, Transcript, Turn


@dataclass(frozen=True)
class SpeakerSuggestion:
    """Who a speaker probably is, and why we think so."""

    role: SpeakerRole
    member: Member | None
    reason: str

    @property
    def value(self) -> str:
        """The speakers form's value for this choice."""
        return f"member-{self.member.id}" if self.member else self.role.value


def suggest_speakers(transcript: Transcript) -> dict[int, SpeakerSuggestion]:
    """For each unmatched speaker, the match given to the same label before.

    An earlier transcript of the same session comes first. Other sessions count only for
    labels that name someone ("Dee", not "Speaker 2", which is a different person each time).
    The turns with no name in the file (``UNLABELLED``) get none: they are whoever spoke
    unnamed in each file, and the suggestion came pre-selected.

    Args:
        transcript: the transcript whose speakers are being matched.

    Returns:
        Suggestion by speaker id, for unmatched speakers that have one.
    """
    suggestions = {}
    for speaker in transcript.speakers:
        if speaker.role != SpeakerRole.UNMATCHED or speaker.label == UNLABELLED:
            continue
        query = (select(Speaker).join(Transcript, Transcript.id == Speaker.transcript_id)
                 .where(func.lower(Speaker.label) == speaker.label.lower(),
                        Speaker.transcript_id != transcript.id,
                        Speaker.role != SpeakerRole.UNMATCHED)
                 .order_by((Transcript.session_id == transcript.session_id).desc(),
                           Transcript.uploaded_at.desc(), Speaker.id.desc()))
        if GENERIC_SPEAKER.match(speaker.label):
            query = query.where(Transcript.session_id == transcript.session_id)
        for earlier in db.session.scalars(query):
            if earlier.role == SpeakerRole.MEMBER and earlier.member is None:
                continue  # the member was erased since
            if earlier.transcript.session_id == transcript.session_id:
                reason = f"as in the earlier transcript \u2018{earlier.transcript.filename}\u2019"
            else:
                title = earlier.transcript.session.title
                reason = f"as \u2018{earlier.label}\u2019 in \u2018{title}\u2019"
            suggestions[speaker.id] = SpeakerSuggestion(earlier.role, earlier.member, reason)
            break
    return suggestions


@dataclass(frozen=True)
class BlockStart:
    """A facilitator's turn that asks a consultation question: its block runs to ``last``."""

    question: Question
    last: int


def question_blocks(transcript: Transcript) -> dict[int, BlockStart]:
    """Facilitators' turns that ask a consultation question, by turn id.

    Each block runs from the asking turn to the turn before the next one that asks a
    question, or to the end.

    Args:
        transcript: the transcript.

    Returns:
        BlockStart by the asking turn's id.
    """
    questions = transcript.session.consultation.questions
    by_number = {q.number: q for q in questions}
    pairs = [(q.number, q.text) for q in questions]
    starts: list[tuple[Turn, Question]] = []
    for turn in transcript.turns:
        if not turn.speaker or turn.speaker.role != SpeakerRole.FACILITATOR:
            continue
        number = question_asked(turn.redacted_text or turn.original_text or "", pairs)
        if number is not None:
            starts.append((turn, by_number[number]))
    end = max((t.index for t in transcript.turns), default=0)
    blocks = {}
    for position, (turn, question) in enumerate(starts):
        last = starts[position + 1][0].index - 1 if position + 1 < len(starts) else end
        blocks[turn.id] = BlockStart(question, last)
    return blocks
