"""The analysis core stays free of the web app and loads heavy libraries lazily."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ["analysis", "analysis.core", "analysis.core.redact", "analysis.core.safeguarding",
        "analysis.core.segmenting",
        "analysis.core.transcripts", "analysis.core.nlp", "analysis.__main__"]


def test_core_imports_no_web_db_or_heavy_libraries():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE)
        + "bad = [m for m in ('flask', 'forum', 'app', 'sqlalchemy', 'spacy', 'docx', "
          "'phonenumbers') if m in sys.modules]\nprint(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_public_api_is_declared():
    import analysis.core as analysis

    for name in analysis.__all__:
        assert hasattr(analysis, name), name
