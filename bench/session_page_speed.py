"""The focus-group session page's time with large transcripts, in process.

Builds a session with three transcripts of ``--turns`` turns each (one unreviewed
safeguarding flag in the last, near its end) in a fresh SQLite database, then renders the
session page as a facilitator ``--rounds`` times (the view function itself, no HTTP) and
prints the median and worst time and how many statements read ``transcript_turns``. The
page read every turn of every transcript to find an unreviewed flag.

Run: ``.venv/bin/python bench/session_page_speed.py [--turns 20000] [--rounds 5]``.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flask_login import login_user  # noqa: E402
from sqlalchemy import event, insert  # noqa: E402

from app import create_app  # noqa: E402
from forum.access import Role  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.models import (  # noqa: E402
    Consultation,
    FocusGroupSession,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.services.accounts import create_user  # noqa: E402


def build(turns: int) -> tuple[int, int]:
    """A session with three big transcripts. Returns: (session id, facilitator id)."""
    user = create_user("bench@example.org", "Bench", Role.FACILITATOR, "Bench-Pebble-Crane-88")
    consultation = Consultation(title="Bench", consulting_body="Bench")
    session = FocusGroupSession(consultation=consultation, title="Group", held_on=date.today())
    db.session.add(session)
    db.session.flush()
    for number in range(3):
        transcript = Transcript(session_id=session.id, filename=f"group-{number}.txt",
                                status=TranscriptStatus.APPROVED)
        db.session.add(transcript)
        db.session.flush()
        db.session.execute(insert(Turn), [
            {"transcript_id": transcript.id, "index": i, "original_text": "Words said. " * 20,
             "redacted_text": "Words said. " * 20,
             "risk_flagged": number == 2 and i == turns - 5} for i in range(turns)])
    db.session.commit()
    return session.id, user.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="forum-session-bench-"))
    app = create_app({"SECRET_KEY": "bench-secret-key-that-is-long-enough-0",
                      "DATA_DIR": folder / "data", "SERVER_NAME": "localhost",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}"})
    from forum.models import User
    from forum.views.sessions import show

    with app.app_context():
        db.create_all()
        session_id, user_id = build(args.turns)
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute",
                     lambda _c, _k, statement, *_a: statements.append(statement))
        times = []
        for _ in range(args.rounds):
            db.session.expire_all()
            statements.clear()
            with app.test_request_context(f"/sessions/{session_id}"):
                login_user(db.session.get(User, user_id))
                started = time.perf_counter()
                page = show(session_id)
                times.append(time.perf_counter() - started)
            assert page.count("Safeguarding flag to review") == 1
        reads = sum("transcript_turns" in s for s in statements)
    print(f"session page, 3 transcripts x {args.turns} turns: median "
          f"{statistics.median(times):.3f} s, worst {max(times):.3f} s; "
          f"{reads} statements read transcript_turns")


if __name__ == "__main__":
    main()
