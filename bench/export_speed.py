"""How long a long consultation response takes to render: PDF (WeasyPrint) and Word.

Builds a response of about 30 A4 pages - the sample response's front matter plus 27 question
sections of several paragraphs, a list and two or three quotes each, with notes - and times
``render_pdf``, ``render_docx`` and the Easy Read PDF. The first PDF render is timed apart:
it pays for importing WeasyPrint and loading fonts once per process.

Run: ``.venv/bin/python bench/export_speed.py [--sections 27] [--runs 3]``
Aim: a 30-page PDF in under 5 s on 2 cores.
"""
from __future__ import annotations

import argparse
import io
import logging
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exports.document import Quote  # noqa: E402
from exports.renderers import render_docx, render_easy_read_pdf, render_pdf  # noqa: E402
from exports.samples import QUESTIONS, sample_easy_read, sample_response  # noqa: E402

EXTRA = """Members returned to this point in every group. Several described the same pattern: \
a first contact that went well, followed by a long silence, and then a crisis that brought \
them back to the start. They did not ask for more appointments so much as for *continuity*: \
the same person, a call back when promised, and a clear answer about what happens next.

We think the proposals could do more here. The consultation sets out standards for \
assessment, but says little about the weeks after it, which is when members told us they \
were most likely to give up.[^w] **A standard for contact while waiting would cost little \
and would be noticed at once by the people it is meant to help.**

Members also pointed to what already works locally:

- peer support workers who have used the same services;
- drop-in sessions held where people already go, such as food banks and housing offices;
- a single phone number that is answered by a person during the working day.

### Our recommendation

We recommend that the final strategy names who is responsible for each person between \
services, and that commissioners report on how long people wait for a first real \
conversation, not only for a letter.

[^w]: In our survey, 12 of the 19 people who answered this question said that waiting was \
the hardest part of getting help."""

MORE_QUOTES = ("Somebody rang me back the same day and honestly that was the turning point.",
               "I didn't need a leaflet, I needed a person who would still be there next month.")


def long_response(sections: int):
    """The sample response with ``sections`` long question sections."""
    doc = sample_response(sections)
    long_sections = []
    for index, section in enumerate(doc.sections):
        quotes = section.quotes + tuple(
            Quote(10_000 + 10 * index + n, text, "Forum member", "Focus group, 18 March 2026")
            for n, text in enumerate(MORE_QUOTES[: 1 + index % 2]))
        long_sections.append(replace(section, text=f"{section.text}\n\n{EXTRA}", quotes=quotes))
    return replace(doc, sections=tuple(long_sections))


def timed(function, *args) -> tuple[float, object]:
    """Returns: (wall seconds, result); CPU seconds are added to ``CPU`` under the name."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    CPU.setdefault(function.__name__, []).append(time.process_time() - cpu)
    return time.perf_counter() - start, result


CPU: dict[str, list[float]] = {}


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=27)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    doc = long_response(args.sections)
    first, pdf = timed(render_pdf, doc)
    pages = page_count(pdf)
    print(f"Response: {len(doc.sections)} sections ({len(QUESTIONS)} distinct questions), "
          f"{sum(len(s.quotes) for s in doc.sections)} quotes, {pages} PDF pages, "
          f"{len(pdf) / 1024:.0f} KiB")
    print(f"PDF first render (imports WeasyPrint, loads fonts): {first:.2f} s")

    load = os.getloadavg()[0]
    pdf_times = [timed(render_pdf, doc)[0] for _ in range(args.runs)]
    docx_times = [timed(render_docx, doc)[0] for _ in range(args.runs)]
    easy_times = [timed(render_easy_read_pdf, sample_easy_read())[0] for _ in range(args.runs)]
    print(f"Load average before the timed runs: {load:.1f} on {os.cpu_count()} "
          "cores (other work on the machine slows wall-clock times; CPU time is steadier)")
    for name, times, function in (("PDF", pdf_times, render_pdf),
                                  ("DOCX", docx_times, render_docx),
                                  ("Easy Read PDF", easy_times, render_easy_read_pdf)):
        cpu = CPU[function.__name__][-args.runs:]
        print(f"{name:14} median {statistics.median(times):.2f} s wall "
              f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs); "
              f"median {statistics.median(cpu):.2f} s CPU")
    wall = statistics.median(pdf_times) / pages
    cpu = statistics.median(CPU["render_pdf"][-args.runs:]) / pages
    print(f"PDF per page: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU; 30 pages: about "
          f"{wall * 30:.1f} s wall here, {cpu * 30:.1f} s of CPU (aim: under 5 s)")


if __name__ == "__main__":
    main()
