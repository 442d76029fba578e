"""Question-mapping accuracy with 0, 3, 5 and 10 confirmed examples per question.

Corpus: a Markdown consultation response (default ``../shared/exemplars/
consultation-response-example.md``). Each section heading (``##``/``###``) is a question;
each paragraph of 8 or more words is a passage labelled by the innermost heading it sits
under; reference lists are left out (citations answer nothing). Headings are taken out of
the passages, so the mapper sees only the words and their order, as with a transcript or
an answer document whose headings do not repeat the questions.

For k examples, k passages per question (at most all but one) are confirmed at random;
accuracy is counted on the other passages, averaged over 5 draws. Columns:
"alone" maps each passage by itself, "neighbours" reads passages in document order (the
app's default). Run: ``.venv/bin/python bench/question_accuracy.py [FILE.md]``.
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

# shared/ sits beside the project (beside a worktree's parent too).
EXAMPLE = next((base / "shared" / "exemplars" / "consultation-response-example.md"
                for base in ROOT.parents if (base / "shared" / "exemplars").is_dir()),
               ROOT.parent / "shared" / "exemplars" / "consultation-response-example.md")
SHOTS = (0, 3, 5, 10)
DRAWS = 5
MIN_WORDS = 8
NOT_ANSWERS = re.compile(r"^(references|bibliography|footnotes|notes|contents)\b", re.I)


def _clean(text: str) -> str:
    text = re.sub(r"<sup>.*?</sup>", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_#>`]+", "", text)
    return " ".join(text.split())


def labelled_passages(path: Path = EXAMPLE) -> tuple[list[str], list[str], list[str]]:
    """Read a Markdown response into passages labelled by the section they sit under.

    Args:
        path: the Markdown file.

    Returns:
        (passages, labels, questions): passage texts in document order, the heading of
        each, and the headings that label at least one passage, in order.
    """
    texts, labels, heading = [], [], None
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        match = re.match(r"^(#{2,3})\s+(.*)$", lines[0])
        if match:
            heading = _clean(match.group(2))
            lines = lines[1:]
        for paragraph in ([" ".join(lines)] if lines else []):
            text = _clean(paragraph)
            if heading is None or NOT_ANSWERS.match(heading) or text.startswith("http"):
                continue
            if len(text.split()) >= MIN_WORDS:
                texts.append(text)
                labels.append(heading)
    questions = list(dict.fromkeys(labels))
    return texts, labels, questions


def _draw(labels: list[str], k: int, rng) -> set[int]:
    """k rows per label at random, leaving at least one row of each label to test."""
    chosen: set[int] = set()
    for label in dict.fromkeys(labels):
        rows = [i for i, x in enumerate(labels) if x == label]
        take = min(k, len(rows) - 1)
        if take > 0:
            chosen.update(rng.choice(rows, take, replace=False).tolist())
    return chosen


def question_accuracy(embedder, cache, path: Path = EXAMPLE, shots=SHOTS,
                      draws: int = DRAWS) -> dict:
    """Accuracy of ``map_passages`` for each number of confirmed examples per question.

    Args:
        embedder: an ``Embedder`` (MiniLM for real figures).
        cache: an ``EmbeddingCache`` or None.
        path: the Markdown corpus.
        shots: examples per question to try.
        draws: random draws of examples averaged for k > 0.

    Returns:
        {"passages": n, "questions": q, "alone": {k: acc}, "neighbours": {k: acc},
         "nearest": acc of plain nearest question by embedding}.
    """
    from analysis.core.questions import MappingOptions, Passage, map_passages
    from analysis.core.themes import SegmentInput, embed_segments
    from analysis.core.themes.guide import embed_free_texts

    texts, labels, names = labelled_passages(path)
    segments = [SegmentInput(id=i, text=t, text_hash=hashlib.sha256(t.encode()).hexdigest())
                for i, t in enumerate(texts)]
    vectors = embed_segments(segments, embedder, cache)

    def embed(items):
        return embed_free_texts(items, embedder, cache)

    questions = [_Question(i, name) for i, name in enumerate(names)]
    truth = np.array([names.index(x) for x in labels])
    nearest = float(((vectors @ embed(names).T).argmax(axis=1) == truth).mean())
    base = [Passage(id=i, text=t, sequence="document:1", position=i) for i, t in enumerate(texts)]
    out = {"passages": len(texts), "questions": len(names), "nearest": nearest,
           "alone": {}, "neighbours": {}}
    for column, neighbours in (("alone", False), ("neighbours", True)):
        options = MappingOptions(use_neighbours=neighbours)
        for k in shots:
            scores = []
            for draw in range(draws if k else 1):
                confirmed = _draw(labels, k, np.random.default_rng(draw)) if k else set()
                passages = [replace(p, question_id=int(truth[p.id])) if p.id in confirmed else p
                            for p in base]
                found = map_passages(passages, vectors, questions, embed, options)
                rest = [i for i in range(len(texts)) if i not in confirmed]
                scores.append(np.mean([found[i].question_id == truth[i] for i in rest]))
            out[column][k] = float(np.mean(scores))
    return out


class _Question:
    def __init__(self, id_, text):
        self.id, self.text = id_, text


def print_question_accuracy(result: dict) -> None:
    """Print the question-accuracy table (one row per way of mapping)."""
    print(f"Question mapping: {result['passages']} passages, {result['questions']} questions "
          f"(plain nearest question by embedding: {result['nearest']:.3f})")
    print(f"{'examples per question':24s}" + "".join(f"{k:>8d}" for k in result["alone"]))
    for column in ("alone", "neighbours"):
        print(f"{'  ' + column:24s}" + "".join(f"{v:8.3f}" for v in result[column].values()))
    print("Goals: >= 0.50 with no examples, >= 0.70 with 3 (the 'neighbours' row is the app's).")


def main() -> None:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from analysis.core.themes import FileEmbeddingCache, MiniLMEmbedder

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLE
    cache = FileEmbeddingCache(path=Path("/tmp/forum-voice-bench/questions.npz"))
    print_question_accuracy(question_accuracy(MiniLMEmbedder(threads=2), cache, path))


if __name__ == "__main__":
    main()
