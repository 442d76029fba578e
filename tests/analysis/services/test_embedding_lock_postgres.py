"""The embedding job and a redaction on two real PostgreSQL connections at once.

The job stores a segment text's vector, then keeps it only while a segment still holds the
text, reading the segments FOR SHARE (``DbEmbeddingCache._drop_unheld``). A redaction under
way has deleted the segment (and looked for its vector, not stored yet) but not committed. A
plain read would still see the segment and keep the vector of words redacted a moment later,
held by nothing. FOR SHARE waits for the redaction to end, then sees the segment gone.
"""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from sqlalchemy import delete, select, text

from analysis.models import SegmentEmbedding
from analysis.services.embeddings import DbEmbeddingCache
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services.segments import text_hash

SAID = "I lived at Larkspur House before my release and the housing officer knew it."


def _waits_on(conn, pid: int) -> bool:
    """Whether some session is blocked by the one with this backend pid."""
    return bool(conn.scalar(text(
        "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"),
        {"pid": pid}))


def test_a_vector_stored_while_its_segment_is_being_redacted_is_not_kept(app, consultation):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: no interleaving to show")
    member = db.session.scalar(select(Member).where(Member.pseudonym == "Kestrel"))
    segment = Segment(consultation_id=consultation.id, source_type=SegmentSource.TRANSCRIPT,
                      source_id=91, position=0, member_id=member.id, text=SAID,
                      text_hash=text_hash(SAID))
    db.session.add(segment)
    db.session.commit()
    said = segment.text_hash

    # The redaction, on a connection of its own: the segment is deleted, and its vector
    # looked for (none yet), but not committed.
    redaction = db.engine.connect()
    redaction.begin()
    redaction_pid = redaction.scalar(text("SELECT pg_backend_pid()"))
    redaction.execute(delete(Segment).where(Segment.id == segment.id))
    redaction.execute(delete(SegmentEmbedding).where(SegmentEmbedding.text_hash == said))

    failed: list[BaseException] = []

    def job() -> None:
        with app.app_context():
            try:
                DbEmbeddingCache(at_once=True, segments=frozenset({said})).put_many(
                    {said: np.ones(4, dtype="<f4")}, "fake")
            except BaseException as error:  # shown by the main thread
                failed.append(error)
            finally:
                db.session.remove()

    worker = threading.Thread(target=job)
    watch = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    worker.start()
    # Wait (on a condition, not a time) until the job waits on the redaction's lock, or ends.
    waited = False
    while worker.is_alive() and not waited:
        waited = _waits_on(watch, redaction_pid)
        time.sleep(0.02)
    redaction.commit()
    redaction.close()
    worker.join()
    watch.close()
    assert not failed, failed
    db.session.expire_all()
    assert db.session.scalar(select(SegmentEmbedding.text_hash).where(
        SegmentEmbedding.text_hash == said)) is None
    assert waited  # the job did wait for the redaction: the interleaving shown above
