"""Transcript pages: upload, the conversation, speakers."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from analysis.core.transcripts import TranscriptError
from analysis.core.transcripts.upload_names import is_markup
from analysis.core.word_list import word_list
from analysis.services import transcripts as service
from analysis.services.joined_paragraphs import joined_paragraphs
from analysis.services.transcript_suggestions import question_blocks
from analysis.views.folding import fold_runs
from analysis.views.forms import AddRedactionForm, UploadForm
from analysis.views.tasks import REDACT_TRANSCRIPT
from analysis.views.transcript_blueprint import MANAGE, SEE, bp
from analysis.views.transcript_refusals import refusal_text, too_big_text
from forum.access import allow, user_has_role
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.forms.fields import add_error
from forum.jobs import enqueue
from forum.models import (
    FocusGroupSession,
    Segment,
    Transcript,
    TranscriptStatus,
)
from forum.models.base import utcnow
from forum.services import audit
from forum.services.retention import delete_waits, offers_delete


@bp.route("/sessions/<int:session_id>/transcripts/new", methods=["GET", "POST"])
@allow(*MANAGE)
def upload(session_id):
    """Upload or paste a transcript; nothing is stored unless it can be read."""
    session = db.get_or_404(FocusGroupSession, session_id)
    form = UploadForm()
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if form.validate_on_submit():
        upload_file = form.file.data
        pasted = (form.pasted.data or "").strip()
        pasted_data = None
        if upload_file and upload_file.filename and pasted:
            # Using one and dropping the other unsaid lost what was typed (or the wrong file).
            filename, data = None, b""
            add_error(form.pasted, "Choose a file or paste the transcript, not both. Clear "
                                   "this box to upload the file")
        elif upload_file and upload_file.filename and _size(upload_file) > limit:
            # Sent without too-big.js: refused here, with what was typed beside it kept.
            filename, data = None, b""
            add_error(form.file, too_big_text(upload_file.filename, _size(upload_file), limit))
        elif upload_file and upload_file.filename:
            filename, data = upload_file.filename, upload_file.read()
        elif pasted and is_markup(pasted):
            # Said of the paste, not of "Transcript pasted ... .txt", a file nobody chose.
            filename, data = None, b""
            add_error(form.pasted, "This is the code of a web page or a picture (HTML, SVG or "
                                   "XML tags), not the words of a transcript. Copy the words "
                                   "people said and paste those")
        elif pasted:
            # Its pages are headed by this name: say what it is and when ("pasted.txt" said
            # neither). The ".txt" picks the plain-text reader.
            pasted_on = utcnow()
            filename = f"Transcript pasted {pasted_on.day} {pasted_on:%b %Y}.txt"
            data = pasted_data = (form.pasted.data or "").encode("utf-8")
        else:
            filename, data = None, b""
            add_error(form.file, "Choose a transcript file, or paste the transcript")
        if filename:
            try:
                transcript = service.import_transcript(
                    session, filename, data, current_user, form.known_names.data or "", limit)
            except TranscriptError as error:
                db.session.rollback()
                # Beside the words it is about: a refused paste was once flagged on the file box.
                add_error(form.file if data is not pasted_data else form.pasted,
                          refusal_text(error))
            else:
                audit.record("transcript_uploaded", current_user, transcript,
                             ip=request.remote_addr,
                             format=transcript.format, turns=len(transcript.turns),
                             names_given=bool(transcript.known_names))
                # Read before the job starts: an inline job may end the database session.
                joined = _joined_note(joined_paragraphs(transcript))
                _start_redaction(transcript)
                flash("Transcript uploaded. Personal data is being found now; check the speakers "
                      "meanwhile.")
                if joined:
                    flash(joined, "warning")
                return redirect(url_for("transcripts.speakers", transcript_id=transcript.id))
    return render_template("transcripts/upload.html", form=form, session_obj=session)


# A transcript upload up to this many times the limit is read through, so a file over the
# limit comes back to its form with the words typed beside it; a bigger request still gets the
# "The file is too big" page, as every other form does.
OVER_LIMIT_READ = 4


def read_over_limit_uploads() -> None:
    """Raise the request limit for staff sending a transcript: see OVER_LIMIT_READ."""
    # First of the before-request functions: CSRF checking reads the form, and the limit with it.
    if (request.endpoint == "transcripts.upload" and request.method == "POST"
            and current_user.is_authenticated and user_has_role(*MANAGE)):
        request.max_content_length = current_app.config["MAX_CONTENT_LENGTH"] * OVER_LIMIT_READ


def _size(upload_file) -> int:
    stream = upload_file.stream
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


JOINED_SHOWN = 5  # turns named in the note; the transcript page marks every one


def _joined_note(joined: dict[int, list[int]]) -> str | None:
    """Say which turns took in a paragraph with no name before it, to be checked."""
    if not joined:
        return None
    turns = [str(n) for n in list(joined)[:JOINED_SHOWN]]
    if len(joined) > JOINED_SHOWN:
        turns.append(f"{len(joined) - JOINED_SHOWN} more")  # "1, ..., 5 and 3 more"
    lines = [str(line) for found in joined.values() for line in found]
    where = ""
    if 0 < len(lines) <= JOINED_SHOWN:
        where = " (" + ngettext("line %(lines)s", "lines %(lines)s", len(lines),
                                lines=word_list(lines)) + ")"
    named = word_list(turns)
    return ngettext(
        "Turn %(turns)s has a paragraph with no name before it%(where)s. It was joined to the "
        "turn above it, as the same person still speaking: check on the transcript page that "
        "it is.",
        "Turns %(turns)s have a paragraph with no name before them%(where)s. Each was joined to "
        "the turn above it, as the same person still speaking: check on the transcript page "
        "that they are.", len(joined), turns=named,
        where=where) + (" If someone else said it, put their name before it, upload the "
                        "transcript again and delete this copy.")


def _start_redaction(transcript: Transcript) -> None:
    job = enqueue(REDACT_TRANSCRIPT, {"transcript_id": transcript.id})
    fresh = db.session.get(Transcript, transcript.id)  # an inline job may have ended the session
    if fresh is not None:
        fresh.job_id = job.id
    db.session.commit()


@bp.route("/transcripts/<int:transcript_id>")
@allow(*SEE)
def show(transcript_id):
    """The conversation as turns, with redactions, segment boundaries and flags."""
    transcript = db.get_or_404(Transcript, transcript_id)
    if not user_has_role(*MANAGE) and transcript.status != TranscriptStatus.APPROVED:
        abort(403)
    segments = db.session.scalars(db.select(Segment).where(Segment.source_id == transcript.id,
                                                            Segment.turn_id.is_not(None))
                                  .order_by(Segment.position))
    by_turn: dict[int, list] = {}
    for segment in segments:
        by_turn.setdefault(segment.turn_id, []).append(segment)
    can_manage = user_has_role(*MANAGE)
    blocks = question_blocks(transcript) if can_manage else {}
    picked = set(request.args.getlist("turn"))
    joined = joined_paragraphs(transcript) if can_manage else {}
    return render_template("transcripts/show.html", transcript=transcript, segments_by_turn=by_turn,
                           can_manage=can_manage,
                           may_delete=can_manage and offers_delete(transcript),
                           delete_waits=can_manage and delete_waits(transcript),
                           blocks=blocks,
                           groups=turn_groups(transcript, blocks, picked, can_manage, joined),
                           time_not_read=time_not_read, joined=joined,
                           # The fold note names the reasons a turn is left open that occur.
                           times_not_read=can_manage and any(
                               time_not_read(transcript, turn) for turn in transcript.turns),
                           open_all=request.args.get("turns") == "all",
                           add_form=AddRedactionForm(), confirm=ConfirmForm(),
                           unmatched=service.unmatched_turn_count(transcript),
                           picked=picked,
                           picked_question=request.args.get("question_id", ""),
                           picked_span=request.args.get("span", "range"))


# The most turns in one fold: a group opened at 768 wide is a few screens, not the transcript.
FOLD_MOST = 10
# A transcript this short is shown open: a few screens, and a fold would only hide it.
FOLD_FROM = 21


def time_not_read(transcript: Transcript, turn) -> bool:
    """A caption file's turn whose time could not be read (kept in place, to be checked).

    Only transcripts stored before a cue that is not well formed refused the whole file
    (``cue_check``) can have one."""
    return transcript.format in ("vtt", "srt") and turn.start_seconds is None


def turn_groups(transcript: Transcript, blocks: dict, picked: set[str],
                can_manage: bool, joined: dict | None = None) -> list[tuple[bool, list]]:
    """The conversation as (open, turns): a turn that needs someone (held or flagged for
    safeguarding, a time not read, a paragraph with no name joined to it, a facilitator's
    question not yet tagged, a turn just ticked) on its own, and the rest folded in runs of up
    to FOLD_MOST turns tagged alike. Open, the page was some 15,200 px tall at 768 wide, the
    tag form at its foot screens away."""
    def stands_out(turn) -> bool:
        block = blocks.get(turn.id)
        return bool(turn.risk_flagged or str(turn.index) in picked
                    or (block and turn.question_id != block.question.id)
                    or (can_manage and time_not_read(transcript, turn))
                    or turn.index in (joined or {}))

    if len(transcript.turns) < FOLD_FROM:
        return [(True, [turn]) for turn in transcript.turns]
    return fold_runs(transcript.turns, stands_out, lambda turn: turn.question_id, FOLD_MOST)


@bp.route("/consultations/<int:consultation_id>/answers/segment", methods=["POST"])
@allow(*SEE)
def segment_answers(consultation_id):
    """Redact new free-text survey answers into segments, in the background."""
    from analysis.views.tasks import SEGMENT_ANSWERS
    from forum.models import Consultation

    consultation = db.get_or_404(Consultation, consultation_id)
    if ConfirmForm().validate_on_submit():
        enqueue(SEGMENT_ANSWERS, {"consultation_id": consultation.id})
        flash("New survey answers are having personal details taken out, ready for analysis. "
              "Refresh in a minute.")
    return redirect(url_for("consultations.show", consultation_id=consultation.id))
