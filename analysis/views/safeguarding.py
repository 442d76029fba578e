"""Safeguarding flags on transcript turns: review with a record, then a separate choice to quote."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from analysis.services import safeguarding as service
from analysis.views.transcript_blueprint import MANAGE, bp
from forum.access import allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm
from forum.models import Transcript, Turn
from forum.models.safeguarding import OUTCOMES
from forum.views.lookup import owned_or_404


@bp.route("/transcripts/<int:transcript_id>/turns/<int:turn_id>/risk", methods=["POST"])
@allow(*MANAGE)
def risk(transcript_id, turn_id):
    """Flag a turn yourself, or record a review (the same form as the safeguarding page)."""
    return safeguarding(transcript_id, turn_id)


@bp.route("/transcripts/<int:transcript_id>/turns/<int:turn_id>/safeguarding",
          methods=["GET", "POST"])
@allow(*MANAGE)
def safeguarding(transcript_id, turn_id):
    """Review a safeguarding flag: what was done and a note, audited; then, apart, allow quoting."""
    transcript = db.get_or_404(Transcript, transcript_id)
    turn = owned_or_404(Turn, turn_id, transcript_id=transcript.id)
    errors, typed = {}, {}
    if request.method == "POST" and ConfirmForm().validate_on_submit():
        action = request.form.get("action")
        try:
            if action == "flag":
                service.flag_turn(turn, request.form.get("reason", ""), current_user,
                                  request.remote_addr)
                flash(f"Turn {turn.index} is held out of analysis and quotes until someone reviews "
                      "it.")
            elif action == "allow_quoting":
                if request.form.get("deliberate") != "yes":
                    raise service.SafeguardingError(
                        "Tick the box to confirm you have chosen to let these words be quoted")
                service.allow_quoting(turn, current_user, request.remote_addr)
                flash(f"Turn {turn.index} may now be quoted. It will never be picked as a quote by "
                      "machine.")
            else:
                typed = {"outcome": request.form.get("outcome", ""),
                         "note": request.form.get("note", "")}
                service.record_review(turn, current_user, typed["outcome"], typed["note"],
                                      request.remote_addr)
                flash(f"Review of turn {turn.index} recorded. Its words are analysed but not "
                      "quoted "
                      "unless someone chooses to allow it.")
        except service.SafeguardingError as error:
            errors = {action or "review": str(error)}
        else:
            return redirect(
                url_for("transcripts.show", transcript_id=transcript.id,
                        _anchor=f"turn-{turn.index}"))
    status = 400 if errors else 200
    return render_template("transcripts/safeguarding.html", transcript=transcript, turn=turn,
                           form=ConfirmForm(), outcomes=OUTCOMES, errors=errors, typed=typed,
                           reviews=turn.safeguarding_reviews), status
