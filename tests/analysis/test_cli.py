"""The ``python -m analysis`` command line contract."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)


@pytest.mark.slow
def test_redact_reads_stdin_and_prints_json_with_original_offsets():
    text = "Ring Tony on 07700 900412 — he’s at 14 Aldgrove Road, SE15 4QT.\nLives near Peckham.\n"
    proc = run("redact", stdin=text)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"text", "spans"}
    assert out["text"] == ("Ring [name] on [phone] — he’s at [place], [postcode].\n"
                           "Lives near [place].\n")
    for span in out["spans"]:
        assert set(span) == {"start", "end", "label"}
    assert [(text[s["start"]:s["end"]], s["label"]) for s in out["spans"]] == [
        ("Tony", "name"), ("07700 900412", "phone"), ("14 Aldgrove Road", "place"),
        ("SE15 4QT", "postcode"), ("Peckham", "place")]


@pytest.mark.slow
def test_redact_keeps_towns_only_when_asked_and_accepts_the_old_flag():
    text = "Lives near Peckham, grew up in Wales.\n"
    kept = json.loads(run("redact", "--keep-broad-areas", stdin=text).stdout)
    assert kept["text"] == text
    # The old flag asked for what is now the default: still accepted.
    old = json.loads(run("redact", "--redact-broad-areas", stdin=text).stdout)
    assert old["text"] == "Lives near [place], grew up in Wales.\n"


def test_redact_empty_input_does_not_load_a_model():
    proc = run("redact", stdin="")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"text": "", "spans": []}


def test_parse_prints_turns(tmp_path):
    proc = run("parse", str(ROOT / "tests/analysis/fixtures/otter.txt"))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["format"] == "txt"
    assert out["speakers"][1] == {"speaker": "Facilitator", "turns": 2}
    assert out["turns"][1]["start_seconds"] == 3


def test_parse_bad_file_exits_non_zero_with_the_message(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a whole zip")
    proc = run("parse", str(bad))
    assert proc.returncode == 1
    assert "damaged or not a real .docx" in proc.stderr
    # Plain text named .docx is said to be text (upload_names), the same way.
    bad.write_bytes(b"not a zip")
    proc = run("parse", str(bad))
    assert proc.returncode == 1
    assert "broken.docx is not a Word (.docx) file: it holds plain text" in proc.stderr


def test_unknown_command_is_an_argparse_error():
    assert run("frobnicate").returncode == 2
