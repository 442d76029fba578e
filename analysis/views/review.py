"""Redaction review, approval, safeguarding decisions, question tags, purging and deleting."""
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup, escape

from analysis.services import redaction_review
from analysis.services import segments as segment_service
from analysis.services import transcripts as service
from analysis.services.joined_paragraphs import joined_paragraphs
from analysis.services.speakers import AttendanceChange, attendance_lines
from analysis.views.folding import fold_runs
from analysis.views.forms import AddRedactionForm
from analysis.views.transcript_blueprint import MANAGE, bp
from forum.access import allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.forms.fields import add_error
from forum.jobs import retry_job
from forum.models import Question, RedactionStatus, Transcript, TranscriptStatus
from forum.security import fresh_login_required
from forum.services import audit
from forum.services.retention import (
    SAFEGUARDING_UNREVIEWED,
    delete_transcript,
    purge_original,
    unfinished_review,
    why_not_deletable,
)


def highlighted_original(turn) -> Markup:
    """The original words with each proposed redaction marked, every piece escaped."""
    text, out, cursor = turn.original_text or "", [], 0
    for r in turn.redactions:
        if r.start < cursor:
            continue
        out.append(escape(text[cursor:r.start]))
        css = "fv-redaction--rejected" if r.status == RedactionStatus.REJECTED else "fv-redaction"
        out.append(
            Markup('<mark class="{}" id="r{}">{}<span class="govuk-visually-hidden"> '
                   '({})</span></mark>')
                   .format(css, r.id, text[r.start:r.end], r.label))
        cursor = r.end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


@bp.route("/transcripts/<int:transcript_id>/review", methods=["GET", "POST"])
@allow(*MANAGE)
def review(transcript_id):
    """Every proposed redaction beside the original: accept or reject, then approve."""
    transcript = db.get_or_404(Transcript, transcript_id)
    if transcript.status in (TranscriptStatus.REDACTING, TranscriptStatus.FAILED):
        # A failed check found nothing because it checked nothing: "0 personal details were
        # found" above "Approve redactions" (which then failed) read as a clean transcript.
        return render_template("transcripts/waiting.html", transcript=transcript,
                               can_manage=True, confirm=ConfirmForm())
    if transcript.purged_at:
        # Only offsets into words that no longer exist are left: nothing to review or change.
        return render_template("transcripts/purged.html", transcript=transcript)
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        # Ticked means "take it out"; a redaction shown but left unticked is rejected.
        seen = {int(v) for v in request.form.getlist("seen") if v.isdigit()}
        kept = {int(v) for v in request.form.getlist("keep") if v.isdigit()}
        rejected = seen - kept
        reset = redaction_review.review_redactions(
            transcript, rejected, approving=bool(request.form.get("approve")))
        if request.form.get("approve"):
            rebuilt = segment_service.approve_transcript(transcript, current_user)
            audit.record("transcript_approved", current_user, transcript, ip=request.remote_addr,
                         segments=rebuilt.count, kept=rebuilt.kept, reset=len(rebuilt.reset))
            made = ngettext("%(num)d passage made", "%(num)d passages made", rebuilt.made)
            left_out = [_left_out_note(member, count) for member, _turns, count
                        in segment_service.left_out_members(transcript) if count]
            if rebuilt.kept:  # a re-approval: say that people's decisions were kept
                said = (f"Redactions approved: {made} from new or changed turns, "
                        f"{rebuilt.kept} kept as they were, with what people decided about them.")
            else:
                said = "Redactions approved: " + ngettext(
                    "%(num)d passage ready for analysis.", "%(num)d passages ready for analysis.",
                    rebuilt.made)
            flash(" ".join([said, *left_out]))
            flash_resets(rebuilt.reset)
            return redirect(url_for("transcripts.show", transcript_id=transcript.id))
        flash("Decisions saved.")
        flash_resets(reset)
        return redirect(url_for("transcripts.review", transcript_id=transcript.id))
    return _review_page(transcript, AddRedactionForm())


def flash_resets(reset: list[str]) -> None:
    """Tell the person what went with segments whose text changed (already said in the
    drafts they touched), so nobody finds a decision missing without a word."""
    if reset:
        flash("\n".join(["Some segments changed, so what people decided about them was "
                         "reset:", *reset]), "warning-list")


def review_groups(turns, joined=None) -> list[tuple[bool, list]]:
    """The turns to review, as (found, turns): each turn with something proposed to take out,
    or a paragraph with no name joined to it (``joined``), on its own, and each run of turns
    with nothing proposed together, to fold away (the page was some 15,000 px tall at 768
    wide, a decision every few screens)."""
    shown = [t for t in turns if t.redactions or (t.original_text and not t.backchannel)]
    return fold_runs(shown, lambda turn: bool(turn.redactions) or turn.index in (joined or {}))


