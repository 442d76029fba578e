"""The core stays importable without the web app and without loading heavy models."""
from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("flask", "sqlalchemy", "forum", "app", "torch", "spacy", "sentence_transformers",
             "bertopic", "umap", "hdbscan")


def test_import_pulls_in_no_web_code_and_no_models():
    code = ("import sys, analysis.core.themes; "
            "print(sorted({m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    loaded = set(eval(out))  # a printed list of module names
    assert not loaded & set(FORBIDDEN)


def test_public_api_is_declared():
    from analysis.core import themes

    assert themes.__all__ and all(hasattr(themes, name) for name in themes.__all__)
    for name in ("run_analysis", "recluster_theme", "code_documents", "embed_segments"):
        assert getattr(themes, name).__doc__
