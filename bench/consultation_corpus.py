"""A consultation-shaped development corpus: a response's passages, labelled by section.

Built from ``shared/exemplars/consultation-response-example.md``: every paragraph or
bullet (headings, footnotes, links and references dropped; paragraphs cut by a page
break joined again) is one passage, labelled by the ``##`` section it sits under, as an
analyst would group a response by the question each part answers.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# shared/ sits beside the repository (a worktree may be one level deeper).
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "exemplars").is_dir()),
              ROOT.parent / "shared")
EXEMPLAR = Path(os.environ.get("FORUM_BENCH_EXEMPLAR",
                               SHARED / "exemplars" / "consultation-response-example.md"))
SKIP_SECTIONS = {"References", "About Revolving Doors Agency"}
MIN_WORDS = 8


def _clean(text: str) -> str:
    text = re.sub(r"<sup>.*?</sup>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"<https?://[^>]*>", "", text)
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).strip(" -–")


def _blocks(lines: list[str]) -> list[str]:
    blocks, current = [], []
    for line in lines + [""]:
        if line.strip().startswith("- "):
            if current:
                blocks.append(" ".join(current))
            current = [line.strip()[2:]]
        elif line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


def build_corpus(path: Path | None = None) -> tuple[list[str], list[str]]:
    """Read the exemplar into labelled passages.

    Args:
        path: the markdown file; defaults to the shared exemplar.

    Returns:
        (passages, section labels), in document order.
    """
    lines = Path(path or EXEMPLAR).read_text(encoding="utf-8").splitlines()
    return labelled_passages(lines, levels=(2,), skip=SKIP_SECTIONS)


def labelled_passages(lines: list[str], levels: tuple[int, ...],
                      skip: set[str]) -> tuple[list[str], list[str]]:
    """Split markdown lines into passages labelled by the heading they sit under.

    Args:
        lines: the document's lines.
        levels: heading levels that start a section (2: ``## ``); other headings are dropped.
        skip: section names whose passages are left out (about us, references).

    Returns:
        (passages, section labels), in document order.
    """
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        heading = re.match(r"(#+) (.*)", line)
        if heading and len(heading.group(1)) in levels:
            sections.append((_clean(heading.group(2)), []))
        elif sections and not heading:
            sections[-1][1].append(line)
    texts, labels = [], []
    for name, body in sections:
        if name in skip:
            continue
        pieces: list[str] = []
        for block in _blocks(body):
            text = _clean(block)
            if not text or text.startswith(("http", "Further information", "For further")):
                continue
            # A page break cuts a paragraph: a piece starting in lower case continues the last.
            if pieces and (text[:1].islower() or not re.search(r"[.!?:\"”)]$", pieces[-1])):
                pieces[-1] = f"{pieces[-1]} {text}"
            else:
                pieces.append(text)
        for text in pieces:
            if len(text.split()) >= MIN_WORDS:
                texts.append(text)
                labels.append(name)
    return texts, labels


if __name__ == "__main__":
    from collections import Counter

    passages, sections = build_corpus()
    print(len(passages), "passages")
    for name, n in Counter(sections).items():
        print(f"{n:4d}  {name}")