def _left_out_note(member, made: int) -> str:
    """What approving did with the segments of a member who does not take part."""
    why = ("who has withdrawn consent" if member.consent and member.consent.withdrawn
           else "whose consent does not cover taking part")
    return ngettext(
        "%(num)d of them is %(name)s's, %(why)s: it is kept out of analysis, search, quotes "
        "and exports unless new consent is recorded.",
        "%(num)d of them are %(name)s's, %(why)s: they are kept out of analysis, search, "
        "quotes and exports unless new consent is recorded.", made, name=member.pseudonym,
        why=why)


def _review_page(transcript, add_form):
    joined = joined_paragraphs(transcript)
    groups = review_groups(transcript.turns, joined)
    # With nothing standing out every turn is folded, and every turn is what is left to read.
    open_all = request.args.get("turns") == "all" or not any(found for found, _ in groups)
    return render_template("transcripts/review.html", transcript=transcript, form=ConfirmForm(),
                           left_out=segment_service.left_out_members(transcript),
                           add_form=add_form, highlighted_original=highlighted_original,
                           groups=groups, joined=joined, open_all=open_all,
                           unmatched=service.unmatched_turn_count(transcript))


@bp.route("/transcripts/<int:transcript_id>/redactions", methods=["POST"])
@allow(*MANAGE)
def add_redaction(transcript_id):
    """Redact words a person found that the checks missed."""
    transcript = db.get_or_404(Transcript, transcript_id)
    form = AddRedactionForm()
    if form.validate_on_submit():
        turn = next((t for t in transcript.turns if t.index == form.turn.data), None)
        if turn is None:
            add_error(form.turn, f"There is no turn {form.turn.data} in this transcript")
            return _review_page(transcript, form)
        else:
            try:
                added, reset = redaction_review.add_redaction(
                    transcript, turn, form.words.data or "", form.label.data,
                    form.everywhere.data)
            except redaction_review.ReviewError as error:
                if transcript.purged_at:  # nothing left to show the words beside
                    flash(str(error), "error")
                    return redirect(url_for("transcripts.review", transcript_id=transcript.id))
                # Shown beside the words, which stay typed (they are not put in an address).
                add_error(form.words, str(error))
                return _review_page(transcript, form)
            else:
                # The words themselves stay out of the log: they are what was taken out.
                audit.record("redaction_added", current_user, transcript, ip=request.remote_addr,
                             turn=turn.index, label=form.label.data, places=added,
                             everywhere=bool(form.everywhere.data), reset=len(reset))
                # What they became, never the words: a flash is kept in the session cookie.
                flash(ngettext("Taken out as [%(label)s] in %(num)d place.",
                               "Taken out as [%(label)s] in %(num)d places.", added,
                               label=form.label.data))
                flash_resets(reset)
    elif not transcript.purged_at:
        return _review_page(transcript, form)  # the mistake beside its field, typing kept
    else:
        flash(next(iter(form.errors.values()))[0], "error")
    return redirect(url_for("transcripts.review", transcript_id=transcript.id))


@bp.route("/transcripts/<int:transcript_id>/questions", methods=["POST"])
@allow(*MANAGE)
def tag_questions(transcript_id):
    """Tag the turns picked on the page (ticked, or a question's block) with one question."""
    transcript = db.get_or_404(Transcript, transcript_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        numbers, question = _turns_and_question(transcript, request.form)
    except ValueError as error:
        flash(str(error), "error")
        # What was ticked and chosen comes back ticked: the page had cleared it.
        kept: dict[str, Any] = {
            "turn": [v for v in request.form.getlist("turn") if v.isdigit()],
            "question_id": request.form.get("question_id", ""),
            "span": request.form.get("span", "")}
        return redirect(url_for("transcripts.show", transcript_id=transcript.id, _anchor="tag",
                                **{k: v for k, v in kept.items() if v}))
    tagged = segment_service.tag_turns(transcript, numbers, question)
    audit.record("questions_tagged", current_user, transcript, ip=request.remote_addr,
                 first=min(numbers), last=max(numbers), turns=tagged,
                 question=question.label if question else None)
    target = f"as answering {question.label}" if question else "with no question"
    flash(ngettext("%(num)d turn tagged ", "%(num)d turns tagged ", tagged) + target + ".")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id,
                            _anchor=f"turn-{min(numbers)}"))


