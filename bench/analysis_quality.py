"""Theme quality against people's grouping, on six corpora, in one run.

Corpora: human-labelled NHS Friends and Family Test comments (exactly one label, not "Not
assigned", at least 5 words: about 2,650 comments, 41 labels), a consultation-shaped
development corpus (bench/consultation_corpus.py: a response's passages labelled by the
section they sit under), a policy briefing cut the same way (bench/briefing_corpus.py), a
written response to a numbered-question consultation, written for this project after the
method was built (bench/heldout_corpus.py; since then it informed four choices: no
zero-shot codes for a document's runs, speaker words in labels, the reading-order effect,
the weight of the question guide, the number of runs), a second response nothing was tuned
on but the number of runs (``SECOND_RESPONSE``), a third written after that
(``THIRD_RESPONSE``), a fourth (``FOURTH_RESPONSE``), a fifth (``FIFTH_RESPONSE``) and a sixth
(``SIXTH_RESPONSE``).
Rows: ours (run_analysis), ours given the consultation's questions (the four written
responses, whose questions their headings give), plain ``BERTopic()`` defaults, and a tuned
BERTopic (HDBSCAN min_cluster_size sized to the corpus, plus reduce_outliers). For each:
adjusted mutual information (AMI) between found themes and the labels (not grouped counts as
one more cluster, as BERTopic's -1 topic does), the share not grouped, the number of themes,
the adjusted Rand index (ARI) between runs on two different 90% samples (different seeds
too) and the lowest and mean ARI over every pair of five such samples (``--samples N``), and
seconds per run. Our runs use NO codebook: the default codebook is about criminal justice,
not hospital care.

Embeddings (all-MiniLM-L6-v2) are cached in /tmp/forum-voice-bench/ so reruns are fast.
Run: ``.venv/bin/python bench/analysis_quality.py [--only-ours] [--draw N]`` (``--draw``: other
90% samples, to check a change on samples it was not chosen on; bench/guide_stability.py
measures the "ours + its questions" rows alone, faster).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

from analysis.core.themes import (  # noqa: E402
    FileEmbeddingCache,
    MiniLMEmbedder,
    QuestionInput,
    SegmentInput,
    TextModels,
    ThemeOptions,
    embed_segments,
    run_analysis,
)

SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "benchmarks").is_dir()),
              ROOT.parent / "shared")
DATA = Path(os.environ.get("FORUM_BENCH_DATA", SHARED / "benchmarks"))
CSV_FILE = DATA / "nhs-fft-comments-v6.csv"
# A second response, written by a helper who never read the analysis code, after the method
# and the question guide were settled (bench/data/heldout2_README.md): nothing was tuned on it.
SECOND_RESPONSE = ROOT / "bench" / "data" / "heldout2_response.md"
# A third, on community sentences, written the same way after CLEAR_CHANGE was chosen
# (bench/data/heldout3_README.md): measured once before and after that rule, tuned on never.
THIRD_RESPONSE = ROOT / "bench" / "data" / "heldout3_response.md"
# A fourth, on drug and alcohol treatment, written the same way in the next session
# (bench/data/heldout4_README.md), before any change of that session was measured.
FOURTH_RESPONSE = ROOT / "bench" / "data" / "heldout4_response.md"
# A fifth, on women in contact with the criminal justice system, written the same way at the
# start of the session after (bench/data/heldout5_README.md), measured before any change.
FIFTH_RESPONSE = ROOT / "bench" / "data" / "heldout5_response.md"
# A sixth, on homelessness after prison, hospital and care, written the same way at the start
# of the session after that (bench/data/heldout6_README.md), measured before any change.
SIXTH_RESPONSE = ROOT / "bench" / "data" / "heldout6_response.md"
CACHE_FILE = Path(os.environ.get("FORUM_BENCH_CACHE", "/tmp/forum-voice-bench")) / "minilm.npz"
NOT_LABELS = {"Not assigned", "Labelling not possible"}
SHARE = 0.9  # of the segments in each sample that ARI compares runs on


def read_rows() -> list[dict]:
    """Returns: the benchmark CSV as dicts."""
    with CSV_FILE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def labelled_comments() -> tuple[list[str], list[str]]:
    """Returns: (texts, labels) for single-label comments of 5 words or more."""
    rows = read_rows()
    header = list(rows[0].keys())
    columns = header[header.index("Comment sentiment") + 1:]
    texts, labels = [], []
    for row in rows:
        found = [c for c in columns if row[c].strip() == "1"]
        text = (row["FFT answer"] or "").strip()
        if len(found) == 1 and found[0] not in NOT_LABELS and len(text.split()) >= 5:
            texts.append(text)
            labels.append(found[0])
    return texts, labels


def all_comments() -> list[str]:
    """Returns: every non-empty comment (for the speed benchmark's corpora)."""
    return [r["FFT answer"].strip() for r in read_rows() if (r["FFT answer"] or "").strip()]


def as_segments(texts: list[str], source_key: str = "import:1") -> list[SegmentInput]:
    """Returns: one segment per text, ids 1.., no members, all from ``source_key`` (a CSV
    import by default; "document:1" reads them as one document's passages in order)."""
    return [SegmentInput(id=i + 1, text=t, text_hash=hashlib.sha256(t.encode()).hexdigest(),
                         source_key=source_key) for i, t in enumerate(texts)]


def labels_of(result, segments) -> np.ndarray:
    """Returns: theme id per segment, -1 for not grouped."""
    return np.array([-1 if result.assignments[s.id] is None else result.assignments[s.id]
                     for s in segments])


def scores(truth: list[str], found: np.ndarray) -> dict:
    """Returns: AMI (all), AMI (grouped only), share not grouped, themes."""
    from sklearn.metrics import adjusted_mutual_info_score as ami

    truth_arr = np.array(truth)
    grouped = found >= 0
    return {"ami": ami(truth_arr, found), "ami_grouped": ami(truth_arr[grouped], found[grouped]),
            "not_grouped": 1 - grouped.mean(), "themes": len(set(found[grouped].tolist()))}


# ---- theme quality: ours, BERTopic() defaults, tuned BERTopic on four corpora ----

def theme_corpora() -> dict[str, tuple[list[SegmentInput], list[str]]]:
    """Returns: {name: (segments, truth)} for the consultation corpus, the policy briefing
    (bench/briefing_corpus.py: 38 passages under 11 headings), a written response written
    after the method (bench/heldout_corpus.py: 201 passages under 21 numbered questions and
    3 other sections) and the NHS comments."""
    from briefing_corpus import build_briefing
    from consultation_corpus import build_corpus
    from heldout_corpus import build_heldout

    texts, truth = labelled_comments()
    # Each response as uploaded: one document, its passages in reading order.
    passages, sections = build_corpus()
    briefing, headings = build_briefing()
    written, questions = build_heldout()
    unseen, asked = build_heldout(SECOND_RESPONSE)
    later, put = build_heldout(THIRD_RESPONSE)
    last, posed = build_heldout(FOURTH_RESPONSE)
    fifth_texts, fifth_truth = build_heldout(FIFTH_RESPONSE)
    sixth_texts, sixth_truth = build_heldout(SIXTH_RESPONSE)
    nhs = as_segments(texts, "csv_import")
    dev, brief, response, second, third, fourth, fifth, sixth = (
        as_segments(t, "document:1")
        for t in (passages, briefing, written, unseen, later, last, fifth_texts, sixth_texts))
    return {"consultation (dev)": (dev, sections), "policy briefing": (brief, headings),
            "written response": (response, questions), "second response": (second, asked),
            "third response": (third, put), "fourth response": (fourth, posed),
            "fifth response": (fifth, fifth_truth), "sixth response": (sixth, sixth_truth),
            "NHS comments": (nhs, truth)}


def ours_labels(segments, vectors, seed, embedder, cache):
    """Our run_analysis with no codebook (a fair comparison with BERTopic's defaults)."""
    result = run_analysis(segments, models=TextModels(embedder=embedder, cache=cache),
                          options=ThemeOptions(seed=seed))
    return labels_of(result, segments)


def ours_with_questions(questions):
    """Returns: our run_analysis given the consultation's questions (no codebook)."""
    def method(segments, vectors, seed, embedder, cache):
        result = run_analysis(segments, models=TextModels(embedder=embedder, cache=cache),
                              questions=questions, options=ThemeOptions(seed=seed))
        return labels_of(result, segments)
    return method


def corpus_questions() -> dict[str, list[QuestionInput]]:
    """Returns: {corpus name: its consultation's questions} where the corpus answers them."""
    from heldout_corpus import RESPONSE, heldout_questions

    answered = {"written response": RESPONSE, "second response": SECOND_RESPONSE,
                "third response": THIRD_RESPONSE, "fourth response": FOURTH_RESPONSE,
                "fifth response": FIFTH_RESPONSE, "sixth response": SIXTH_RESPONSE}
    return {name: [QuestionInput(id=n, text=t, number=f"Q{n}") for n, t in heldout_questions(path)]
            for name, path in answered.items()}


def bertopic_default_labels(segments, vectors, seed, embedder, cache):
    """Plain BERTopic() on the same embeddings (its UMAP seeded so runs can compare)."""
    from bertopic import BERTopic
    from umap import UMAP

    umap_model = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                      random_state=seed)
    topics, _ = BERTopic(umap_model=umap_model).fit_transform([s.text for s in segments],
                                                              embeddings=vectors)
    return np.array(topics)


