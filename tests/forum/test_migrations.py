"""Alembic migrations: upgrade and downgrade on this database, and they match the models."""
import logging

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import delete, insert, inspect, text, update

from forum.extensions import db
from forum.models import Consultation, Segment, SegmentSource, segment_search
from forum.models.segment_versions import segments_version
from tests.conftest import reset_database


def _tables():
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_then_downgrade_then_upgrade(app):
    reset_database()
    assert _tables() == set()
    upgrade()
    assert {"users", "members", "consent_records", "consultations", "questions", "segments",
            "focus_group_sessions", "session_members", "transcripts", "surveys",
            "jobs"} <= _tables()
    downgrade(revision="base")
    assert _tables() == set()
    upgrade()
    assert "users" in _tables()


def test_migrations_match_the_models(app):
    reset_database()
    upgrade()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_name": segment_search.include_name}), db.metadata)
    assert diff == [], "models changed without a migration: run flask db migrate"


def test_demo_loads_into_a_migrated_database(app, runner):
    reset_database()
    upgrade()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(args=["demo", "load", "--if-empty"])
    assert "already has data" in again.output
    logins = runner.invoke(args=["demo", "logins"])
    assert "admin@forumvoice.example" in logins.output


def test_a_migration_leaves_the_apps_loggers_working(app):
    jobs_log = logging.getLogger("forum.jobs")
    reset_database()
    upgrade()
    assert not jobs_log.disabled


def test_the_segments_version_migration_drops_orphans_and_ignores_held_flags(app):
    """0012_pgsync_segment_versions on a database migrated to 0010 (not made by create_all)."""
    reset_database()
    upgrade(revision="0010_scale_segment_versions")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO segment_versions (consultation_id, version) VALUES (99, 4)"))
    upgrade()
    with db.engine.begin() as conn:
        assert conn.scalar(text("SELECT count(*) FROM segment_versions")) == 0
        consultation = conn.execute(insert(Consultation).values(
            title="C", consulting_body="Body")).inserted_primary_key[0]
        conn.execute(insert(Segment).values(
            consultation_id=consultation, source_type=SegmentSource.DOCUMENT, source_id=1,
            position=0, text="Words.", text_hash="h"))
        conn.execute(update(Segment).values(held=True))
        assert segments_version(conn, consultation) == 1  # the insert's bump only
        conn.execute(delete(Consultation))
        assert conn.scalar(text("SELECT count(*) FROM segment_versions")) == 0


def _published_survey(conn) -> None:
    """Survey 1 with published version 1, in a consultation, written as rows (no models)."""
    consultation = conn.execute(insert(Consultation).values(
        title="C", consulting_body="Body")).inserted_primary_key[0]
    conn.execute(text("INSERT INTO surveys (id, consultation_id, title, status, created_at)"
                      " VALUES (1, :c, 'S', 'published', CURRENT_TIMESTAMP)"),
                 {"c": consultation})
    conn.execute(text("INSERT INTO survey_versions (id, survey_id, number, title, created_at,"
                      " published_at) VALUES (1, 1, 1, 'S', CURRENT_TIMESTAMP,"
                      " CURRENT_TIMESTAMP)"))


def test_number_questions_already_made_keep_taking_negatives_after_0014(app):
    """0014_walk7_negative_numbers: a survey in use keeps accepting what it accepted before,
    so a response on a tablet with -5 in it is never refused for good after an upgrade."""
    reset_database()
    upgrade(revision="0013_easyread_section_headings")
    with db.engine.begin() as conn:
        _published_survey(conn)
        conn.execute(text("INSERT INTO survey_questions (survey_id, version_id, position, kind,"
                          " text, choices, offer_dont_know, offer_prefer_not, answer_required)"
                          " VALUES (1, 1, 0, 'number', 'How much did your rent change?', '[]',"
                          " false, false, false)"))
    upgrade()
    with db.engine.begin() as conn:
        assert conn.scalar(text("SELECT negative_allowed FROM survey_questions")) in (True, 1)


