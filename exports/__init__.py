"""Exports: consultation response drafts and their renderers (PDF, Word, data files, Easy Read)."""
from flask import Flask


def init_app(app: Flask) -> None:
    """Register the exports tables, draft pages, consent and changed-text receivers, CLI and
    demo draft."""
    from exports import cli, models  # noqa: F401  (models registers the tables)
    from exports.services.consent import on_consent_changed
    from exports.views import register
    from forum.signals import consent_changed

    register(app)
    cli.init_app(app)
    # weak=False: the receiver is a plain function that must live as long as the app.
    consent_changed.connect(on_consent_changed, weak=False)
    from analysis.services.segment_resets import segments_withdrawn
    from exports.services.changed_segments import remove_changed_quotes

    # Quotes whose words changed under them leave drafts, with a notice to the officers.
    segments_withdrawn.connect(remove_changed_quotes, weak=False)
    from exports.services.consent import member_quotes
    from forum.services.privacy import register_member_export

    register_member_export(app, member_quotes)
    from exports.demo import load_demo_draft
    from forum.demo import register_demo_loader
    from forum.services.actions import ConsultationAction, register_consultation_action

    register_demo_loader(app, load_demo_draft)
    register_consultation_action(app,
        ConsultationAction("Drafting", "drafts.edit", "Draft the response"))
    _register_audit_kind(app)


def _register_audit_kind(app: Flask) -> None:
    """The audit log names a draft by its consultation (a draft's own title is often empty)."""
    from exports.models import Draft
    from forum.services.audit_names import in_consultation, register_kind

    register_kind(app, "Draft", "draft response", in_consultation(Draft), within=True)
