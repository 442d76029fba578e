"""Speed of theme analysis at 500, 2,000 and 10,000 segments on this machine.

For each size: time to first analysis (nothing cached: every segment embedded, every
text tagged by spaCy) and to re-analysis (embeddings cached, as after any edit; spaCy
run again by a fresh analyser, as in a new worker process), plus re-analysis in the
same process (spaCy results remembered too). Stage times come from the progress
callback. Corpora are built from the NHS comments; past 7,908 comments, copies get a
small change of wording so their text (and hash) differs. Runs use the default codebook
and six questions. Torch uses 2 threads.

Run: ``.venv/bin/python bench/analysis_speed.py [--sizes 500 2000 10000]``
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from analysis_quality import all_comments, as_segments  # noqa: E402

from analysis.core.themes import (  # noqa: E402
    InMemoryEmbeddingCache,
    MiniLMEmbedder,
    QuestionInput,
    SegmentInput,
    SpacyWordAnalyser,
    TextModels,
    load_codebook,
    run_analysis,
)

VARIANTS = ("Also, {}", "{} Thanks.", "To be honest, {}", "{} That is all.", "Overall, {}")
QUESTIONS = [QuestionInput(i + 1, text, f"Q{i + 1}") for i, text in enumerate([
    "How can we make sure people leaving prison have somewhere safe to live?",
    "How can community sentences and probation supervision work better?",
    "How can police and health services support people with mental health needs?",
    "What would help people recover from drug and alcohol problems?",
    "How can services work together for people with multiple needs?",
    "What did staff do well, and what could they do better?"])]


class TimedEmbedder:
    """Wraps an embedder to time only the model's own work."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.seconds, self.count = inner, inner.name, 0.0, 0

    def encode(self, texts):
        start = time.perf_counter()
        out = self.inner.encode(texts)
        self.seconds += time.perf_counter() - start
        self.count += len(texts)
        return out


def corpus(n: int, comments: list[str]) -> list[SegmentInput]:
    """n segments with pseudo members (8 segments each), 4 sources and two demographics."""
    texts = []
    for i in range(n):
        base = comments[i % len(comments)]
        round_ = i // len(comments)
        texts.append(base if round_ == 0 else VARIANTS[(round_ - 1) % len(VARIANTS)].format(base))
    plain = as_segments(texts)
    return [SegmentInput(s.id, s.text, s.text_hash, member_id=1 + i // 8,
                         source_key=f"transcript:{1 + i % 4}",
                         group={"gender": ("man", "woman")[(i // 8) % 2],
                                "age": ("18-24", "25-39", "40-59", "60+")[(i // 16) % 4]})
            for i, s in enumerate(plain)]


def timed_run(segments, embedder, cache, words) -> tuple[float, dict[str, float], object]:
    """Run once; return total seconds, seconds per stage, and the result."""
    marks = []
    start = time.perf_counter()
    result = run_analysis(segments, questions=QUESTIONS, codebook=load_codebook(),
                          models=TextModels(embedder=embedder, cache=cache, words=words),
                          progress=lambda stage, _: marks.append((stage, time.perf_counter())))
    total = time.perf_counter() - start
    stages = {}
    for (stage, at), (_, until) in pairwise(marks):
        stages[stage] = until - at
    return total, stages, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 2000, 10000])
    parser.add_argument("--batch-sizes", type=int, nargs="*", default=[16, 32, 64, 128],
                        help="MiniLM batch sizes to compare on 1,000 comments")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    comments = all_comments()
    start = time.perf_counter()
    MiniLMEmbedder().encode(["warm up"])
    SpacyWordAnalyser().analyse(["warm up"])
    print(f"models loaded in {time.perf_counter() - start:.1f} s (once per worker process); "
          f"{len(comments)} comments available; cores: {os.cpu_count()}")

    # Other work shares the machine, so each size runs three times, interleaved, and
    # the best rate counts.
    best: dict[int, float] = {}
    sample = comments[:1000]
    for _ in range(3 if args.batch_sizes else 0):
        for size in args.batch_sizes:
            start = time.perf_counter()
            MiniLMEmbedder(batch_size=size).encode(sample)
            rate = len(sample) / (time.perf_counter() - start)
            best[size] = max(best.get(size, 0.0), rate)
    if best:
        print("embedding rate by batch size (1,000 comments, best of 3): " + ", ".join(
            f"{size}: {rate:.0f}/s" for size, rate in best.items()))

    rows = []
    for n in args.sizes:
        segments = corpus(n, comments)
        embedder, cache = TimedEmbedder(MiniLMEmbedder(threads=2)), InMemoryEmbeddingCache()
        first, stages, result = timed_run(segments, embedder, cache, SpacyWordAnalyser())
        rate = embedder.count / embedder.seconds if embedder.seconds else float("nan")
        embedded = embedder.count
        again, again_stages, _ = timed_run(segments, embedder, cache, SpacyWordAnalyser())
        words = SpacyWordAnalyser()
        timed_run(segments, embedder, cache, words)
        warm, _, _ = timed_run(segments, embedder, cache, words)
        rows.append((n, first, again, warm, rate, embedded, embedder.count - embedded,
                     len(result.themes), len(result.not_grouped) / n, stages, again_stages))
        print(f"  {n} segments done", flush=True)

    if not rows:
        return
    print()
    print(f"{'segments':>8s} {'first (s)':>9s} {'re-analysis (s)':>15s} {'same process (s)':>16s} "
          f"{'embed/s':>8s} {'themes':>6s} {'not grouped':>11s}")
    for n, first, again, warm, rate, _, _re_embedded, themes, share, _, _ in rows:
        print(f"{n:8d} {first:9.1f} {again:15.1f} {warm:16.1f} {rate:8.1f} {themes:6d} "
              f"{share:11.1%}")
    print()
    print("stage seconds, first analysis | re-analysis:")
    for n, *_, stages, again_stages in rows:
        parts = " ".join(f"{k.split()[0].lower()}={v:.1f}|{again_stages.get(k, 0):.1f}"
                         for k, v in stages.items())
        print(f"{n:8d} {parts}")
    print()
    print("segments embedded again by re-analyses: "
          + ", ".join(f"{r[0]}: {r[6]}" for r in rows) + " (expected 0)")
    print("Aim: re-analysis of 2,000 segments with cached embeddings under 10 s on 2 cores.")


if __name__ == "__main__":
    main()
