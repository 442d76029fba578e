"""Migration 0003 on a database that already has surveys: their questions move into version 1."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from forum.extensions import db
from tests.conftest import reset_database

SURVEY_TABLES = {"survey_versions", "survey_media", "survey_devices", "survey_responses",
                 "survey_answers", "csv_imports", "csv_import_answers"}


def test_existing_surveys_get_a_version_1_and_can_go_back(app):
    reset_database()
    upgrade(revision="0001")
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO consultations (id, title, consulting_body, status, created_at) "
                          "VALUES (1, 'C', 'B', 'open', CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO surveys (id, consultation_id, title, status, created_at) "
                          "VALUES (7, 1, 'Old survey', 'draft', CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO survey_questions (id, survey_id, position, kind, text) "
                          "VALUES (3, 7, 1, 'free_text', 'What helped?')"))
    upgrade(revision="0003")
    assert set(inspect(db.engine).get_table_names()) >= SURVEY_TABLES
    with db.engine.connect() as conn:
        version = conn.execute(
            text("SELECT id, survey_id, number, title, published_at FROM survey_versions")).one()
        assert tuple(version)[1:] == (7, 1, "Old survey", None)
        question = conn.execute(
            text("SELECT version_id, offer_dont_know, choices FROM survey_questions")).one()
        assert question[0] == version[0] and not question[1] and question[2] in ("[]", [])
    downgrade(revision="0002")
    assert not SURVEY_TABLES & set(inspect(db.engine).get_table_names())
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT text FROM survey_questions")).scalar() == "What helped?"
    reset_database()