def bertopic_tuned_labels(segments, vectors, seed, embedder, cache):
    """BERTopic with HDBSCAN min_cluster_size sized to the corpus, then reduce_outliers."""
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from umap import UMAP

    size = max(5, int(round(0.01 * len(segments))))
    texts = [s.text for s in segments]
    model = BERTopic(umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0,
                                     metric="cosine", random_state=seed),
                     hdbscan_model=HDBSCAN(min_cluster_size=size, prediction_data=True))
    topics, _ = model.fit_transform(texts, embeddings=vectors)
    if -1 in topics and set(topics) != {-1}:  # with no topic at all there is nothing to join
        topics = model.reduce_outliers(texts, topics, strategy="embeddings", embeddings=vectors)
    return np.array(topics)


THEME_METHODS = {"ours": ours_labels, "BERTopic() defaults": bertopic_default_labels,
                 "tuned BERTopic": bertopic_tuned_labels}


def theme_row(method, segments, truth, embedder, cache, samples=5, draw: int = 0) -> dict:
    """One method on one corpus: AMI, not grouped and themes on all segments (seed 0);
    ARI between runs on two different 90% samples (seeds 1 and 2), over their overlap, and
    the lowest and mean ARI over every pair of ``samples`` such samples (one pair is a noisy
    estimate: on 108 passages one pair can differ from the mean by 0.2). ``draw`` picks
    another set of samples (0: the samples every figure before it was measured on), so a
    change can be checked on samples it was not chosen on."""
    from itertools import combinations

    from sklearn.metrics import adjusted_rand_score as ari

    vectors = embed_segments(segments, embedder, cache)
    start = time.perf_counter()
    found = method(segments, vectors, 0, embedder, cache)
    seconds = time.perf_counter() - start
    row = scores(truth, found)
    rng = np.random.default_rng(7 if not draw else [7, draw])
    picks = [np.sort(rng.choice(len(segments), int(SHARE * len(segments)), replace=False))
             for _ in range(samples)]
    runs = []
    for seed, pick in enumerate(picks, start=1):
        labels = method([segments[i] for i in pick], vectors[pick], seed, embedder, cache)
        runs.append(dict(zip(pick.tolist(), labels.tolist(), strict=False)))
    pairs = []
    for a, b in combinations(runs, 2):
        both = sorted(set(a) & set(b))
        pairs.append(ari([a[i] for i in both], [b[i] for i in both]))
    row.update(ari=pairs[0], ari_min=min(pairs), ari_mean=float(np.mean(pairs)),
               seconds=seconds)
    return row