def test_published_number_questions_keep_taking_decimals_after_0015(app):
    """0015_fixes13_whole_numbers: a published survey keeps accepting 1.5 where it did, so a
    response on a tablet with 1.5 in it is never refused for good after an upgrade; a draft's
    number questions take whole numbers from now on, unless a builder ticks decimals."""
    reset_database()
    upgrade(revision="0014_walk7_negative_numbers")
    with db.engine.begin() as conn:
        _published_survey(conn)
        conn.execute(text("INSERT INTO survey_versions (id, survey_id, number, title, created_at)"
                          " VALUES (2, 1, 2, 'S', CURRENT_TIMESTAMP)"))
        for version in (1, 2):
            conn.execute(text(
                "INSERT INTO survey_questions (survey_id, version_id, position, kind, text,"
                " choices, offer_dont_know, offer_prefer_not, answer_required)"
                " VALUES (1, :v, 0, 'number', 'How many nights?', '[]', false, false, false)"),
                {"v": version})
    upgrade()
    with db.engine.begin() as conn:
        rows = dict(conn.execute(text(
            "SELECT version_id, decimals_allowed FROM survey_questions")).all())
    assert rows[1] in (True, 1) and rows[2] in (False, 0)


def test_contact_details_overwritten_by_the_edit_form_are_cleared_by_0018(app):
    """0018_repair_member_contacts: before walk16's fix, saving 'Edit details' stored the
    words '<MemberContact 1>' over a member's contact details. They are nobody's details:
    the box is emptied, so staff see none rather than those words; real ones are kept."""
    reset_database()
    upgrade(revision="0017_fixes14_practice_samples")
    with db.engine.begin() as conn:
        for number, contact in ((1, "<MemberContact 1>"), (2, "07700 900456"),
                                (3, "<MemberContact 12>"), (4, "<MemberContact> at the hostel")):
            conn.execute(text("INSERT INTO members (id, pseudonym, pseudonym_chosen,"
                              " lived_experience, created_at) VALUES (:n, :p, false, '[]',"
                              " CURRENT_TIMESTAMP)"), {"n": number, "p": f"Member {number}"})
            conn.execute(text("INSERT INTO member_contacts (member_id, real_name, contact)"
                              " VALUES (:n, 'R', :c)"), {"n": number, "c": contact})
    upgrade()
    with db.engine.begin() as conn:
        rows = dict(conn.execute(text("SELECT member_id, contact FROM member_contacts")).all())
    assert rows == {1: None, 2: "07700 900456", 3: None, 4: "<MemberContact> at the hostel"}


def test_refusal_notes_already_kept_lose_the_numbers_they_repeated_by_0022(app):
    """0022_privacy21_refusal_numbers: notes kept before repeated a refused number ("is 1.5");
    they now say the kind of problem, as new notes do."""
    reset_database()
    upgrade(revision="0021_segment_ids_autoincrement")
    before = ["The response was not stored: answers[5].value (question 6) is 1.5. Type a whole "
              "number, like 3.; answers[6].value (question 7) is -73. Type a number of 0 or more.",
              "A different response was already received with this id."]
    with db.engine.begin() as conn:
        for reason in before:
            conn.execute(text(
                "INSERT INTO survey_refusals (status, reason, first_at, last_at, attempts)"
                " VALUES (422, :r, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"), {"r": reason})
    upgrade(revision="0022_privacy21_refusal_numbers")  # 0023 makes the reasons a list
    with db.engine.begin() as conn:
        reasons = list(conn.execute(text("SELECT reason FROM survey_refusals ORDER BY id"))
                       .scalars())
    upgrade()  # later tests in this process expect the database at head
    assert reasons == [
        "The response was not stored: answers[5].value (question 6) is not a whole number. Type "
        "a whole number, like 3.; answers[6].value (question 7) is below 0. Type a number of 0 "
        "or more.", before[1]]


def test_consultations_already_closed_get_a_closing_time_from_0025(app):
    """0025_review24b_closed_at: when a consultation already closed was closed is not known;
    it gets the migration's time, so its analysis model is kept a full retention period."""
    reset_database()
    upgrade(revision="0024_officer23_prefix_words")
    with db.engine.begin() as conn:
        for status in ("open", "drafting", "submitted", "closed"):
            conn.execute(text(
                "INSERT INTO consultations (title, consulting_body, status, created_at)"
                " VALUES (:s, 'Body', :s, CURRENT_TIMESTAMP)"), {"s": status})
    upgrade(revision="0025_review24b_closed_at")
    with db.engine.begin() as conn:
        rows = dict(conn.execute(text(
            "SELECT title, closed_at IS NOT NULL FROM consultations")).tuples().all())
    upgrade()  # later tests in this process expect the database at head
    assert {k: bool(v) for k, v in rows.items()} == {
        "open": False, "drafting": False, "submitted": True, "closed": True}
