"""``python -m analysis.core.themes IN.jsonl --out OUT.json`` (see cli.py)."""
import sys

from .cli import main

sys.exit(main())
