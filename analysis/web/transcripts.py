"""Transcript pages: upload, the conversation, speakers."""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.services import transcripts as service
from analysis.transcripts import TranscriptError
from analysis.web.forms import AddRedactionForm, TagQuestionForm, UploadForm
from analysis.web.tasks import REDACT_TRANSCRIPT
from forum.access import Role, allow, user_has_role
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.jobs import enqueue
from forum.models import FocusGroupSession, Member, Segment, SpeakerRole, Transcript, TranscriptStatus

bp = Blueprint("transcripts", __name__, template_folder="templates")
MANAGE = (Role.ADMIN, Role.FACILITATOR)
SEE = (Role.ADMIN, Role.FACILITATOR, Role.POLICY_OFFICER)


def transcript_or_404(transcript_id: int) -> Transcript:
    return db.session.get(Transcript, transcript_id) or abort(404)


@bp.route("/sessions/<int:session_id>/transcripts/new", methods=["GET", "POST"])
@allow(*MANAGE)
def upload(session_id):
    """Upload or paste a transcript; nothing is stored unless it can be read."""
    session = db.session.get(FocusGroupSession, session_id) or abort(404)
    form = UploadForm()
    if form.validate_on_submit():
        upload_file = form.file.data
        if upload_file and upload_file.filename:
            filename, data = upload_file.filename, upload_file.read()
        elif (form.pasted.data or "").strip():
            filename, data = "pasted.txt", form.pasted.data.encode("utf-8")
        else:
            filename, data = None, b""
            form.file.errors.append("Choose a transcript file, or paste the transcript")
        if filename:
            try:
                transcript = service.import_transcript(
                    session, filename, data, current_user, form.known_names.data or "",
                    current_app.config["MAX_CONTENT_LENGTH"])
            except TranscriptError as error:
                db.session.rollback()
                form.file.errors.append(str(error))
            else:
                _start_redaction(transcript)
                flash("Transcript uploaded. Personal data is being found now; check the speakers meanwhile.")
                return redirect(url_for("transcripts.speakers", transcript_id=transcript.id))
    return render_template("transcripts/upload.html", form=form, session_obj=session)


def _start_redaction(transcript: Transcript) -> None:
    job = enqueue(REDACT_TRANSCRIPT, {"transcript_id": transcript.id})
    transcript = db.session.get(Transcript, transcript.id)
    transcript.job_id = job.id
    db.session.commit()


@bp.route("/transcripts/<int:transcript_id>")
@allow(*SEE)
def show(transcript_id):
    """The conversation as turns, with redactions, segment boundaries and flags."""
    transcript = transcript_or_404(transcript_id)
    if not user_has_role(*MANAGE) and transcript.status != TranscriptStatus.APPROVED:
        abort(403)
    segments = db.session.scalars(db.select(Segment).where(Segment.source_id == transcript.id,
                                                            Segment.turn_id.is_not(None))
                                  .order_by(Segment.position))
    by_turn: dict[int, list] = {}
    for segment in segments:
        by_turn.setdefault(segment.turn_id, []).append(segment)
    tag_form = TagQuestionForm()
    tag_form.question_id.choices = [(0, "No question")] + [
        (q.id, f"{q.label}. {q.text[:80]}") for q in transcript.session.consultation.questions]
    return render_template("transcripts/show.html", transcript=transcript, segments_by_turn=by_turn,
                           can_manage=user_has_role(*MANAGE), tag_form=tag_form,
                           add_form=AddRedactionForm(), confirm=ConfirmForm(),
                           unmatched=service.unmatched_turn_count(transcript))


@bp.route("/transcripts/<int:transcript_id>/speakers", methods=["GET", "POST"])
@allow(*MANAGE)
def speakers(transcript_id):
    """Map each speaker to a member, or mark them facilitator or observer."""
    transcript = transcript_or_404(transcript_id)
    members = {m.id: m for m in db.session.scalars(db.select(Member).order_by(Member.id))}
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        for speaker in transcript.speakers:
            choice = request.form.get(f"speaker-{speaker.id}", "unmatched")
            if choice.startswith("member-") and choice[7:].isdigit() and int(choice[7:]) in members:
                service.set_speaker(speaker, SpeakerRole.MEMBER, members[int(choice[7:])])
            elif choice in {r.value for r in SpeakerRole} and choice != "member":
                service.set_speaker(speaker, SpeakerRole(choice), None)
        if transcript.status == TranscriptStatus.APPROVED:
            from analysis.services.segments import build_segments

            build_segments(transcript)
            db.session.commit()
        flash("Speakers saved.")
        return redirect(url_for("transcripts.show", transcript_id=transcript.id))
    counts = {s.id: 0 for s in transcript.speakers}
    for turn in transcript.turns:
        if turn.speaker_id:
            counts[turn.speaker_id] += 1
    attending = {m.id for m in transcript.session.members}
    return render_template("transcripts/speakers.html", transcript=transcript, counts=counts,
                           members=list(members.values()), attending=attending, form=ConfirmForm())


@bp.route("/consultations/<int:consultation_id>/answers/segment", methods=["POST"])
@allow(*SEE)
def segment_answers(consultation_id):
    """Redact new free-text survey answers into segments, in the background."""
    from analysis.web.tasks import SEGMENT_ANSWERS
    from forum.models import Consultation

    consultation = db.session.get(Consultation, consultation_id) or abort(404)
    if ConfirmForm().validate_on_submit():
        enqueue(SEGMENT_ANSWERS, {"consultation_id": consultation.id})
        flash("New survey answers are being redacted into segments. Refresh in a minute.")
    return redirect(url_for("consultations.show", consultation_id=consultation.id))


from analysis.web import review  # noqa: E402,F401  (registers the review routes on bp)
