"""Print the theme labels a run gives on the demo and the benchmark corpora, to judge by eye.

Runs ``run_analysis`` with the real MiniLM model and the built-in codebook (as the app
does) on the demo consultation (bench/demo_corpus.py), the corpora of ``analysis_quality``
and a held-out policy briefing (bench/briefing_corpus.py: judge labels on it, never tune
on it) and prints, per theme, its label, whether a code fits it ("sugg": only
suggested), its size, top keywords and, where people labelled the segments, the labels most
of it carries (issue #11 item 6); then each broader theme with the themes under it.

    HF_HUB_OFFLINE=1 PYTHONPATH=. python bench/theme_labels.py [--corpus demo] [--questions]
"""
from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter

from analysis_quality import CACHE_FILE, corpus_questions, theme_corpora
from briefing_corpus import build_briefing
from demo_corpus import demo_inputs

from analysis.core.themes import (
    FileEmbeddingCache,
    MiniLMEmbedder,
    SegmentInput,
    TextModels,
    load_codebook,
    run_analysis,
)
from analysis.core.themes.keywords import FALLBACK


def corpora(with_questions: bool = False) -> dict:
    """Args: whether a written response is given its consultation's questions (as the app
    would be). Returns: {name: (segments, questions, truth or None)}."""
    segments, questions = demo_inputs()
    out = {"demo": (segments, questions, None)}
    asked = corpus_questions() if with_questions else {}
    for name, (found, truth) in theme_corpora().items():
        out[name] = (found, asked.get(name, []), truth)
    passages, sections = build_briefing()
    briefing = [SegmentInput(id=i + 1, text=t, text_hash=hashlib.sha256(t.encode()).hexdigest(),
                             source_key="document:1") for i, t in enumerate(passages)]
    out["briefing (held out)"] = (briefing, [], sections)
    return out


def main() -> None:
    """Print labels per corpus (or only the one whose name starts with --corpus)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    parser.add_argument("--questions", action="store_true",
                        help="give each written response its consultation's questions")
    args = parser.parse_args()
    CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
    embedder, cache = MiniLMEmbedder(), FileEmbeddingCache(path=CACHE_FILE)
    for name, (segments, questions, truth) in corpora(args.questions).items():
        if args.corpus and not name.lower().startswith(args.corpus.lower()):
            continue
        started = time.perf_counter()
        result = run_analysis(segments, questions=questions, codebook=load_codebook(),
                              models=TextModels(embedder=embedder, cache=cache))
        print(f"{name}: {len(segments)} segments, {time.perf_counter() - started:.0f} s")
        truth_of = dict(zip((s.id for s in segments), truth or [], strict=False))
        for theme in result.themes:
            # "sugg": a code's name offered on a theme no code fits (pages say "Suggested:").
            fits = "code" if theme.code else "sugg" if theme.label_suggested else "new "
            print(f"  {theme.label[:58]:58s} {fits} {theme.segment_count:4d}  "
                  f"{', '.join(theme.keywords[:6])}")
            if truth_of:
                said = Counter(truth_of[i] for i in theme.segment_ids).most_common(2)
                print("      people: " + "; ".join(
                    f"{label[:48]} {n / theme.segment_count:.0%}" for label, n in said))
        parents: dict[str, list[str]] = {}
        for theme in result.themes:
            if theme.broader:
                parents.setdefault(theme.broader, []).append(theme.label)
        for parent, children in parents.items():
            print(f"  broader: {parent} > {'; '.join(children)}")
        print(f"  not grouped: {len(result.not_grouped)}")
        mixed = sum(t.label.startswith(FALLBACK) for t in result.themes)
        print(f"  {name}: {len(result.themes)} themes, {mixed} mixed, "
              f"{len(parents)} broader named")


if __name__ == "__main__":
    main()
