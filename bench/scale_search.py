"""``bench/scale.py --search-only``: search p95 over N segments without running the analysis.

The full analysis of 50,000 answers takes most of an hour on two cores; search needs only
the stored vectors. So this builds the same N answers (``bench/corpus.py``), stores a vector
for each straight into the embedding cache, starts gunicorn and the Huey workers with the
README's commands, and times meaning searches through the web server.

The vectors are COMPOSED, not embedded answer by answer (MiniLM at ~30 texts/s would take
half an hour at 50,000): MiniLM embeds each of the ~90 shipped fixture sentences once, and an
answer's vector is the unit mean of the vectors of the fixture sentences it contains, plus a
little noise (0.01 a dimension), so no two answers share a vector. Queries are embedded by
the worker's real MiniLM, so as many answers pass the similarity threshold as with real
vectors, and the web side ranks and reads a realistic number of hits. There are no themes.
"""
from __future__ import annotations

import os
import time
import urllib.parse

import numpy as np

SEARCHES = 20


def fixture_vectors() -> tuple[list[str], np.ndarray]:
    """The fixture sentences and their MiniLM vectors (the model loads in this process)."""
    from analysis.core.themes.embed import MiniLMEmbedder
    from tests.analysis.core.themes.forum_fixture import TOPICS

    sentences = sorted({text for said in TOPICS.values() for _m, _s, text in said})
    return sentences, np.asarray(MiniLMEmbedder().encode(sentences), dtype=np.float32)


def compose(texts: list[str], sentences: list[str], vectors: np.ndarray) -> np.ndarray:
    """One unit vector per text: the mean of its fixture sentences' vectors, with noise.

    Args:
        texts: answers built by ``bench.corpus.build_corpus``.
        sentences: the fixture sentences; vectors: their MiniLM vectors, row for row.

    Returns:
        A float32 (len(texts), dimensions) array of unit rows.
    """
    # The corpus lower-cases a sentence's first letter and may put a time before its full
    # stop, so its middle is what an answer surely contains.
    middles = [s[1:-1] for s in sentences]
    rng = np.random.default_rng(15)
    out = rng.normal(scale=0.01, size=(len(texts), vectors.shape[1])).astype(np.float32)
    for row, text in enumerate(texts):
        for i, middle in enumerate(middles):
            if middle in text:
                out[row] += vectors[i]
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def store_vectors(url: str, consultation: str) -> int:
    """Write a composed vector for every segment straight into ``segment_embeddings``.

    Returns:
        How many vectors were stored.
    """
    import psycopg

    from analysis.core.themes.embed import MINILM_NAME

    sentences, vectors = fixture_vectors()
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute("SELECT DISTINCT text_hash, text FROM segments "
                            "WHERE consultation_id = %s", (int(consultation),)).fetchall()
        composed = compose([text for _h, text in rows], sentences, vectors)
        conn.execute("DELETE FROM segment_embeddings")
        with conn.cursor().copy("COPY segment_embeddings (text_hash, model, dimensions, vector, "
                                "created_at) FROM STDIN") as copy:
            for (text_hash, _text), vector in zip(rows, composed, strict=True):
                copy.write_row((text_hash, MINILM_NAME, vector.shape[0],
                                vector.astype("<f4").tobytes(), "now"))
    return len(rows)


def wait_for_web(port: str, seconds: float = 120) -> None:
    """Until gunicorn answers (no analysis runs first to give it time to start)."""
    import urllib.request

    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.5)


