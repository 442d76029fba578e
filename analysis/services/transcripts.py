"""Import a transcript and redact it in the worker; the facilitator's review of its redactions
is ``redaction_review``, approval into segments ``segments``."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.core.transcripts import TranscriptError, read_transcript
from forum.extensions import db
from forum.jobs import Progress
from forum.models import (
    FocusGroupSession,
    Redaction,
    RedactionStatus,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
    User,
)
from forum.services.text_direction import without_bidi_controls

if TYPE_CHECKING:
    from analysis.core.safeguarding import RiskFlag

UNLABELLED = "Unlabelled"
GENERIC_SPEAKER = re.compile(r"^(speaker|participant|unknown|interviewer|facilitator)\b", re.I)


def import_transcript(session: FocusGroupSession, filename: str, data: bytes,
                      uploaded_by: User | None, known_names: str = "",
                      max_bytes: int = 20 * 1024 * 1024) -> Transcript:
    """Parse a file and store it with its speakers and turns, all or nothing.

    Args:
        session: the focus-group session it belongs to.
        filename: the uploaded name (its extension picks the reader).
        data: the file's bytes.
        uploaded_by: the facilitator.
        known_names: real names to redact, one per line or comma-separated.
        max_bytes: the size limit.

    Returns:
        The stored transcript, waiting for redaction.

    Raises:
        analysis.core.transcripts.TranscriptError: with a plain message; nothing is stored.
    """
    # Bidi controls go where the file is read, as typed input's do (``TypedRequest``).
    parsed = read_transcript(data, filename, max_bytes=max_bytes, clean=without_bidi_controls)
    _refuse_a_second_copy(session, parsed.text)
    transcript = Transcript(session=session, filename=filename[:255], format=parsed.format,
                            original_text=parsed.text, known_names=known_names.strip() or None,
                            uploaded_by_id=uploaded_by.id if uploaded_by else None,
                            status=TranscriptStatus.REDACTING)
    db.session.add(transcript)
    speakers: dict[str | None, Speaker] = {}
    from analysis.core.segmenting import is_backchannel

    for parsed_turn in parsed.turns:
        label = parsed_turn.speaker
        if label not in speakers:
            speakers[label] = _new_speaker(session, label or UNLABELLED)
            transcript.speakers.append(speakers[label])
        transcript.turns.append(Turn(
            index=parsed_turn.index, speaker=speakers[label], original_text=parsed_turn.text,
            start_seconds=parsed_turn.start_seconds, end_seconds=parsed_turn.end_seconds,
            line_start=parsed_turn.line_start, line_end=parsed_turn.line_end,
            backchannel=is_backchannel(parsed_turn.text)))
    db.session.add(transcript)
    db.session.commit()
    return transcript


def _refuse_a_second_copy(session: FocusGroupSession, text: str) -> None:
    """Refuse words this session already has: approved twice, every quote would count twice."""
    earlier = db.session.scalar(db.select(Transcript).where(
        Transcript.session_id == session.id, Transcript.original_text == text).limit(1))
    if earlier is not None:
        raise TranscriptError(
            f"This transcript is already in this focus group: ‘{earlier.filename}’, uploaded "
            f"{earlier.uploaded_at:%-d %B %Y}. Open it from the focus group’s page instead.")


def _new_speaker(session: FocusGroupSession, label: str) -> Speaker:
    """A speaker, matched to an attending member when the label is their pseudonym, or to
    the facilitator or observer role its label names."""
    speaker = Speaker(label=label[:120])
    for member in session.members:
        if member.pseudonym.lower() == label.lower():
            speaker.role, speaker.member = SpeakerRole.MEMBER, member
    if re.match(r"^(facilitator|moderator|interviewer)\b", label, re.I):
        speaker.role = SpeakerRole.FACILITATOR
    elif re.match(r"^(observer|note ?taker)\b", label, re.I):  # never analysed, as the file says
        speaker.role = SpeakerRole.OBSERVER
    return speaker


def names_to_redact(transcript: Transcript) -> list[str]:
    """Real names known for this session: the facilitator's list, speaker labels, members."""
    names = [n.strip() for n in re.split(r"[,\n;]", transcript.known_names or "") if n.strip()]
    names += [s.label for s in transcript.speakers
              if s.label != UNLABELLED and not GENERIC_SPEAKER.match(s.label)
              and not (s.member and s.member.pseudonym == s.label)]
    for member in transcript.session.members:
        if member.contact and member.contact.real_name:
            names.append(member.contact.real_name)
    return list(dict.fromkeys(names))


