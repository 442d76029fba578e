"""Survey builder for facilitators and policy officers: details, questions, order, publish."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from forum.access import Role, allow
from forum.extensions import db
from forum.models import Consultation
from forum.services.consultations import consultation_choices
from surveys.forms.builder import ConfirmForm, QuestionForm, SurveyForm
from surveys.models import MediaKind, QuestionKind, Survey
from surveys.services import questions as question_service
from surveys.services import runner as runner_service
from surveys.services.media import MediaError, find_media, save_media
from surveys.services.questions import QuestionData
from surveys.services.readability import Readability, check_text, warnings_for
from surveys.services.speech import SpeechError, generate_speech
from surveys.services.surveys import (
    SurveyError,
    create_survey,
    draft_version,
    editable_question,
    set_details,
)
from surveys.services.surveys import publish as publish_survey
from surveys.views import bp
from surveys.views.question_problems import place_problems

BUILD = (Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR)


@bp.route("/new", methods=["GET", "POST"])
@allow(*BUILD)
def new():
    """Start a survey for a consultation."""
    # ?consultation_id= from the consultation page's action (forum's ConsultationAction).
    form = SurveyForm(consultation_id=request.args.get("consultation_id", type=int))
    form.consultation_id.choices = consultation_choices()
    if form.validate_on_submit():
        consultation = db.session.get(Consultation, form.consultation_id.data) or abort(400)
        survey = create_survey(consultation, form.title.data or "", form.purpose.data)
        flash("Survey created. Add its questions.")
        return redirect(url_for("surveys.show", survey_id=survey.id))
    return render_template("surveys/builder/details.html", form=form, survey=None,
                           checks=_detail_checks(form))


def _detail_checks(form):
    return {"title": check_text(form.title.data or ""),
            "purpose": check_text(form.purpose.data or "")}


@bp.route("/<int:survey_id>/edit", methods=["GET", "POST"])
@allow(*BUILD)
def edit(survey_id):
    """Change the title and what the survey is for (a new version if published)."""
    survey = db.get_or_404(Survey, survey_id)
    latest = survey.latest_version
    form = SurveyForm(consultation_id=survey.consultation_id, title=latest.title if latest
                      else survey.title,
                      purpose=latest.purpose if latest else None)
    form.consultation_id.choices = [(survey.consultation_id, survey.consultation.title)]
    if form.validate_on_submit():
        set_details(survey, form.title.data or "", form.purpose.data)
        _flash_checks("Saved.", [form.title.data, form.purpose.data])
        return redirect(url_for("surveys.show", survey_id=survey.id))
    return render_template("surveys/builder/details.html", form=form, survey=survey,
                           checks=_detail_checks(form))


def _flash_checks(message, texts):
    warnings = sum(len(check_text(t or "").warnings) for t in texts)
    if warnings:
        message += " " + ngettext("%(num)d wording warning: see below.",
                                  "%(num)d wording warnings: see below.", warnings)
    flash(message)


def _question_form(survey, question=None, keep=None):
    """The question form with its choices; ``keep``: a posted form to show again after rollback."""
    version = question.version if question is not None else draft_version(survey)
    if keep is not None:
        form = keep
    elif question is not None and request.method == "GET":
        form = QuestionForm(
            kind=question.kind.value, text=question.text, help_text=question.help_text,
            choices="\n".join(c["label"] for c in question.choices or []
                              if question.kind != QuestionKind.YES_NO),
            extras=[v for v, on in (("dont_know", question.offer_dont_know),
                                    ("prefer_not", question.offer_prefer_not)) if on],
            answer_required=question.answer_required,
            negative_allowed=question.negative_allowed,
            decimals_allowed=question.decimals_allowed,
            consultation_question_id=question.question_id or 0,
            show_if=f"{question.show_if_question_id}:{question.show_if_value}"
            if question.show_if_question_id else "",
            picture_alt=question.picture_alt)
    else:
        form = QuestionForm()
    form.consultation_question_id.choices = [(0, "Not linked")] + [
        (q.id, f"{q.label}. {q.text[:90]}") for q in survey.consultation.questions]
    form.show_if.choices = [("", "Always")] + question_service.condition_options(question, version)
    return form, version


def _data_from(form, survey) -> QuestionData:
    kind = QuestionKind(form.kind.data)
    show_if = None
    if form.show_if.data:
        target, _, value = form.show_if.data.partition(":")
        show_if = (int(target), value) if target.isdigit() else None
    data_dir = current_app.config["DATA_DIR"]
    picture = _kept_picture(form, survey)
    audio = None
    if form.audio.data and getattr(form.audio.data, "filename", ""):
        audio = save_media(data_dir, survey.id, MediaKind.AUDIO, form.audio.data.filename,
                           form.audio.data.stream, form.audio.data.mimetype)
    return QuestionData(
        kind=kind, text=form.text.data or "", help_text=form.help_text.data or "",
        choice_labels=(form.choices.data or "").splitlines(),
        offer_dont_know="dont_know" in (form.extras.data or []),
        offer_prefer_not="prefer_not" in (form.extras.data or []),
        answer_required=bool(form.answer_required.data),
        negative_allowed=bool(form.negative_allowed.data),
        decimals_allowed=bool(form.decimals_allowed.data),
        consultation_question_id=form.consultation_question_id.data or None, show_if=show_if,
        picture=picture, picture_alt=form.picture_alt.data or "",
        remove_picture=form.remove_picture.data,
        audio=audio, remove_audio=form.remove_audio.data)


def _kept_picture(form, survey):
    return find_media(survey.id, MediaKind.PICTURE, form.picture_kept.data)


def _keep_picture(form, survey) -> str | None:
    """Store a picture sent with this try at once (committed), so it is still chosen if the
    form comes back with a problem; returns why the file cannot be used, if it cannot."""
    upload = form.picture.data
    if not getattr(upload, "filename", ""):
        return None
    try:
        picture = save_media(current_app.config["DATA_DIR"], survey.id, MediaKind.PICTURE,
                             upload.filename, upload.stream, upload.mimetype)
    except MediaError as error:
        return str(error)
    db.session.commit()
    form.picture_kept.data = str(picture.id)
    return None


def _question_checks(form):
    texts = {"text": form.text.data, "help_text": form.help_text.data,
             "picture_alt": form.picture_alt.data}
    checks: dict[str, Readability | list[Readability]] = {
        name: check_text(value or "") for name, value in texts.items()}
    checks["choices"] = [check_text(line) for line in (form.choices.data or "").splitlines()
                         if line.strip()]
    return checks


def _save_question(survey, form, question):
    try:
        data = _data_from(form, survey)
        if question is None:
            question = question_service.add_question(draft_version(survey), data)
        else:
            question = question_service.update_question(question, data)
    except (SurveyError, MediaError) as error:
        db.session.rollback()
        return str(error)
    texts = [question.text, question.help_text, question.picture_alt] + [c["label"]
                                                                         for c in question.choices]
    _flash_checks(f"Question {question.position} saved.", texts)
    return redirect(
        url_for("surveys.show", survey_id=survey.id, _anchor=f"question-{question.position}"))


@bp.route("/<int:survey_id>/questions/new", methods=["GET", "POST"])
@allow(*BUILD)
def add_question(survey_id):
    """Add a question to the draft version."""
    survey = db.get_or_404(Survey, survey_id)
    form, version = _question_form(survey)
    problem = _keep_picture(form, survey) if form.is_submitted() else None
    if form.validate_on_submit() or problem:
        result = problem or _save_question(survey, form, None)
        if not isinstance(result, str):
            return result
        form, version = _question_form(db.get_or_404(Survey, survey_id), keep=form)
        problem = place_problems(form, result)
    return render_template("surveys/builder/question.html", survey=survey, form=form, question=None,
                           version=version, checks=_question_checks(form), problem=problem,
                           kept_picture=_kept_picture(form, survey))


@bp.route("/<int:survey_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
@allow(*BUILD)
def edit_question(survey_id, question_id):
    """Change a question (in a new version if the survey is published)."""
    survey = db.get_or_404(Survey, survey_id)
    question = editable_question(survey, question_id) or abort(404)
    form, version = _question_form(survey, question)
    problem = _keep_picture(form, survey) if form.is_submitted() else None
    if form.validate_on_submit() or problem:
        result = problem or _save_question(survey, form, question)
        if not isinstance(result, str):
            return result
        question = editable_question(survey, question_id) or abort(404)
        form, version = _question_form(survey, question, keep=form)
        problem = place_problems(form, result)
    return render_template("surveys/builder/question.html", survey=survey, form=form,
                           question=question, version=version, checks=_question_checks(form),
                           problem=problem, kept_picture=_kept_picture(form, survey))


@bp.route("/<int:survey_id>/questions/<int:question_id>/move", methods=["POST"])
@allow(*BUILD)
def move_question(survey_id, question_id):
    """Move a question up or down."""
    survey = db.get_or_404(Survey, survey_id)
    if ConfirmForm().validate_on_submit():
        question = editable_question(survey, question_id) or abort(404)
        question_service.move_question(question, -1 if request.form.get("direction") == "up" else 1)
        flash(f"Moved to position {question.position}.")
        return redirect(
            url_for("surveys.show", survey_id=survey.id, _anchor=f"question-{question.position}"))
    return redirect(url_for("surveys.show", survey_id=survey.id))


@bp.route("/<int:survey_id>/publish", methods=["POST"])
@allow(*BUILD)
def publish(survey_id):
    """Freeze the draft as a new version that tablets run."""
    survey = db.get_or_404(Survey, survey_id)
    if ConfirmForm().validate_on_submit():
        draft = survey.latest_version
        warnings = (warnings_for(runner_service.participant_texts(draft))
                    if draft and not draft.is_published else [])
        if warnings and request.form.get("anyway") != "1":
            return render_template("surveys/publish_anyway.html", survey=survey, version=draft,
                                   warnings=warnings)
        try:
            version = publish_survey(survey, current_user._get_current_object())
        except SurveyError as error:
            flash(str(error), "error")
        else:
            flash(f"Version {version.number} is published. Tablets get it next time a researcher "
                  "opens the survey online.")
            _make_speech(version)
    return redirect(url_for("surveys.show", survey_id=survey.id))


def _make_speech(version) -> None:
    """Read-aloud audio for the new version; publishing stands even if it cannot be made."""
    try:
        generate_speech(version, current_app.config.get("ORG_NAME", "Forum Voice"),
                        current_app.config["DATA_DIR"])
    except SpeechError as error:
        flash(str(error), "error")


def _preview_urls(survey):
    base = url_for("surveys.preview", survey_id=survey.id)
    return {"start": base, "question": base, "end": base + "?finished=1",
            "stop": base + "?stopped=1",
            "stopped": base, "done": base, "home": url_for("surveys.show", survey_id=survey.id)}


@bp.route("/<int:survey_id>/preview/")
@allow(*BUILD)
def preview(survey_id):
    """The start page exactly as the tablet shows it, for the version being edited."""
    from surveys.views.runner import render_page

    survey = db.get_or_404(Survey, survey_id)
    version = survey.latest_version or abort(404)
    return render_page("start", version, _preview_urls(survey), preview=True,
                       preview_note=request.args.get("finished") and "End of the preview.")


@bp.route("/<int:survey_id>/preview/<int:position>")
@allow(*BUILD)
def preview_question(survey_id, position):
    """One question exactly as the tablet shows it."""
    from surveys.views.runner import render_page

    survey = db.get_or_404(Survey, survey_id)
    version = survey.latest_version or abort(404)
    question = runner_service.question_at(version, position) or abort(404)
    return render_page("question", version, _preview_urls(survey), preview=True, question=question)
