"""Split and merge speed as a browser sees it, through the web server and the worker.

Needs a running deployment with the demo loaded (``scripts/run.sh``, or gunicorn and
``worker.py`` started by hand on the same database and queue). Signs in as the demo policy
officer (the code from ``flask demo code``) and, ``--rounds`` times on the demo
consultation's largest theme:

- split preview: open the split page (it queues the preview), poll the status URL as the
  waiting page's script does (first after 0.2 s, then every 0.25 s) and load the preview;
  also the worker's own time for the job (started to finished, from the jobs table), and
  opening the page again (the kept preview). Kept previews are deleted from the jobs
  table before each round, so every round makes its preview afresh;
- split apply: post the confirmation and load the themes page it redirects to;
- merge: merge the second-largest theme into the largest and load the theme page;

each change is undone (Changes to the themes, Undo) before the next round. Prints the
median and worst of each, in seconds. The goal (issue #11) is under 1 s in the browser,
with progress shown when longer (the split's waiting page).

Run: ``FLASK_APP=app DATABASE_URL=... .venv/bin/python bench/edit_speed.py
--url http://127.0.0.1:5120 [--rounds 5]`` (the database URL is used to read job times).
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OFFICER = "policy@forumvoice.example"
PASSWORD = "Quiet-Heron-Mill-52"
FIRST_POLL, POLL = 0.2, 0.25  # as themes/split_wait.html polls (for its first 15 polls)


class Browser:
    """A signed-in cookie session that posts forms with their CSRF token."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        jar = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(jar)

    def get(self, path: str) -> tuple[int, str, str]:
        """Returns: (status, final URL, body)."""
        try:
            with self.opener.open(self.url + path, timeout=120) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()

    def post(self, path: str, fields: dict, page: str) -> tuple[int, str, str]:
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrf_token": token, **fields}).encode()
        with self.opener.open(self.url + path, data=data, timeout=120) as response:
            return response.status, response.url, response.read().decode()

    def sign_in(self) -> None:
        _, _, page = self.get("/login")
        _, where, page = self.post("/login", {"email": OFFICER, "password": PASSWORD}, page)
        if "/login/code" in where:
            code = subprocess.run([str(ROOT / ".venv/bin/flask"), "demo", "code", OFFICER],
                                  cwd=ROOT, capture_output=True, text=True, check=True)
            digits = re.search(r"\b(\d{6})\b", code.stdout).group(1)
            _, where, _ = self.post("/login/code", {"code": digits}, page)
        if "/login" in where:
            raise SystemExit(f"could not sign in as {OFFICER}")


def themes_by_size(browser: Browser, consultation: int) -> list[int]:
    """Theme ids on the themes page, largest first (the page's own order)."""
    _, _, page = browser.get(f"/consultations/{consultation}/themes")
    return list(dict.fromkeys(int(i) for i in re.findall(r'href="/themes/(\d+)"', page)))


def job_seconds(database: str, theme_id: int) -> float | None:
    """The worker's time for the latest split preview of the theme."""
    import psycopg

    with psycopg.connect(database, autocommit=True) as conn:
        rows = conn.execute("SELECT params, started_at, finished_at FROM jobs WHERE kind = "
                            "'themes.split_preview' ORDER BY id DESC LIMIT 20").fetchall()
    for raw, started, finished in rows:
        params = raw if isinstance(raw, dict) else json.loads(raw)
        if params.get("theme_id") == theme_id and started and finished:
            return (finished - started).total_seconds()
    return None


def undo_latest(browser: Browser, consultation: int) -> None:
    _, _, page = browser.get(f"/consultations/{consultation}/themes/history")
    action = re.search(r'action="(/consultations/\d+/themes/history/\d+/undo)"', page).group(1)
    browser.post(action, {}, page)


def forget_previews(database: str) -> None:
    """Delete kept split previews, so the round's preview is made afresh (an undone split
    leaves the theme as it was, and its kept preview would be shown at once)."""
    import psycopg

    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("DELETE FROM jobs WHERE kind = 'themes.split_preview'")


def open_split(browser: Browser, theme_id: int) -> tuple[float, str]:
    """Returns: (seconds until the preview page is loaded, the page)."""
    started = time.perf_counter()
    status, _, page = browser.get(f"/themes/{theme_id}/split")
    wait = FIRST_POLL
    while status == 202:
        time.sleep(wait)
        wait = POLL
        job = json.loads(browser.get(f"/themes/{theme_id}/split/status")[2])
        if job["status"] == "failed":
            raise SystemExit(job["message"])
        if job["status"] == "done":
            status, _, page = browser.get(f"/themes/{theme_id}/split")
    return time.perf_counter() - started, page


def one_round(browser: Browser, consultation: int, database: str) -> dict:
    largest, second = themes_by_size(browser, consultation)[:2]
    forget_previews(database)
    preview, page = open_split(browser, largest)
    again, page = open_split(browser, largest)
    fingerprint = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', page).group(1)
    started = time.perf_counter()
    browser.post(f"/themes/{largest}/split", {"fingerprint": fingerprint}, page)
    apply = time.perf_counter() - started
    undo_latest(browser, consultation)
    _, _, page = browser.get(f"/themes/{largest}")
    started = time.perf_counter()
    browser.post(f"/themes/{largest}/merge", {"other": second}, page)
    merge = time.perf_counter() - started
    undo_latest(browser, consultation)
    return {"preview": preview, "worker": job_seconds(database, largest) or float("nan"),
            "again": again, "apply": apply, "merge": merge}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--consultation", type=int, default=1)
    args = parser.parse_args()
    database = os.environ.get("DATABASE_URL", "")
    browser = Browser(args.url)
    browser.sign_in()
    rounds = [one_round(browser, args.consultation, database) for _ in range(args.rounds)]
    print(f"{'step':32s} {'median s':>9s} {'worst s':>8s}")
    names = {"preview": "split preview (browser, polling)", "worker": "  of which the worker's job",
             "again": "reopening a kept preview", "apply": "split apply (post + page)",
             "merge": "merge (post + page)"}
    for key, name in names.items():
        values = [r[key] for r in rounds]
        print(f"{name:32s} {statistics.median(values):9.2f} {max(values):8.2f}")


if __name__ == "__main__":
    main()
