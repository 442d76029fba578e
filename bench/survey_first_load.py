"""First and second load of each survey page in a fresh web process, as a new worker serves it.

Issue 13 saw 13.5 s for the first survey page (5.2 s the second time, from the other web
worker). The cause was the reading-age checker: textstat imports NLTK (about 2.5 s of imports
here, more on a cold disk) on the first survey page of every worker. The checker now counts
syllables with pyphen directly. Each page is timed in its own new process, after create_app
and sign-in, so nothing was warmed by an earlier page.

Run: ``.venv/bin/python bench/survey_first_load.py``
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["/surveys/1", "/surveys/1/preview/", "/run/1/", "/run/1/start", "/run/1/q/2",
         "/surveys/1/results"]

CHILD = r"""
import json, os, sys, tempfile, time
sys.path.insert(0, sys.argv[1])
os.environ["HF_HUB_OFFLINE"] = "1"
from app import create_app
from forum.extensions import db
from forum.demo import load_demo
from surveys.demo import load_demo_survey
data = tempfile.mkdtemp()
app = create_app({"SECRET_KEY": "x" * 40, "DATA_DIR": data, "WTF_CSRF_ENABLED": False,
                  "SQLALCHEMY_DATABASE_URI": f"sqlite:///{data}/bench.db"})
with app.app_context():
    db.create_all()
    load_demo()
    load_demo_survey()
client = app.test_client()
client.post("/login", data={"email": "facilitator@forumvoice.example",
                            "password": "Amber-Fox-Bridge-63"})
times = []
for _ in range(2):
    start = time.perf_counter()
    status = client.get(sys.argv[2]).status_code
    times.append(round(time.perf_counter() - start, 3))
print(json.dumps({"status": status, "first": times[0], "second": times[1],
                  "nltk_loaded": "nltk" in sys.modules}))
"""


def main() -> None:
    print(f"{'page':28} {'first s':>8} {'second s':>9}  NLTK imported")
    for page in PAGES:
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), page], capture_output=True,
                             text=True, check=True,
                             env={**os.environ, "FORUM_DATA_DIR": tempfile.mkdtemp()})
        result = json.loads(out.stdout.strip().splitlines()[-1])
        assert result["status"] == 200, (page, result)
        print(f"{page:28} {result['first']:8.3f} {result['second']:9.3f}  {result['nltk_loaded']}")


if __name__ == "__main__":
    main()
