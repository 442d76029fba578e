"""Web layer of analysis: transcripts, redaction review, themes, search, documents and coding."""
from flask import Blueprint, Flask


def init_app(app: Flask) -> None:
    from analysis import models  # noqa: F401  (registers the tables)
    from analysis.services.embeddings import forget_unused

    # Imported for their routes: search, theme_history and theme_split add theirs to the themes
    # blueprint; review, safeguarding, transcripts and transcript_speakers register their own.
    from analysis.views import (  # noqa: F401
        cli,
        review,
        safeguarding,
        search,
        tasks,
        theme_history,
        theme_split,
        transcript_speakers,
        transcripts,
    )
    from analysis.views.demo import load_demo_themes, load_demo_transcripts
    from analysis.views.themes import bp as themes_bp
    from analysis.views.transcript_blueprint import bp
    from forum.demo import register_demo_loader
    from forum.services import audit
    from forum.services.privacy import register_erase_hook

    app.register_blueprint(bp)
    app.register_blueprint(themes_bp)
    from analysis.models import MEMO_MAX
    from analysis.services.memos import memo_limit

    # A longer memo was refused after the page had dropped it: the box stops at the limit
    # (or at the memo as kept, when redaction labels took it past the limit).
    app.jinja_env.globals["memo_max"] = MEMO_MAX
    app.jinja_env.globals["memo_limit"] = memo_limit
    # The transcript pages' own script (select words to redact).
    app.register_blueprint(Blueprint("analysis_assets", __name__, static_folder="static",
                                     static_url_path="/analysis/static"))
    tasks.register()
    # Before CSRF checking reads the form (with the size limit): see OVER_LIMIT_READ.
    app.before_request_funcs.setdefault(None, []).insert(0, transcripts.read_over_limit_uploads)
    cli.init_app(app)
    audit.ACTIONS.update(tasks.AUDIT_ACTIONS)
    tasks.register_audit_kinds(app)
    from analysis.services.subject_access import member_export
    from analysis.services.theme_store import on_consent_changed, refresh_all_stats
    from forum.services.privacy import register_member_export
    from forum.signals import consent_changed

    register_member_export(app, member_export)
    register_erase_hook(app, forget_unused)
    register_erase_hook(app, refresh_all_stats)
    consent_changed.connect(on_consent_changed, weak=False)  # theme counts follow consent
    from analysis.services import saved_models

    # A run's saved model holds the words of members who no longer take part.
    consent_changed.connect(saved_models.on_consent_changed, weak=False)
    from analysis.services.model_retention import purge_models
    from forum.services.retention import register_retention_hook

    # Saved models no run will load (superseded, failed, a closed consultation's) go too.
    register_retention_hook(app, purge_models)
    register_demo_loader(app,
        lambda: load_demo_transcripts(app.config.get("SPACY_MODEL", "en_core_web_sm")))
    register_demo_loader(app, load_demo_themes)
    _init_documents_and_coding(app)
    _register_consultation_actions(app)


def _answers_to_check_label(consultation) -> str | None:
    from flask_babel import ngettext

    from analysis.services.answer_review import waiting_count

    count = waiting_count(consultation.id)
    if not count:
        return None
    return ngettext("Check %(num)d survey answer before it is analysed",
                    "Check %(num)d survey answers before they are analysed", count)


def _prepare_answers_label(consultation) -> str | None:
    # Only where there can be answers to prepare: a consultation just made from a pasted list
    # offered a button that had nothing to work on.
    from sqlalchemy import exists, or_, select

    from forum.extensions import db
    from surveys.models import CsvImport, Survey

    has_answers_source = db.session.scalar(select(or_(
        exists().where(Survey.consultation_id == consultation.id),
        exists().where(CsvImport.consultation_id == consultation.id))))
    return "Prepare new survey answers for analysis" if has_answers_source else None


def _register_consultation_actions(app: Flask) -> None:
    from forum.services.actions import ConsultationAction as Action
    from forum.services.actions import register_consultation_action

    for action in (
        Action("Evidence", "documents.index", "Documents"),
        Action("Evidence", "codebook.index", "Codebook"),
        Action("Evidence", "coding.matrix", "Coding matrix"),
        Action("Evidence", "answer_review.review", _answers_to_check_label),
        Action("Evidence", "transcripts.segment_answers", _prepare_answers_label, post=True),
        Action("Themes", "themes.index", "Themes in what members said"),
        Action("Themes", "themes.search", "Search what members said"),
        Action("Themes", "questions.index", "Which question each segment answers"),
        Action("Themes", "agreement.index", "Check the themes yourself"),
    ):
        register_consultation_action(app, action)


def _init_documents_and_coding(app: Flask) -> None:
    from analysis.views import agreement, answer_review, codebook, coding, documents, questions
    from analysis.views.document_demo import load_demo_documents
    from forum.demo import register_demo_loader

    for blueprint in (codebook.bp, documents.bp, coding.bp, answer_review.bp, questions.bp,
                      agreement.bp):
        app.register_blueprint(blueprint)
    documents.init_documents(app)
    register_demo_loader(app, load_demo_documents)
