"""0023_refusal_reasons_list: refusal notes kept their reasons joined with '; ' in one text;
the migration makes each note's reasons a list, and going back joins them again."""
import json

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from forum.extensions import db
from tests.conftest import reset_database

BEFORE = "0022_privacy21_refusal_numbers"
NOTES = {
    1: (422, "The response was not stored: started_at is not a believable date; "
             "answers[5].value (question 6) is 1.5. Type a whole number, like 3."),
    2: (409, "A different response was already received with this id; it was not replaced"),
    3: (413, "The response is too big: at most 512 KB"),
}


def _reasons(value):
    return json.loads(value) if isinstance(value, str) else value


def test_existing_notes_get_their_reasons_as_a_list(app):
    reset_database()
    upgrade(revision=BEFORE)
    with db.engine.begin() as conn:
        for number, (status, reason) in NOTES.items():
            conn.execute(text(
                "INSERT INTO survey_refusals (id, status, reason, first_at, last_at, attempts)"
                " VALUES (:n, :s, :r, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"),
                {"n": number, "s": status, "r": reason})
    upgrade()
    with db.engine.begin() as conn:
        rows = {n: _reasons(r) for n, r in conn.execute(
            text("SELECT id, reasons FROM survey_refusals"))}
    # A 422's reasons follow the words the tablet was told first; other refusals are one reason.
    assert rows == {
        1: ["started_at is not a believable date",
            "answers[5].value (question 6) is 1.5. Type a whole number, like 3."],
        2: [NOTES[2][1]],
        3: [NOTES[3][1]],
    }
    downgrade(revision=BEFORE)
    with db.engine.begin() as conn:
        back = dict(conn.execute(text("SELECT id, reason FROM survey_refusals")).all())
    assert back == {n: reason for n, (_, reason) in NOTES.items()}
    upgrade()
