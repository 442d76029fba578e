"""Web layer of analysis: transcripts, documents, codebook and coding matrix (Flask lives here)."""
from flask import Flask


def init_app(app: Flask) -> None:
    from analysis import models  # noqa: F401  (registers the tables)
    from analysis.web import cli, tasks
    from analysis.web.demo import load_demo_transcripts
    from analysis.web.transcripts import bp
    from forum.demo import register_demo_loader

    app.register_blueprint(bp)
    tasks.register()
    cli.init_app(app)
    register_demo_loader(app, lambda: load_demo_transcripts(app.config.get("SPACY_MODEL", "en_core_web_sm")))
    _init_documents_and_coding(app)


def _init_documents_and_coding(app: Flask) -> None:
    from analysis.web import codebook, coding, documents
    from analysis.web.document_demo import load_demo_documents
    from forum.demo import register_demo_loader

    for blueprint in (codebook.bp, documents.bp, coding.bp):
        app.register_blueprint(blueprint)
    documents.init_documents(app)
    register_demo_loader(app, load_demo_documents)
