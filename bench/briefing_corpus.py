"""A held-out policy briefing, split into passages labelled by the heading they sit under.

Built from ``shared/exemplars/policy-briefing-example.md`` the way
``consultation_corpus`` builds the development corpus: every paragraph or bullet of eight
words or more is one passage (footnotes, contact details and the cover dropped). It is
held out: theme labels are judged on it, never tuned on it.

    PYTHONPATH=. python bench/briefing_corpus.py   # prints the passages per section
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from consultation_corpus import SHARED, labelled_passages

BRIEFING = Path(os.environ.get("FORUM_BENCH_BRIEFING",
                               SHARED / "exemplars" / "policy-briefing-example.md"))
# The cover, the charity's own blurb and its contact box are not the briefing's content.
SKIP_SECTIONS = {"ENDING THE REVOLVING DOOR", "REVOLVING DOORS AGENCY", "HOW CAN WE HELP?"}
# Numbered footnotes ("1. www...", "5. Department of Health (2012) ...") and the back page's
# address (a postcode), phone, e-mail and funder lines.
NOT_TEXT = re.compile(r"^(\d+\. (?!\*)|.*@|.*\d{3} \d{4}|.*\b[A-Z]{1,2}\d{1,2} \d[A-Z]{2}\b"
                      r"|This project is funded)")


def build_briefing(path: Path | None = None) -> tuple[list[str], list[str]]:
    """Read the briefing into labelled passages.

    Args:
        path: the markdown file; defaults to the shared exemplar.

    Returns:
        (passages, heading labels), in document order.
    """
    lines = Path(path or BRIEFING).read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not NOT_TEXT.match(line.strip())]
    return labelled_passages(kept, levels=(1, 2, 3, 4), skip=SKIP_SECTIONS)


if __name__ == "__main__":
    passages, sections = build_briefing()
    print(len(passages), "passages")
    for text, name in zip(passages, sections, strict=True):
        print(f"{name[:30]:30s} {text[:110]}")
