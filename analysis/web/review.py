"""Redaction review, approval, safeguarding decisions, question tags and purging originals."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from analysis.services import segments as segment_service
from analysis.services import transcripts as service
from analysis.web.forms import AddRedactionForm, TagQuestionForm
from analysis.web.transcripts import MANAGE, bp, transcript_or_404
from forum.access import allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.jobs import retry_job
from forum.models import Question, RedactionStatus, TranscriptStatus
from forum.services.privacy import purge_original
from forum.security import fresh_login_required
from forum.services import audit


def highlighted_original(turn) -> Markup:
    """The original words with each proposed redaction marked, every piece escaped."""
    text, out, cursor = turn.original_text or "", [], 0
    for r in turn.redactions:
        if r.start < cursor:
            continue
        out.append(escape(text[cursor:r.start]))
        css = "fv-redaction--rejected" if r.status == RedactionStatus.REJECTED else "fv-redaction"
        out.append(Markup('<mark class="{}" id="r{}">{}<span class="govuk-visually-hidden"> ({})</span></mark>')
                   .format(css, r.id, text[r.start:r.end], r.label))
        cursor = r.end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


@bp.route("/transcripts/<int:transcript_id>/review", methods=["GET", "POST"])
@allow(*MANAGE)
def review(transcript_id):
    """Every proposed redaction beside the original: accept or reject, then approve."""
    transcript = transcript_or_404(transcript_id)
    if transcript.status == TranscriptStatus.REDACTING:
        return render_template("transcripts/waiting.html", transcript=transcript)
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        # Ticked means "take it out"; a redaction shown but left unticked is rejected.
        seen = {int(v) for v in request.form.getlist("seen") if v.isdigit()}
        kept = {int(v) for v in request.form.getlist("keep") if v.isdigit()}
        rejected = seen - kept
        service.review_redactions(transcript, rejected)
        if request.form.get("approve"):
            created = segment_service.approve_transcript(transcript, current_user)
            audit.record("transcript_approved", current_user, transcript, ip=request.remote_addr,
                         segments=created)
            flash(f"Redactions approved. {created} segments are ready for analysis.")
            return redirect(url_for("transcripts.show", transcript_id=transcript.id))
        flash("Decisions saved.")
        return redirect(url_for("transcripts.review", transcript_id=transcript.id))
    return render_template("transcripts/review.html", transcript=transcript, form=ConfirmForm(),
                           add_form=AddRedactionForm(), highlighted_original=highlighted_original)


@bp.route("/transcripts/<int:transcript_id>/redactions", methods=["POST"])
@allow(*MANAGE)
def add_redaction(transcript_id):
    """Redact words a person found that the checks missed."""
    transcript = transcript_or_404(transcript_id)
    form = AddRedactionForm()
    if form.validate_on_submit():
        turn = next((t for t in transcript.turns if t.index == form.turn.data), None)
        if turn is None:
            flash(f"There is no turn {form.turn.data} in this transcript", "error")
        else:
            try:
                added = service.add_redaction(transcript, turn, form.words.data, form.label.data,
                                              form.everywhere.data)
            except service.ReviewError as error:
                flash(str(error), "error")
            else:
                flash(f"Redacted {added} place{'s' if added != 1 else ''}.")
    else:
        flash(next(iter(form.errors.values()))[0], "error")
    return redirect(url_for("transcripts.review", transcript_id=transcript.id))


@bp.route("/transcripts/<int:transcript_id>/turns/<int:turn_id>/risk", methods=["POST"])
@allow(*MANAGE)
def risk(transcript_id, turn_id):
    """Mark a safeguarding flag as reviewed, or flag a turn yourself."""
    transcript = transcript_or_404(transcript_id)
    turn = next((t for t in transcript.turns if t.id == turn_id), None) or abort(404)
    if ConfirmForm().validate_on_submit():
        if request.form.get("action") == "flag":
            segment_service.flag_risk(turn, request.form.get("reason", ""))
            flash(f"Turn {turn.index} is held out of analysis until someone reviews it.")
        else:
            segment_service.review_risk(turn, current_user)
            flash(f"Turn {turn.index} marked as reviewed.")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id, _anchor=f"turn-{turn.index}"))


@bp.route("/transcripts/<int:transcript_id>/questions", methods=["POST"])
@allow(*MANAGE)
def tag_questions(transcript_id):
    """Tag a stretch of turns as answering one consultation question."""
    transcript = transcript_or_404(transcript_id)
    form = TagQuestionForm()
    form.question_id.choices = [(0, "")] + [(q.id, q.label) for q in transcript.session.consultation.questions]
    if form.validate_on_submit() and form.first.data <= form.last.data:
        question = db.session.get(Question, form.question_id.data) if form.question_id.data else None
        tagged = segment_service.tag_question(transcript, form.first.data, form.last.data, question)
        flash(f"{tagged} turns tagged {'as answering ' + question.label if question else 'with no question'}.")
    else:
        flash("Give a first and last turn number (first no larger than last) and a question", "error")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id))


@bp.route("/transcripts/<int:transcript_id>/purge", methods=["POST"])
@allow(*MANAGE)
@fresh_login_required
def purge(transcript_id):
    """Delete the original words for good, once redaction is approved."""
    transcript = transcript_or_404(transcript_id)
    if ConfirmForm().validate_on_submit():
        if transcript.status != TranscriptStatus.APPROVED:
            flash("Approve the redactions before purging the original", "error")
        else:
            purge_original(transcript)
            db.session.commit()
            audit.record("transcript_purged", current_user, transcript, ip=request.remote_addr)
            flash("The original transcript has been purged. Only the redacted text is kept.")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id))


@bp.route("/transcripts/<int:transcript_id>/retry", methods=["POST"])
@allow(*MANAGE)
def retry(transcript_id):
    """Run a failed redaction again."""
    transcript = transcript_or_404(transcript_id)
    if ConfirmForm().validate_on_submit() and transcript.status == TranscriptStatus.FAILED and transcript.job:
        transcript.status = TranscriptStatus.REDACTING
        db.session.commit()
        retry_job(transcript.job)
        flash("Trying again.")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id))
