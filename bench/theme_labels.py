"""Print the theme labels a run gives on the benchmark corpora, to judge them by eye.

Runs ``run_analysis`` with the real MiniLM model and the built-in codebook (as the app
does) on the corpora of ``analysis_quality`` and prints, per theme, its label, whether a
code fits it ("sugg": only suggested), its size and top keywords (issue #11 item 6), then
each broader theme with the themes under it.

    HF_HUB_OFFLINE=1 PYTHONPATH=. python bench/theme_labels.py [--corpus consultation]
"""
from __future__ import annotations

import argparse
import time

from analysis_quality import CACHE_FILE, theme_corpora

from analysis.core.themes import (
    FileEmbeddingCache,
    MiniLMEmbedder,
    TextModels,
    load_codebook,
    run_analysis,
)


def main() -> None:
    """Print labels per corpus (or only the one whose name starts with --corpus)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    args = parser.parse_args()
    CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
    embedder, cache = MiniLMEmbedder(), FileEmbeddingCache(path=CACHE_FILE)
    for name, (segments, _) in theme_corpora().items():
        if args.corpus and not name.lower().startswith(args.corpus.lower()):
            continue
        started = time.perf_counter()
        result = run_analysis(segments, codebook=load_codebook(),
                              models=TextModels(embedder=embedder, cache=cache))
        print(f"{name}: {len(segments)} segments, {time.perf_counter() - started:.0f} s")
        for theme in result.themes:
            # "sugg": a code's name offered on a theme no code fits (pages say "Suggested:").
            fits = "code" if theme.code else "sugg" if theme.label_suggested else "new "
            print(f"  {theme.label[:60]:60s} {fits} {theme.segment_count:5d}  "
                  f"{', '.join(theme.keywords[:5])}")
        parents: dict[str, list[str]] = {}
        for theme in result.themes:
            if theme.broader:
                parents.setdefault(theme.broader, []).append(theme.label)
        for parent, children in parents.items():
            print(f"  broader: {parent} > {'; '.join(children)}")


if __name__ == "__main__":
    main()
