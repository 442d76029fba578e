"""Time of the uploaded-text markup check (``upload_names.is_markup``) on hostile texts.

A comment or CDATA section that is opened again and again and never closed ("<!-- " over and
over) made the old pattern search the rest of the text from every opening: 40 KB took about a
second and a 20 MB upload (the limit) would have run for days. Prints, per text and size,
the seconds one check takes and what it decided; a linear check grows with the size, not its
square. Sizes above ``--max`` are skipped (use a small one to time the old check).

Run: ``.venv/bin/python bench/upload_check_speed.py [--max BYTES]``
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.core.transcripts.upload_names import is_markup  # noqa: E402

UNITS = {"comment": "<!-- ", "cdata": "<![CDATA[ ", "open tag": "<a ", "words": "word <b> and "}
SIZES = [10_000, 20_000, 40_000, 2_000_000, 20_000_000]


def main() -> None:
    """Print the time of one check per hostile text and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=20_000_000, help="largest size in bytes")
    most = parser.parse_args().max
    print(f"{'text':<10} {'bytes':>10} {'seconds':>9}  markup")
    for name, unit in UNITS.items():
        for size in (s for s in SIZES if s <= most):
            text = unit * (size // len(unit))
            start = time.perf_counter()
            found = is_markup(text)
            print(f"{name:<10} {len(text):>10} {time.perf_counter() - start:>9.3f}  {found}")


if __name__ == "__main__":
    main()
