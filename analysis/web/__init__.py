"""Web layer of analysis: transcripts, redaction review, themes, search, documents and coding."""
from flask import Flask


def init_app(app: Flask) -> None:
    from analysis import models  # noqa: F401  (registers the tables)
    from analysis.services.embeddings import forget_unused
    from analysis.web import cli, search, tasks  # noqa: F401  (search registers its route)
    from analysis.web.demo import load_demo_themes, load_demo_transcripts
    from analysis.web.themes import bp as themes_bp
    from analysis.web.transcripts import bp
    from forum.demo import register_demo_loader
    from forum.services import audit
    from forum.services.privacy import register_erase_hook

    app.register_blueprint(bp)
    app.register_blueprint(themes_bp)
    tasks.register()
    cli.init_app(app)
    audit.ACTIONS.update(tasks.AUDIT_ACTIONS)
    from analysis.services.theme_store import refresh_all_stats

    register_erase_hook(app, forget_unused)
    register_erase_hook(app, refresh_all_stats)
    register_demo_loader(app, lambda: load_demo_transcripts(app.config.get("SPACY_MODEL", "en_core_web_sm")))
    register_demo_loader(app, load_demo_themes)
    _init_documents_and_coding(app)


def _init_documents_and_coding(app: Flask) -> None:
    from analysis.web import codebook, coding, documents
    from analysis.web.document_demo import load_demo_documents
    from forum.demo import register_demo_loader

    from analysis.web import answer_review

    for blueprint in (codebook.bp, documents.bp, coding.bp, answer_review.bp):
        app.register_blueprint(blueprint)
    documents.init_documents(app)
    register_demo_loader(app, load_demo_documents)