def _turns_and_question(transcript, form) -> tuple[set[int], Question | None]:
    """The turn numbers and question a tagging form asks for; ValueError says what is wrong."""
    questions = {q.id: q for q in transcript.session.consultation.questions}
    have = sorted(t.index for t in transcript.turns)
    if form.get("block"):  # "first:last:question id", from a facilitator's question
        first, last, question_id = (int(p) if p.isdigit() else -1
                                    for p in (form["block"].split(":") + ["", ""])[:3])
        picked, question = [first, last], questions.get(question_id)
        if question is None:
            raise ValueError("That question is not one of this consultation\u2019s")
    else:
        raw = form.getlist("turn") or [form.get("first", ""), form.get("last", "")]
        picked = sorted({int(v) for v in raw if v and v.strip().isdigit()})
        if not picked:
            raise ValueError("Tick the turns to tag, or the first and last turn of the stretch")
        question_id = form.get("question_id", "")
        question = questions.get(int(question_id)) if question_id.isdigit() else None
        if question is None and question_id != "0":
            raise ValueError("Choose the question the turns answer")
    outside = [n for n in picked if n not in have]
    if outside or not have:
        raise ValueError(f"There is no turn {outside[0] if outside else picked[0]} in this "
                         f"transcript. Its turns are numbered {have[0] if have else 1} to "
                         f"{have[-1] if have else 0}")
    if form.get("span") == "ticked":
        return set(picked), question
    return set(range(picked[0], picked[-1] + 1)), question


@bp.route("/transcripts/<int:transcript_id>/purge", methods=["GET", "POST"])
@allow(*MANAGE)
@fresh_login_required
def purge(transcript_id):
    """Delete the original words for good, once redaction is approved (asked first: a page
    that says what is lost, since one button on the transcript page purged at once)."""
    transcript = db.get_or_404(Transcript, transcript_id)
    if request.method == "GET":
        return render_template("transcripts/purge.html", transcript=transcript,
                               form=ConfirmForm())
    if ConfirmForm().validate_on_submit():
        waiting = unfinished_review(transcript)  # the retention job's rule, not a copy
        if transcript.status != TranscriptStatus.APPROVED:
            flash("Approve the redactions before purging the original", "error")
        elif waiting:
            flash(f"The original can't be purged yet: {waiting}. Review it first.", "error")
        else:
            purge_original(transcript)
            db.session.commit()
            audit.record("transcript_purged", current_user, transcript, ip=request.remote_addr)
            flash("The original transcript has been purged. Only the redacted text is kept.")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id))


@bp.route("/transcripts/<int:transcript_id>/delete", methods=["GET", "POST"])
@allow(*MANAGE)
@fresh_login_required
def delete(transcript_id):
    """Delete a copy of a transcript never approved, such as a bad or duplicate upload (asked
    first); without it the copy stayed "Needs review" until the retention period ended."""
    transcript = db.get_or_404(Transcript, transcript_id)
    refused = why_not_deletable(transcript)
    form = ConfirmForm()
    if request.method == "GET" or refused or not form.validate_on_submit():
        if request.method == "POST" and refused:
            flash(f"This copy can't be deleted: {refused}.", "error")
        return render_template("transcripts/delete.html", transcript=transcript, form=form,
                               refused=refused, flagged=refused == SAFEGUARDING_UNREVIEWED)
    session_id = transcript.session_id
    # Copies often share a file name: the upload time says which one went.
    which = f"\u2018{transcript.filename}\u2019, uploaded {transcript.uploaded_at:%-d %b %Y, %H:%M}"
    status = transcript.status.value
    left = delete_transcript(transcript)
    audit.record("transcript_deleted", current_user, transcript, commit=False,
                 ip=request.remote_addr, status=status, attending_removed=[m.id for m in left])
    db.session.commit()
    flash(" ".join([f"This copy of the transcript ({which}) has been deleted, with its speakers "
                    "and redactions.", *attendance_lines(AttendanceChange([], left))]))
    return redirect(url_for("sessions.show", session_id=session_id))


@bp.route("/transcripts/<int:transcript_id>/retry", methods=["POST"])
@allow(*MANAGE)
def retry(transcript_id):
    """Run a failed redaction again."""
    transcript = db.get_or_404(Transcript, transcript_id)
    if (ConfirmForm().validate_on_submit() and transcript.status == TranscriptStatus.FAILED
            and transcript.job):
        transcript.status = TranscriptStatus.REDACTING
        db.session.commit()
        retry_job(transcript.job)
        flash("Trying again.")
    return redirect(url_for("transcripts.show", transcript_id=transcript.id))
