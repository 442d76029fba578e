"""Surveys: builder, tablet runner, responses and sync (built up in later issues)."""
from flask import Flask, url_for


def _survey_sources(consultation):
    from forum.services.consultations import Source
    from surveys.services import surveys_for

    return [Source("Survey", s.title, url_for("surveys.show", survey_id=s.id),
                   f"{s.status.capitalize()}, {len(s.questions)} questions")
            for s in surveys_for(consultation.id)]


def init_app(app: Flask) -> None:
    from forum.services.consultations import register_source_provider
    from surveys import models  # noqa: F401  (registers the tables)
    from surveys.views import bp

    app.register_blueprint(bp)
    register_source_provider(app, _survey_sources)