def theme_table(embedder, cache, methods=THEME_METHODS, only: str | None = None,
                samples: int = 5, draw: int = 0) -> list[dict]:
    """Returns: a row per corpus (or only the one whose name starts with ``only``) and method,
    with ARI over every pair of ``samples`` 90% samples of draw ``draw``."""
    rows = []
    for corpus, (segments, truth) in theme_corpora().items():
        if only and not corpus.lower().startswith(only.lower()):
            continue
        guided = {"ours + its questions": ours_with_questions(questions)} if (
            questions := corpus_questions().get(corpus)) and "ours" in methods else {}
        for name, method in {**methods, **guided}.items():
            row = theme_row(method, segments, truth, embedder, cache, samples=samples,
                            draw=draw)
            row.update(corpus=corpus, name=name)
            rows.append(row)
            print(f"  {corpus}: {name} done in {row['seconds']:.1f} s", flush=True)
    return rows


def print_theme_table(rows: list[dict], samples: int = 5) -> None:
    """Print the theme-quality table."""
    pairs = f"min/mean of {samples * (samples - 1) // 2} pairs"
    print(f"{'corpus':20s} {'method':22s} {'AMI':>6s} {'not grouped':>11s} {'themes':>6s} "
          f"{'ARI 90%':>7s} {pairs:>20s} {'s/run':>6s}")
    for r in rows:
        print(f"{r['corpus']:20s} {r['name']:22s} {r['ami']:6.3f} {r['not_grouped']:11.1%} "
              f"{r['themes']:6d} {r['ari']:7.3f} {r['ari_min']:9.3f}/{r['ari_mean']:.3f} "
              f"{r['seconds']:6.1f}")
    print("AMI counts 'not grouped' (BERTopic's -1) as one more cluster. Goals: AMI >= 0.45 on "
          "consultation-shaped text, ARI >= 0.9, not grouped <= 15%.")


def question_section(embedder, cache) -> None:
    """Question-mapping accuracy with 0/3/5/10 confirmed examples per question, on the
    development corpus built from the exemplar consultation response."""
    from bench.question_accuracy import EXAMPLE, print_question_accuracy, question_accuracy

    print()
    print_question_accuracy(question_accuracy(embedder, cache, EXAMPLE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only-ours", action="store_true", help="skip the BERTopic rows")
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    parser.add_argument("--samples", type=int, default=5,
                        help="90%% samples per row; ARI is measured over every pair of them "
                             "(5: 10 pairs; 10: 45 pairs, a steadier figure that takes twice "
                             "as long)")
    parser.add_argument("--draw", type=int, default=0,
                        help="which 90%% samples (0: the ones figures were measured on; "
                             "another number draws others, to check a change holds there too)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    methods = {"ours": ours_labels} if args.only_ours else THEME_METHODS
    rows = theme_table(embedder, cache, methods, args.corpus, max(2, args.samples), args.draw)
    print()
    print_theme_table(rows, max(2, args.samples))
    question_section(embedder, cache)


if __name__ == "__main__":
    main()
