"""SQLite keyword search survives migrations: batch-altering ``segments`` keeps its FTS triggers.

On SQLite, Alembic's batch mode recreates a table (copy, drop, rename), and dropping
``segments`` drops the triggers that keep ``segments_fts`` current: search would then
silently miss every new segment.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import Integer, text

from analysis.services.search import keyword_ids
from app import create_app
from forum import MIGRATIONS_DIR
from forum.extensions import db
from forum.models.segment_search import batch_alter_segments
from tests.conftest import TEST_CONFIG

# Full-text search's, and the segments version's (forum.models.segment_versions).
TRIGGERS = {f"segments_{kind}_{op}" for kind in ("fts", "words", "version")
            for op in ("insert", "delete", "update")}
SEARCH_REVISION = "0009_search_fulltext"
RAW_BATCH = re.compile(r"""batch_alter_table\(\s*(table_name\s*=\s*)?["']segments["']""")


@pytest.fixture
def fresh_sqlite(tmp_path):
    """An app on a new SQLite file brought to head by ``flask db upgrade``."""
    app = create_app({**TEST_CONFIG, "DATA_DIR": tmp_path / "data",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'fresh.db'}"})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO consultations (id, title, consulting_body, status, "
                              "created_at) VALUES (1, 'C', 'Body', 'open', CURRENT_TIMESTAMP)"))
        yield app
        db.session.remove()
        db.engine.dispose()


def _triggers() -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                     "AND tbl_name = 'segments'")))


def _add_segment(segment_id: int, words: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO segments (id, consultation_id, source_type, position, text, "
                          "text_hash, held, needs_review, risk_flagged, quote_cleared, created_at) "
                          "VALUES (:id, 1, 'document', 0, :words, 'h', false, false, false, "
                          "false, CURRENT_TIMESTAMP)"), {"id": segment_id, "words": words})


def _batch_alter(use_helper: bool) -> None:
    """What a future migration does: change a column of ``segments`` in batch mode."""
    with db.engine.begin() as conn:
        op = Operations(MigrationContext.configure(conn))
        batch = (batch_alter_segments(op, recreate="always") if use_helper
                 else op.batch_alter_table("segments", recreate="always"))
        with batch as batch_op:
            batch_op.alter_column("position", existing_type=Integer(), nullable=False)


def test_head_on_a_fresh_sqlite_file_has_the_triggers_and_finds_word_forms(fresh_sqlite):
    assert _triggers() == TRIGGERS
    _add_segment(11, "They breached me for being late.")
    assert keyword_ids(1, ["breach"]) == {11}


def test_batch_altering_segments_through_the_helper_keeps_search_working(fresh_sqlite):
    _add_segment(11, "They breached me for being late.")
    _batch_alter(use_helper=False)
    assert _triggers() == set()  # the hazard: recreating the table dropped them
    _batch_alter(use_helper=True)
    assert _triggers() == TRIGGERS
    _add_segment(12, "Breaching people over one missed appointment.")
    assert keyword_ids(1, ["breach"]) == {11, 12}


def raw_segment_batches(source: str) -> list[str]:
    """The lines of a migration that batch-alter ``segments`` without the helper."""
    return [line.strip() for line in source.splitlines() if RAW_BATCH.search(line)]


def test_the_scan_recognises_a_raw_batch_alter_of_segments():
    assert raw_segment_batches("    with op.batch_alter_table('segments', schema=None) as b:")
    assert raw_segment_batches('with op.batch_alter_table(table_name="segments") as b:')
    assert not raw_segment_batches("with batch_alter_segments(op) as batch_op:")
    assert not raw_segment_batches("with op.batch_alter_table('segment_memos') as batch_op:")


def test_migrations_after_the_search_index_batch_alter_segments_only_through_the_helper():
    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    later = [r for r in scripts.walk_revisions() if r.revision != SEARCH_REVISION
             and SEARCH_REVISION in {a.revision for a in scripts.iterate_revisions(r.revision,
                                                                                   "base")}]
    assert later, "expected migrations after the search index"
    offenders = {Path(r.path).name: raw_segment_batches(Path(r.path).read_text()) for r in later}
    assert not {name: lines for name, lines in offenders.items() if lines}, (
        "use forum.models.segment_search.batch_alter_segments: on SQLite a plain batch_alter_table"
        " recreates segments and drops its full-text triggers")
