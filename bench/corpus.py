"""A large consultation's answers, made from text the project ships: no exact duplicates.

The project ships invented forum-member sentences (``tests/analysis/core/themes/forum_fixture.py``:
about 90 sentences over housing, breach, mental health, drugs, police, being offline,
travel and small talk; no real people or places). Each answer here is one of those
sentences, often with an opener people use ("To be honest,"), sometimes a time ("after
six months"), and often a second sentence from the same topic or, less often, another
one: how people answer a free-text question. Seeded, so a size always gives the same
texts; exact duplicates are dropped, and there are millions of combinations, so 50,000
distinct answers come quickly. Near-duplicates remain, as in real consultations.

Used by ``bench/scale.py`` and the scale-out test.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OPENERS = ["", "", "", "To be honest, ", "For me, ", "Looking back, ", "What I would say is ",
           "Honestly, ", "The main thing is ", "In my experience, ", "I think ", "Basically, ",
           "Speaking for myself, ", "If I am honest, ", "The truth is "]
TIMES = ["", "", "", "", " last year", " after six months", " in the first week",
         " when I got out", " twice now", " every single time", " this winter", " for years"]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != "I " else text


def build_corpus(size: int, seed: int = 15) -> list[tuple[str, str]]:
    """Make ``size`` distinct answers.

    Args:
        size: how many answers.
        seed: the random seed (the same size and seed give the same answers).

    Returns:
        (topic, text) pairs, no two texts alike.
    """
    from tests.analysis.core.themes.forum_fixture import TOPICS

    rng = random.Random(seed)
    topics = {topic: [text for _member, _source, text in said] for topic, said in TOPICS.items()}
    names = list(topics)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < size:
        topic = rng.choice(names)
        first = rng.choice(topics[topic])
        opener = rng.choice(OPENERS)
        text = opener + (_lower_first(first) if opener else first)
        when = rng.choice(TIMES)
        if when and text.endswith("."):
            text = text[:-1] + when + "."
        roll = rng.random()
        if roll < 0.55:
            text += " " + rng.choice([t for t in topics[topic] if t != first])
        elif roll < 0.7:
            text += " " + rng.choice(topics[rng.choice(names)])
        if text not in seen:
            seen.add(text)
            out.append((topic, text))
    return out


def load_corpus(size: int, title: str = "Large consultation") -> int:
    """Add a consultation with ``size`` anonymous survey answers as segments (in an app context).

    Args:
        size: how many segments.
        title: the consultation's title.

    Returns:
        The consultation's id.
    """
    from forum.extensions import db
    from forum.models import Consultation, Segment, SegmentSource
    from forum.models.base import utcnow
    from forum.services.consultations import save_consultation
    from forum.services.questions import parse_questions
    from forum.services.segments import text_hash

    consultation = save_consultation(Consultation(title=title, consulting_body="Bench"),
                                     parse_questions("Q1. What would have helped you most?"))
    question_id = consultation.questions[0].id
    now = utcnow()
    rows = [{"consultation_id": consultation.id, "source_type": SegmentSource.SURVEY,
             "source_id": n + 1, "position": 0, "question_id": question_id, "text": text,
             "text_hash": text_hash(text), "held": False, "needs_review": False, "created_at": now}
            for n, (_topic, text) in enumerate(build_corpus(size))]
    for start in range(0, len(rows), 5000):
        db.session.execute(Segment.__table__.insert(), rows[start:start + 5000])
    db.session.commit()
    return consultation.id

