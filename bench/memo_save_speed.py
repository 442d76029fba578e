"""Speed of saving a staff memo in a consultation with many survey answers, on SQLite.

A memo loses the words redaction took out of the consultation's answers when it is saved
(``memos.redacted_words``, ``answer_words``). This builds the demo consultation, adds
``--answers`` free-text survey answers (one segment each; ``--labelled`` of them have a
reviewer's "[name]" in place of a name), and times saving a theme memo that quotes one of
the names (scrubbed to "[name]") and one that quotes none. Prints the median and worst of
``--rounds`` saves of each, in seconds.

Run: ``.venv/bin/python bench/memo_save_speed.py [--answers 50000] [--labelled 300]
[--rounds 7] [--root /path/to/a/checkout]`` (``--root``: the code to time, for a figure
before a change; default this checkout).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

NAMES = ["Dean Smith", "Ava Brook", "Kofi Mensah", "Lena Novak", "Omar Haddad", "Rhys Owen"]


def build(answers: int, labelled: int) -> tuple[int, str]:
    """Add the answers and their segments to the demo consultation.

    Returns:
        The consultation id, and a name redacted from one of its answers.
    """
    from sqlalchemy import insert, select

    from forum.extensions import db
    from forum.models import Consultation, Segment, SegmentSource
    from forum.models.base import utcnow
    from forum.services.segments import text_hash
    from surveys.models import QuestionKind, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

    consultation = db.session.scalar(select(Consultation).order_by(Consultation.id))
    survey = db.session.scalar(select(Survey).where(Survey.consultation_id == consultation.id))
    question = db.session.scalar(select(SurveyQuestion).where(
        SurveyQuestion.survey_id == survey.id, SurveyQuestion.kind == QuestionKind.FREE_TEXT))
    version_id = question.version_id
    now = utcnow()
    first_response = (db.session.scalar(select(SurveyResponse.id).order_by(
        SurveyResponse.id.desc())) or 0) + 1
    first_answer = (db.session.scalar(select(SurveyAnswer.id).order_by(
        SurveyAnswer.id.desc())) or 0) + 1
    every = max(1, answers // max(1, labelled))
    responses, rows, segments = [], [], []
    for i in range(answers):
        name = NAMES[i % len(NAMES)] if i % every == 0 and i // every < labelled else None
        said = (f"I talked to {name} at the hostel about somewhere to live, number {i}."
                if name else f"Help with bus fares to interviews would matter, number {i}.")
        kept = said.replace(name, "[name]") if name else said
        responses.append({"id": first_response + i, "uuid": str(uuid.uuid4()),
                          "version_id": version_id, "completed": True, "read_aloud": False,
                          "finished_at": now, "received_at": now, "payload_hash": "0" * 64})
        rows.append({"id": first_answer + i, "response_id": first_response + i,
                     "question_id": question.id, "text": said, "created_at": now})
        segments.append({"consultation_id": consultation.id, "source_type": SegmentSource.SURVEY,
                         "source_id": first_response + i, "answer_id": first_answer + i,
                         "position": 0, "question_id": question.question_id,
                         "text": kept, "text_hash": text_hash(kept), "created_at": now})
    db.session.execute(insert(SurveyResponse), responses)
    db.session.execute(insert(SurveyAnswer), rows)
    db.session.execute(insert(Segment), segments)
    db.session.commit()
    return consultation.id, NAMES[0]


def timed(save, rounds: int) -> list[float]:
    """Returns: seconds each of ``rounds`` calls of ``save`` took."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        save()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=50_000)
    parser.add_argument("--labelled", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    data = tempfile.mkdtemp(prefix="memo-bench-")
    os.environ.setdefault("FORUM_DATA_DIR", data)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from analysis.models import Theme
    from analysis.services.memos import set_theme_memo
    from app import create_app
    from forum.demo import load_demo
    from forum.extensions import db
    from surveys.demo import load_demo_survey

    app = create_app({"SECRET_KEY": "x" * 40, "DATA_DIR": data, "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{data}/bench.db"})
    with app.app_context():
        db.create_all()
        load_demo()
        load_demo_survey()
        start = time.perf_counter()
        consultation_id, name = build(args.answers, args.labelled)
        print(f"code: {args.root.resolve()}")
        print(f"built {args.answers:,} survey answers ({args.labelled} with a [name]) "
              f"in {time.perf_counter() - start:.1f} s")
        theme = Theme(consultation_id=consultation_id, label="Housing")
        db.session.add(theme)
        db.session.commit()
        quoting = timed(lambda: set_theme_memo(theme, f"Ask {name} about the hostel."),
                        args.rounds)
        assert theme.memo == "Ask [name] about the hostel.", theme.memo
        plain = timed(lambda: set_theme_memo(theme, "Ask about the hostel."), args.rounds)
        assert theme.memo == "Ask about the hostel.", theme.memo
    print(f"{'memo save':28} {'median s':>9} {'worst s':>8}")
    for what, times in (("quoting a redacted name", quoting), ("quoting none", plain)):
        print(f"{what:28} {statistics.median(times):9.3f} {max(times):8.3f}")


if __name__ == "__main__":
    main()
