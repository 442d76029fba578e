"""Surveys: builder, tablet runner (offline), responses, sync API, results and CSV import."""
from flask import Flask, url_for


def _survey_sources(consultation):
    from forum.models import SegmentSource
    from forum.services.consultations import Source
    from surveys.services import surveys_for

    sources = []
    for s in surveys_for(consultation.id):
        version = s.latest_version
        count = len(version.questions) if version else 0
        sources.append(Source(SegmentSource.SURVEY.label, s.title,
                              url_for("surveys.show", survey_id=s.id),
                              f"{s.status.capitalize()}, {count} questions"))
    return sources


def init_app(app: Flask) -> None:
    from forum.services.consultations import register_source_provider
    from forum.signals import user_disabled
    from surveys import models  # noqa: F401  (registers the tables)
    from surveys.services.devices import KnownTablets
    from surveys.services.imports import register_jobs
    from surveys.services.payload import VersionSpecs
    from surveys.views import blueprints

    app.extensions["surveys"] = {"specs": VersionSpecs(), "tablets": KnownTablets()}
    for blueprint in blueprints():
        app.register_blueprint(blueprint)
    register_source_provider(app, _survey_sources)
    from forum.services.retention import register_retention_hook
    from surveys.services.refusals import purge_refusals

    register_retention_hook(app, purge_refusals)
    register_jobs()
    from forum.signals import consent_changed
    from surveys.services.erasure import on_consent_changed

    consent_changed.connect(on_consent_changed, weak=False)
    from surveys.services.devices import on_user_disabled

    user_disabled.connect(on_user_disabled, weak=False)
    from forum.demo import register_demo_loader
    from surveys.demo import load_demo_survey

    register_demo_loader(app, load_demo_survey)
    from forum.services.audit_names import by_column, register_kind
    from surveys.models import Survey

    register_kind(app, "Survey", "survey", by_column(Survey.id, Survey.title))
    from forum.services.actions import ConsultationAction, register_consultation_action

    # A new consultation has no sources: this is where its first survey starts.
    register_consultation_action(app, ConsultationAction(
        "Evidence", "surveys.new", "Build a survey for this consultation"))
