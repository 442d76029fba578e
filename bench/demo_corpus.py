"""The demo consultation's analysis input (segments, questions), as the app would analyse it.

Loads the demo data (``flask demo load``'s loaders, without queueing its analysis) into a
throw-away SQLite database with jobs run inline, and keeps the usable segments in
``/tmp/forum-voice-bench/demo-segments.json`` so the theme benchmarks can read them fast.

    HF_HUB_OFFLINE=1 PYTHONPATH=. python bench/demo_corpus.py   # prints the segment count
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("FORUM_BENCH_CACHE", "/tmp/forum-voice-bench")) / "demo-segments.json"


def _build() -> dict:
    os.environ["HUEY_IMMEDIATE"] = "1"
    data_dir = tempfile.mkdtemp(prefix="forum-demo-bench-")
    os.environ["FORUM_DATA_DIR"] = data_dir
    from app import create_app
    from forum.extensions import db

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{data_dir}/d.db",
                      "WTF_CSRF_ENABLED": False})
    with app.app_context():
        from analysis.services.inputs import question_inputs, segment_inputs
        from analysis.views.demo import load_demo_themes
        from forum.demo import DEMO_LOADERS_KEY, load_demo
        from forum.models import Consultation
        from forum.services.segments import usable_segments

        db.create_all()
        load_demo()
        for loader in app.extensions.get(DEMO_LOADERS_KEY, []):
            if loader is not load_demo_themes:
                loader()
        consultation = db.session.scalars(db.select(Consultation).order_by(Consultation.id)).first()
        segments = segment_inputs(usable_segments(consultation.id))
        questions = question_inputs(consultation.id)
        return {"segments": [s.__dict__ for s in segments],
                "questions": [q.__dict__ for q in questions]}


def demo_inputs() -> tuple[list, list]:
    """Returns: (SegmentInput list, QuestionInput list) of the demo consultation."""
    from analysis.core.themes import QuestionInput, SegmentInput

    if not CACHE.exists():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(json.dumps(_build()), encoding="utf-8")
    data = json.loads(CACHE.read_text(encoding="utf-8"))
    return ([SegmentInput(**s) for s in data["segments"]],
            [QuestionInput(**q) for q in data["questions"]])


if __name__ == "__main__":
    segments, questions = demo_inputs()
    print(len(segments), "segments,", len(questions), "questions")
