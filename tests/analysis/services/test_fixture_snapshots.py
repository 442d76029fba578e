"""The demo and analysis put back for a test (tests/snapshots.py) are what building them gives,
whatever an earlier test changed. The three tests run in order, in one process."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import delete, select, text, update

from forum.extensions import db
from forum.models import Member, Segment
from forum.services.members import save_member
from tests.snapshots import TRACKER_KEY

pytestmark = pytest.mark.xdist_group("fixture_snapshots")

SEEN: dict[str, dict] = {}


def rows() -> dict[str, list[str]]:
    """Every row of every table, as text, in a fixed order."""
    return {table.name: sorted(repr(tuple(row)) for row in db.session.execute(select(table)))
            for table in db.metadata.sorted_tables}


def shape(app) -> dict:
    """What a fresh build fixes: each table's ids, where each sequence stands, the file names."""
    ids = {table.name: sorted(str(tuple(row)) for row in db.session.execute(
        select(*table.primary_key.columns))) for table in db.metadata.sorted_tables}
    if db.engine.dialect.name == "sqlite":
        query = "SELECT name, seq FROM sqlite_sequence"
    else:
        query = ("SELECT sequencename, last_value FROM pg_sequences"
                 " WHERE schemaname = current_schema()")
    folder = app.config["DATA_DIR"]
    files = sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())
    return {"ids": ids, "sequences": sorted(db.session.execute(text(query)).tuples()),
            "files": files}


def files(app) -> dict[str, str]:
    folder = app.config["DATA_DIR"]
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in folder.rglob("*") if path.is_file()}


@pytest.mark.build_fixtures
def test_1_a_fresh_build(app, analysed, consultation):
    assert app.extensions[TRACKER_KEY].restored == []
    assert analysed.consultation_id == consultation.id
    SEEN["fresh"] = shape(app)


def test_2_a_saved_or_restored_state_matches_it_and_is_then_changed(app, analysed, consultation):
    assert shape(app) == SEEN["fresh"], "run test_1 first (the module runs in order)"
    SEEN["rows"], SEEN["files"] = rows(), files(app)
    # Change rows of several tables, a sequence and the data folder.
    db.session.execute(update(Segment).values(text="Changed by an earlier test."))
    db.session.execute(delete(Segment).where(Segment.id > 5))
    db.session.delete(analysed)
    db.session.commit()
    save_member(Member(age_band="18-24", gender="Man", ethnicity_group="White",
                       lived_experience=["prison"]), "Late joiner")
    folder = app.config["DATA_DIR"]
    (folder / "left-by-an-earlier-test.txt").write_text("stale")
    next(path for path in (folder / "speech").iterdir()).unlink()
    assert rows() != SEEN["rows"] and files(app) != SEEN["files"]


def test_3_the_next_test_gets_the_saved_state_back(app, analysed, consultation):
    assert "rows" in SEEN, "run test_2 first (the module runs in order)"
    assert app.extensions[TRACKER_KEY].restored == ["demo", "analysed"]
    assert rows() == SEEN["rows"]
    assert files(app) == SEEN["files"]
    assert shape(app) == SEEN["fresh"]
