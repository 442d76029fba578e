"""Exports: consultation response drafts and their renderers (PDF, Word, data files, Easy Read)."""
from flask import Flask


def init_app(app: Flask) -> None:
    """Register the exports tables, draft pages, consent receiver, CLI and demo draft."""
    from exports import cli, models  # noqa: F401  (models registers the tables)
    from exports.services.consent import on_consent_changed
    from exports.views import register
    from forum.signals import consent_changed

    register(app)
    cli.init_app(app)
    # weak=False: the receiver is a plain function that must live as long as the app.
    consent_changed.connect(on_consent_changed, weak=False)
    from exports.demo import load_demo_draft
    from forum.demo import register_demo_loader

    register_demo_loader(app, load_demo_draft)