def redact_transcript(transcript: Transcript,
                      progress: Progress = lambda stage, percent: None,
                      spacy_model: str = "en_core_web_sm") -> None:
    """Propose redactions and safeguarding flags for every turn (runs in the worker).

    Args:
        transcript: a stored transcript whose originals are still present.
        progress: callback(stage, percent) for the jobs page.
        spacy_model: the spaCy pipeline name.
    """
    from analysis.core.nlp import load_nlp
    from analysis.core.redact import find_personal_data
    from analysis.core.safeguarding import find_risks

    nlp = load_nlp(spacy_model)
    known = names_to_redact(transcript)
    turns = transcript.turns
    # Find everything first, then write it all in one transaction: progress() commits, and a
    # worker that dies half-way must not leave half the turns redacted.
    found = []
    for number, turn in enumerate(turns, start=1):
        if turn.original_text is None:
            continue
        spans = find_personal_data(turn.original_text, known_names=known, nlp=nlp)
        found.append((turn, spans, find_risks(turn.original_text)))
        if number % 20 == 0:
            progress("Finding personal data", int(100 * number / len(turns)))
    categories = _risks_of_whole_turns([(turn, risks) for turn, _spans, risks in found])
    for turn, spans, _risks in found:
        turn.redactions = [Redaction(start=s.start, end=s.end, label=s.label) for s in spans]
        if categories[turn.id] and turn.risk_reviewed_at is None:
            turn.risk_flagged = True
            turn.risk_reason = ", ".join(sorted(categories[turn.id]))[:200]
        turn.redacted_text = redacted_text(turn)
    transcript.status = TranscriptStatus.NEEDS_REVIEW
    db.session.commit()


def _risks_of_whole_turns(found: list[tuple[Turn, list[RiskFlag]]]) -> dict[int, set[str]]:
    """Risk categories per turn id, the pieces of one turn as said (``Turn.as_said``) sharing
    theirs: a disclosure holds the whole turn it was said in, not only the piece it falls in."""
    categories: dict[int, set[str]] = {}
    last: tuple[int | None, int, int] | None = None
    whole: set[str] = set()
    for turn, risks in found:  # in order: the pieces of one turn are next to each other
        if turn.as_said != last:
            last, whole = turn.as_said, set()
        whole.update(r.category for r in risks)
        categories[turn.id] = whole
    return categories


def redacted_text(turn: Turn) -> str:
    """The turn's text with every redaction not rejected replaced by its placeholder."""
    from analysis.core.redact import Span, apply_redactions

    spans = sorted((r for r in turn.redactions if r.status != RedactionStatus.REJECTED),
                   key=lambda r: (r.start, -(r.end - r.start)))
    keep: list[Span] = []
    for r in spans:  # a person's addition may overlap a proposal: keep the wider one
        if keep and r.start < keep[-1].end:
            if r.end > keep[-1].end:
                keep[-1] = Span(keep[-1].start, r.end, keep[-1].label, "")
            continue
        keep.append(Span(r.start, r.end, r.label, ""))
    return apply_redactions(turn.original_text or "", keep)


def unmatched_turn_count(transcript: Transcript) -> int:
    return sum(1 for t in transcript.turns if t.speaker and t.speaker.role == SpeakerRole.UNMATCHED
               and not t.backchannel)
