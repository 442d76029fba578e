"""Import a transcript, redact it in the worker, review it, approve it into segments."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

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
    parsed = read_transcript(data, filename, max_bytes=max_bytes)
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


def review_redactions(transcript: Transcript, rejected_ids: set[int],
                      approving: bool = False) -> list[str]:
    """Record the facilitator's decisions: listed redactions rejected, the rest accepted.

    Args:
        transcript: the transcript reviewed.
        rejected_ids: redactions shown and left unticked.
        approving: approval follows at once (it brings the segments in step itself).

    Returns:
        Plain-English lines of people's decisions lost with segments whose text changed.
    """
    changed, taken, newly_rejected = [], [], []
    for turn in transcript.turns:
        for redaction in turn.redactions:
            if (redaction.status == RedactionStatus.REJECTED and redaction.id not in rejected_ids
                    and transcript.approved_at is not None):  # once approved as said
                taken.append(((turn.original_text or "")[redaction.start:redaction.end],
                              redaction.label))
            if redaction.status != RedactionStatus.REJECTED and redaction.id in rejected_ids:
                newly_rejected.append(redaction.id)
            redaction.status = (RedactionStatus.REJECTED if redaction.id in rejected_ids
                                else RedactionStatus.ACCEPTED)
        text = redacted_text(turn)
        if text != turn.redacted_text:
            changed.append(turn.id)
        turn.redacted_text = text
    reset: list[str] = []
    if transcript.approved_at is not None and (taken or changed and not approving):
        # Saved without approving, a word ticked on an approved transcript stayed in its
        # segments (and the transcript 'Approved'). Approving brings the segments in step.
        from analysis.services.segment_resets import text_changed_after_approval

        reset = text_changed_after_approval(transcript, [] if approving else changed, taken)
    if newly_rejected:  # memos saved while they waited lost their words: back they go
        from analysis.services.memos import put_back_rejected

        db.session.flush()
        put_back_rejected(newly_rejected, transcript.session.consultation_id)
    db.session.commit()
    return reset


class ReviewError(ValueError):
    """A review action that cannot be done, in plain English."""


class Redacted(NamedTuple):
    """What adding a redaction did."""

    places: int  # how many places were redacted
    reset: list[str]  # plain-English lines of people's decisions lost with changed segments


_BIDI_GAP = "[\u202a-\u202e\u2066-\u2069]*"


def add_redaction(transcript: Transcript, turn: Turn, words: str, label: str,
                  everywhere: bool) -> Redacted:
    """Redact more text a person selected, in one turn or everywhere it appears.

    Returns:
        How many places were redacted, and what people had decided about the segments
        whose text changed (they are deleted at once).

    Raises:
        ReviewError: when the words are not found or the originals were purged.
    """
    words = words.strip()
    if not words:
        raise ReviewError("Type the words to redact, exactly as they appear")
    if transcript.purged_at:
        raise ReviewError("The original text has been purged, so nothing more can be redacted")
    # Whole words only: "Walsal" typed for "Walsall" left "[place]l", and "Ed" everywhere
    # would take the middle out of "needed".
    # Bidi controls the file holds among the words (never shown, never typed) are passed over.
    pattern = re.compile((r"(?<!\w)" if re.match(r"\w", words[0]) else "")
                         + _BIDI_GAP.join(re.escape(ch) for ch in words)
                         + (r"(?!\w)" if re.match(r"\w", words[-1]) else ""), re.IGNORECASE)
    targets = transcript.turns if everywhere else [turn]
    added, changed = 0, []
    for target in targets:
        for match in pattern.finditer(target.original_text or ""):
            changed.append(target.id)
            # The same words proposed and unticked: that entry is taken back with this label,
            # or the review page listed them twice, once unticked and once ticked.
            same = next((r for r in target.redactions
                         if (r.start, r.end) == (match.start(), match.end())), None)
            if same is None:
                target.redactions.append(Redaction(start=match.start(), end=match.end(),
                                                   label=label, added_by_person=True,
                                                   status=RedactionStatus.ACCEPTED))
            else:
                # Unticked, it is back only because a person added it: the record says so.
                if same.status == RedactionStatus.REJECTED:
                    same.added_by_person = True
                same.label, same.status = label, RedactionStatus.ACCEPTED
            added += 1
        target.redacted_text = redacted_text(target)
    if not added:
        where = 'the transcript' if everywhere else 'that turn'
        inside = re.compile(r"\w*" + re.escape(words) + r"\w*", re.IGNORECASE)
        whole = next((m.group(0) for t in targets if (m := inside.search(t.original_text or ""))),
                     None)
        if whole:
            raise ReviewError(f"\u2018{words}\u2019 is only part of a word in {where} "
                              f"(\u2018{whole}\u2019). Type or select the whole word")
        raise ReviewError(f"\u2018{words}\u2019 was not found in {where}")
    # Analysis, search, quotes and exports read segments whatever the transcript's status:
    # the words just taken out leave them now.
    from analysis.services.segment_resets import text_changed_after_approval

    reset = text_changed_after_approval(transcript, set(changed), [(words, label)])
    db.session.commit()
    return Redacted(added, reset)


def unmatched_turn_count(transcript: Transcript) -> int:
    return sum(1 for t in transcript.turns if t.speaker and t.speaker.role == SpeakerRole.UNMATCHED
               and not t.backchannel)
