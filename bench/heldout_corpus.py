"""A consultation response written for this project, split into labelled passages."""
from __future__ import annotations

import re
from pathlib import Path

# The response is new text written for Forum Voice (not taken from any published response),
# after the theme method was built. It has since informed four choices (no zero-shot codes
# for a document's runs, speaker words in labels, the reading-order effect size, the weight
# of the question guide), so it is a second development text now, not an unseen one.
RESPONSE = Path(__file__).parent / "data" / "heldout_response.md"

QUESTION_HEADING = re.compile(r"^##\s+Question\s+(\d+)\b")
QUESTION_TEXT = re.compile(r"^##\s+Question\s+(\d+):\s*(.+)$")
SECTION_HEADING = re.compile(r"^##\s+(.+?)\s*$")


def _label(heading: str) -> str | None:
    """Label for a ``##`` heading: "Q7" for a numbered question, else the section name."""
    question = QUESTION_HEADING.match(heading)
    if question:
        return f"Q{int(question.group(1))}"
    section = SECTION_HEADING.match(heading)
    return section.group(1) if section else None


def _clean(block: str) -> str:
    """One passage's plain text: lines joined, bullet marker and bold markers dropped."""
    text = " ".join(line.strip() for line in block.splitlines())
    text = re.sub(r"^[-*]\s+", "", text)
    return text.replace("**", "").strip()


def build_heldout(path: Path = RESPONSE) -> tuple[list[str], list[str]]:
    """Passages of the held-out response in reading order, with the section each sits under.

    Args:
        path: the markdown response; one passage per blank-line-separated block, headings
            (lines starting with ``#``) are not passages.

    Returns:
        (passages, labels): labels are "Q<n>" for answers to numbered questions, otherwise
        the section name ("About us", "Introduction", "Conclusion").
    """
    passages: list[str] = []
    labels: list[str] = []
    label: str | None = None
    for raw in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        block = raw.strip()
        if not block:
            continue
        if block.startswith("#"):
            # The title ("# ...") carries no label; passages sit under "##" headings only.
            label = _label(block) if block.startswith("## ") else label
            continue
        if label is None:
            raise ValueError(f"passage before any section heading: {block[:60]!r}")
        passages.append(_clean(block))
        labels.append(label)
    return passages, labels


def heldout_questions(path: Path = RESPONSE) -> list[tuple[int, str]]:
    """The consultation's numbered questions, as the response's headings give them.

    Args:
        path: the markdown response.

    Returns:
        [(number, question text)] in order.
    """
    found = (QUESTION_TEXT.match(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [(int(m.group(1)), m.group(2).strip()) for m in found if m]
