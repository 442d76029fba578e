"""Print redaction recall and precision per label on the labelled fixture.

The fixture has three parts: "first" (written before any rules), "holdout" (written
after the first run to be harder) and "audit" (dates of birth in many shapes, public
reports named after people, sentence-opening words; see build_pii_fixture.py). A found span
counts as correct if it overlaps a gold span of the same category
(prisons, hospitals and hostels differ from each other; NI and other ID numbers share
"identifier"). Label-agnostic recall counts any overlap at all: it is the share of
personal data that would be hidden, whatever placeholder it got.

Also redacts the demo transcripts and prints every span with the planted items that
no span covered.

``--fixture fresh`` measures round five's fresh adversarial lines instead
(``pii_fresh.jsonl``, from ``pii_fresh_lines.py``), kept apart so the figures above stay
comparable between rounds. ``--fixture dev11`` measures round eleven's hostels, hospitals and
names with no cue word (``pii_dev11_lines.py``); ``--fixture dev11check`` the lines written
after its rules and never tuned on; ``--fixture dev12`` round twelve's (``pii_dev12_lines.py``)
and ``dev12check`` its lines written after the rules; ``--fixture dev14`` round
fourteen's ID numbers and prisons (``pii_dev14_lines.py``); ``--fixture dev15`` round fifteen's
forum voices with every kind planted and decoys (``pii_dev15_lines.py``); ``--fixture dev16``
round sixteen's: hostels named by an ordinary word, names in drug talk, initials, brand
nicknames, Scottish, Welsh and Northern Irish places, spelt-out numbers (``pii_dev16_lines.py``);
``--fixture dev17`` round seventeen's: relatives, pets, partners, handles, plates, spoken
postcodes, workplaces, surgeries, workers, solicitors, pubs, estates, wards, wings
(``pii_dev17_lines.py``); ``--fixture dev18`` round eighteen's: lower-case names that are words,
nicknames, hostels, rehabs and projects named bare, estates, pubs, prisons named bare, spoken
plates and prison numbers, and decoys (``pii_dev18_lines.py``); ``--fixture dev19`` round
nineteen's: nicknames, names after a role phrase, hostels named by words, Welsh and Scottish
voices, loose addresses and spoken numbers (``pii_dev19_lines.py``); ``--fixture dev20``
round twenty's: nicknames that are words, hostels named "the X", bare prisons, dialect and
decoys (``pii_dev20_lines.py``); ``--fixture dev21`` round twenty-one's, written before the
rules were read: names that are words, prison nicknames, approved premises, numbers and
postcodes in new shapes, and decoys (drugs by girls' names, public bodies and reports)
(``pii_dev21_lines.py``); ``--fixture dev22`` round twenty-two's, written blind (no rule read):
transcript turns and survey answers in Scots, Irish, Welsh, Caribbean and Polish-English voices,
staff, kin, pets and dealers, prison nicknames, spoken numbers and e-mails, and decoys (public
figures, songs and films, services, slang, regions, courts) (``pii_dev22_lines.py``);
``--fixture dev23`` round twenty-three's, written blind likewise: Scouse, Geordie, Brummie,
Bristol, Cornish, Irish Traveller, Romanian-, Punjabi- and Somali-English, young people's, older
men's and women's hostel voices, every kind planted, and decoys (jargon, public figures by title,
drug slang that looks like names, songs, festivals) (``pii_dev23_lines.py``).

Run: ``.venv/bin/python bench/redaction_quality.py [--fixture fresh] [--no-demo] [--show-errors]``
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.core.redact import LABELS, find_personal_data  # noqa: E402
from analysis.core.transcripts import read_transcript  # noqa: E402

FIXTURES = {"labelled": ROOT / "tests/analysis/fixtures/pii_labelled.jsonl",
            "fresh": ROOT / "tests/analysis/fixtures/pii_fresh.jsonl",
            # Written by a helper who never read the redactor (pii_heldout3_README.md); its
            # misses then guided fixes by kind, so it is a development set now.
            "heldout3": ROOT / "tests/analysis/fixtures/pii_heldout3.jsonl",
            # Round nine's lines for hostels, hospitals and prisons, written before the
            # detectors were read (pii_dev9_lines.py); a development set.
            "dev9": ROOT / "tests/analysis/fixtures/pii_dev9.jsonl",
            # Round eleven's: new phrasings for hostels, hospitals and names with no cue
            # word, and traps (pii_dev11_lines.py); written before reading the detectors.
            "dev11": ROOT / "tests/analysis/fixtures/pii_dev11.jsonl",
            # Lines written after round eleven's rules and never tuned on.
            "dev11check": ROOT / "tests/analysis/fixtures/pii_dev11check.jsonl",
            # Round twelve's: hostels given away by a verb ("stayed at", "placed at"), blocks
            # of flats called "X Court" against courts of law, lower-case nicknames, and
            # traps (drinks, drugs, brands, TV); written before reading the detectors.
            "dev12": ROOT / "tests/analysis/fixtures/pii_dev12.jsonl",
            # Lines written after round twelve's rules and never tuned on.
            "dev12check": ROOT / "tests/analysis/fixtures/pii_dev12check.jsonl",
            # Round fourteen's: UK ID numbers (NHS, PNC, CRO, CRN, licence, bank) and prisons
            # with nicknames, closed and Scottish ones, and traps (pii_dev14_lines.py).
            "dev14": ROOT / "tests/analysis/fixtures/pii_dev14.jsonl",
            # Round fifteen's forum voices, every kind planted, and decoys (pii_dev15_lines.py).
            "dev15": ROOT / "tests/analysis/fixtures/pii_dev15.jsonl",
            # Round sixteen's: hostels named by an ordinary word, names in drug and drink talk,
            # initials, brand nicknames, Celtic places and prisons, spelt-out numbers and
            # dates, and decoys (pii_dev16_lines.py); written before reading the detectors.
            "dev16": ROOT / "tests/analysis/fixtures/pii_dev16.jsonl",
            # Round seventeen's: relatives, pets and partners named in passing, handles, plates,
            # spoken postcodes, workplaces, surgeries, named workers, solicitors, pubs, estates,
            # wards and wings, and decoys (pii_dev17_lines.py); written before reading them.
            "dev17": ROOT / "tests/analysis/fixtures/pii_dev17.jsonl",
            # Round eighteen's: lower-case names that are words, nicknames, hostels, rehabs and
            # projects named bare, estates, pubs, bare prisons, spoken plates and prison
            # numbers, public figures and clubs as decoys (pii_dev18_lines.py); written first.
            "dev18": ROOT / "tests/analysis/fixtures/pii_dev18.jsonl",
            # Round nineteen's: nicknames with no cue, names after a role or living phrase, hostels
            # and projects named by ordinary words, Welsh and Scottish names against Welsh words,
            # loose addresses, spoken numbers and dates, handles, and decoys (pii_dev19_lines.py).
            "dev19": ROOT / "tests/analysis/fixtures/pii_dev19.jsonl",
            # Round twenty's: nicknames that are words, hostels named "the X", prisons named
            # bare, Scots, Welsh and Northern districts, numbers, officers, and decoys
            # (public figures, films, days, regions); written first (pii_dev20_lines.py).
            "dev20": ROOT / "tests/analysis/fixtures/pii_dev20.jsonl",
            # Round twenty-one's: names that are words, pets, solicitors' firms, prisons by
            # nickname or "HMP YOI", wards, approved premises, blocks of flats, numbers said
            # in new shapes, and decoys (drugs by girls' names, public bodies and reports);
            # written before the rules were read (pii_dev21_lines.py).
            "dev21": ROOT / "tests/analysis/fixtures/pii_dev21.jsonl",
            # Round twenty-two's, written blind (no redactor rule, list or frame opened):
            # spoken turns and survey answers in many voices, every kind planted, and decoys
            # (pii_dev22_lines.py); measured by totals only, its misses not read.
            "dev22": ROOT / "tests/analysis/fixtures/pii_dev22.jsonl",
            # Round twenty-three's, written blind likewise by another helper: new voices (Scouse,
            # Geordie, Brummie, Bristol, Cornish, Traveller, Romanian-, Punjabi- and Somali-English,
            # young people, older men, women's hostels), every kind planted, and decoys
            # (pii_dev23_lines.py).
            "dev23": ROOT / "tests/analysis/fixtures/pii_dev23.jsonl",
            # The same again by another helper; sealed: no fix was made by reading it.
            "heldout4": ROOT / "tests/analysis/fixtures/pii_heldout4.jsonl",
            # Round thirteen's, by a helper who never read the redactor; sealed likewise.
            "heldout5": ROOT / "tests/analysis/fixtures/pii_heldout5.jsonl"}
DEMO = ROOT / "forum/demo/transcripts"
CATEGORY = {"NI number": "identifier", "ID number": "identifier"}
# Planted items a helper listed for the demo transcripts (what a reviewer must not miss).
DEMO_PLANTED = {
    "housing-and-release.txt": [
        "Shaun Kelly", "Tracey Wilson", "Denise Campbell", "Lee Harding", "Maureen Doyle",
        "Gareth", "Pritchard", "Okafor", "Priya", "07700 900987", "07700 900412",
        "07700 900155", "g.pritchard@probation.example.gov.uk", "tonyb74@example.com",
        "14 Aldgrove Road", "27 Kestrel Way", "SE15 4QT", "E3 5XB", "SW9 6PL",
        "3rd of March 1979", "14th of July 1982", "QQ 12 34 56 C", "A4821KD", "Pentonville",
        "Holloway", "Wandsworth", "Brixton", "Bronzefield", "Kingsmead Hospital",
        "Cedar Lodge", "Larchfield",
    ],
    "community-sentences.vtt": [
        "Claire Rowntree", "Mick Lawson", "Helen Marsh", "Daniel Hartley", "Darren Dempsey",
        "Flat 6, 41 Burdett Street", "B11 4DN", "B12 9QP", "Eastwood Park", "Hollybank Hospital",
        "Aspen Centre", "2nd of November 1990", "QQ 65 43 21 B", "07700 900731",
        "shona.mcbride91@example.co.uk",
    ],
}


def category(label: str) -> str:
    """Return the category two labels must share for a match to count."""
    return CATEGORY.get(label, label)


def overlaps(a: dict, b) -> bool:
    """Say whether a gold span dict and a found span overlap."""
    return a["start"] < b.end and b.start < a["end"]


def tally(records: list[dict], nlp) -> dict:
    """Redact every fixture line and count hits, misses and false alarms per label."""
    t = {k: Counter() for k in ("gold", "hit", "any", "found", "ok", "stray")}
    t["misses"], t["false_alarms"] = [], []
    for rec in records:
        found = find_personal_data(rec["text"], nlp=nlp)
        for g in rec["spans"]:
            t["gold"][g["label"]] += 1
            hits = [f for f in found if overlaps(g, f)]
            t["any"][g["label"]] += bool(hits)
            if any(category(f.label) == category(g["label"]) for f in hits):
                t["hit"][g["label"]] += 1
            else:
                t["misses"].append(
                    (g["label"], rec["text"][g["start"]:g["end"]], [f.label for f in hits]))
        for f in found:
            t["found"][f.label] += 1
            if any(overlaps(g, f) and category(g["label"]) == category(f.label)
                   for g in rec["spans"]):
                t["ok"][f.label] += 1
            else:
                t["false_alarms"].append((f.label, f.text, rec["text"]))
            t["stray"][f.label] += not any(overlaps(g, f) for g in rec["spans"])
    return t


def ratio(a: int, b: int) -> float:
    """a / b, or NaN when b is zero."""
    return a / b if b else float("nan")


def print_table(t: dict) -> None:
    """Print recall and precision per label, overall, and label-agnostic recall."""
    print(f"{'label':15} {'gold':>5} {'recall':>7} {'found':>6} {'precision':>9}")
    for label in LABELS:
        print(f"{label:15} {t['gold'][label]:5} {ratio(t['hit'][label], t['gold'][label]):7.3f} "
              f"{t['found'][label]:6} {ratio(t['ok'][label], t['found'][label]):9.3f}")
    gold, found = sum(t["gold"].values()), sum(t["found"].values())
    print(f"{'overall':15} {gold:5} {ratio(sum(t['hit'].values()), gold):7.3f} "
          f"{found:6} {ratio(sum(t['ok'].values()), found):9.3f}")
    print(f"label-agnostic recall (any placeholder): {ratio(sum(t['any'].values()), gold):.3f}")
    print(f"leaks (items no placeholder touches): {gold - sum(t['any'].values())}; "
          f"over-redactions (spans over no personal data): {sum(t['stray'].values())}")
    print(goal_line(t))


def goal_line(t: dict) -> str:
    """Say whether the goal holds: recall >= 0.97, every kind >= 0.9, precision >= 0.9."""
    gold, found = sum(t["gold"].values()), sum(t["found"].values())
    recall, precision = ratio(sum(t["hit"].values()), gold), ratio(sum(t["ok"].values()), found)
    weakest = min((ratio(t["hit"][k], t["gold"][k]), k) for k in LABELS if t["gold"][k])
    met = recall >= 0.97 and weakest[0] >= 0.9 and precision >= 0.9
    return ("goal (recall >= 0.97, every kind >= 0.9, precision >= 0.9): "
            f"{'met' if met else 'NOT met'}; "
            f"weakest kind {weakest[1]} {weakest[0]:.3f}")


def demo(nlp) -> None:
    """Redact the demo transcripts turn by turn and list what the planted items got."""
    for name, planted in DEMO_PLANTED.items():
        path = DEMO / name
        if not path.exists():
            print(f"\n(demo {name} not found)")
            continue
        transcript = read_transcript(path.read_bytes(), name)
        speakers = sorted({t.speaker for t in transcript.turns if t.speaker})
        spans = []
        for turn in transcript.turns:
            spans += [(s.label, s.text)
                      for s in find_personal_data(turn.text, known_names=speakers, nlp=nlp)]
        found_text = " | ".join(text for _, text in spans)
        missed = [item for item in planted if item not in found_text]
        print(f"\n== {name}: {len(transcript.turns)} turns, {len(spans)} spans "
              f"(speakers passed as known names: {', '.join(speakers)})")
        print("spans:", "; ".join(f"{label}: {text}" for label, text in spans))
        print("planted items not covered:", missed or "none")


def main() -> None:
    """Parse arguments, load the model once, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-demo", action="store_true", help="skip the demo transcripts")
    parser.add_argument("--show-errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--fixture", choices=sorted(FIXTURES), default="labelled",
                        help="which labelled lines to measure")
    args = parser.parse_args()
    from analysis.core.nlp import load_nlp

    nlp = load_nlp()
    lines = FIXTURES[args.fixture].read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line]
    t0 = time.perf_counter()
    print(f"fixture: {len(records)} lines, {sum(len(r['spans']) for r in records)} items")
    totals = tally(records, nlp)
    print_table(totals)
    print(f"({time.perf_counter() - t0:.1f} s)")
    for part in sorted({r.get("part", "all") for r in records}):
        t = tally([r for r in records if r.get("part", "all") == part], nlp)
        gold, found = sum(t["gold"].values()), sum(t["found"].values())
        print(f"part {part!r}: {gold} items, recall {ratio(sum(t['hit'].values()), gold):.3f}, "
              f"precision {ratio(sum(t['ok'].values()), found):.3f}")
    if args.show_errors:
        print("\nmissed (gold label, text, labels of overlapping found spans):")
        for miss in totals["misses"]:
            print("  ", miss)
        print("\nfalse alarms (found label, text, line):")
        for label, text, line in totals["false_alarms"]:
            print(f"   {label}: {text!r}  <- {line}")
    if not args.no_demo:
        demo(nlp)


if __name__ == "__main__":
    main()