def load_average() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def search_only(size: int, workers: int, deployment, consultation: str,
                analysing: bool = False) -> dict:
    """Start the workers, time SEARCHES meaning searches through the web, stop the workers.

    With ``analysing``, then search again while an analysis embeds (``during_analysis``).
    """
    from bench.scale import QUERIES, readme_commands, sign_in, timed_get, warm_search

    for n in range(workers):
        deployment.start(f"worker{n + 1}of{workers}", readme_commands()["worker"])
    port = deployment.env["FORUM_PORT"]
    base = f"http://127.0.0.1:{port}/consultations/{consultation}/search?"
    wait_for_web(port)
    opener = sign_in(port)
    started = time.perf_counter()
    warm_search(opener, base + "q=housing")
    warm = time.perf_counter() - started
    before = load_average()
    searches = sorted(timed_get(opener, base + urllib.parse.urlencode({"q": q}))
                      for q in (QUERIES * 2)[:SEARCHES])
    busy = during_analysis(deployment, consultation, opener, base) if analysing else {}
    for n in range(workers):
        deployment.stop(f"worker{n + 1}of{workers}")
    if analysing:  # the next worker count starts idle: no batches queued, every vector stored
        import redis

        from bench.scale import query

        redis.Redis.from_url(deployment.env["REDIS_URL"]).flushdb()
        for table in ("jobs", "analysis_runs"):  # else the next analysis waits for this one
            query(deployment.env["DATABASE_URL"], f"UPDATE {table} SET status = 'failed' "
                  "WHERE status IN ('queued', 'running')")
        store_vectors(deployment.env["DATABASE_URL"], consultation)
    return {"size": size, "workers": workers, "warm": warm,
            "median": searches[len(searches) // 2],
            "search_p95": searches[int(len(searches) * 0.95) - 1],
            "load": f"{before} -> {load_average()}", "web_mb": deployment.peaks["web"],
            "worker_mb": max(deployment.peaks.get(f"worker{n + 1}of{workers}", 0)
                             for n in range(workers)),
            **busy}


def during_analysis(deployment, consultation: str, opener, base: str) -> dict:
    """Searches while an analysis embeds: the stored vectors are deleted and an analysis queued.

    Every embedding batch is queued at once, so a search answers only if it goes before them
    and finds a worker thread free within ``meaning.ANSWER_SECONDS``.

    Returns:
        {"during": searches, "during_p95": seconds, "keyword_only": searches the worker did not
        answer in time (the page fell back to keyword matches)}.
    """
    import subprocess

    from analysis.services.meaning import NOT_ANSWERING
    from bench.scale import QUERIES, ROOT, query, readme_commands

    url = deployment.env["DATABASE_URL"]
    query(url, "DELETE FROM segment_embeddings")
    mark = query(url, "SELECT coalesce(max(id), 0) FROM jobs")[0][0]
    run = subprocess.Popen(["bash", "-c", "exec " + readme_commands()["analyse"]], cwd=ROOT,
                           env=deployment.env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.STDOUT)
    end = time.monotonic() + 300
    while not query(url, "SELECT 1 FROM jobs WHERE id > %s AND kind = 'segments.embed_batch' "
                    "AND status = 'running'", mark) and time.monotonic() < end:
        time.sleep(0.5)
    times, fallbacks = [], 0
    for q in QUERIES * 2:
        if run.poll() is not None:
            break
        started = time.perf_counter()
        with opener.open(base + urllib.parse.urlencode({"q": q}), timeout=300) as response:
            page = response.read().decode()
        times.append(time.perf_counter() - started)
        fallbacks += NOT_ANSWERING.split(",")[0] in page
        time.sleep(1)
    run.terminate()
    run.wait()
    times.sort()
    return {"during": len(times), "keyword_only": fallbacks,
            "during_p95": times[max(0, int(len(times) * 0.95) - 1)] if times else float("nan")}


def print_row(row: dict) -> None:
    print(f"{row['size']:<7} {row['workers']:>7} {row['warm']:7.1f}s {row['median'] * 1000:8.0f}ms "
          f"{row['search_p95'] * 1000:8.0f}ms {row['web_mb']:6d} {row['worker_mb']:9d}   "
          f"{row['load']}", flush=True)
    if "during" in row:
        print(f"  while an analysis embeds: {row['during']} searches, p95 "
              f"{row['during_p95'] * 1000:.0f} ms, {row['keyword_only']} fell back to keywords "
              f"(load {load_average()})", flush=True)


HEADER = ("size    workers  warm-up   median search-p95 web-MB worker-MB   load average "
          "(1, 5, 15 min) before -> after")
NOTE = ("search only: no analysis ran; vectors are COMPOSED from MiniLM vectors of the fixture "
        "sentences (see bench/scale_search.py), queries embedded by the worker's MiniLM; "
        f"{SEARCHES} searches after 6 warm-up, pid {os.getpid()}")
