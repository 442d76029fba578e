"""Fixtures for the export tests: sample documents, hostile text, and PDF/DOCX readers."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from exports.document import Quote, Section, ThemeFigure
from exports.samples import sample_easy_read, sample_response

# Markup an attacker might type into officer text or get into a quote.
HOSTILE = ('<img src="file:///etc/passwd"> <img src="http://127.0.0.1:{port}/x.png"> '
           '<a rel="attachment" href="file:///etc/passwd">passwd</a> '
           '<link rel="attachment" href="http://127.0.0.1:{port}/y"> '
           '<script>alert(1)</script> & "quotes" \x00\x07\x1b')


def hostile_text(port: int = 9) -> str:
    return HOSTILE.format(port=port)


def hostile_response(port: int = 9):
    """The sample response with hostile text in officer fields, a quote and a theme label."""
    bad = hostile_text(port)
    doc = sample_response(2)
    section = Section("Q9", f"Question {bad}", f"Officer text {bad}\n\n- bullet {bad}",
                      (f"Theme {bad}",), (Quote(999, f"Quote {bad}", f"Forum member {bad}",
                                                 f"Source {bad}"),))
    return replace(doc, title=f"Response {bad}", introduction=f"Intro {bad}",
                   recommendations=(f"Recommend {bad}",), contact=f"Contact {bad}",
                   sections=doc.sections + (section,),
                   theme_figures=doc.theme_figures + (ThemeFigure(f"Label {bad}", 3, 31),))


@pytest.fixture
def response():
    return sample_response()


@pytest.fixture
def easy_read():
    return sample_easy_read()


def pdf_reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def pdf_pages_text(data: bytes) -> list[str]:
    """Each page's text with whitespace collapsed (pypdf)."""
    return [" ".join(page.extract_text().split()) for page in pdf_reader(data).pages]


def pdftotext(data: bytes) -> str | None:
    """Text by poppler's pdftotext (installed by scripts/test.sh), or None when absent."""
    if not shutil.which("pdftotext"):
        return None
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                            capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_document(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


@pytest.fixture
def forum(app, users):
    """A consultation with members of every consent, a focus group, segments and themes."""
    from forum.access import Role
    from tests.exports.forum_data import build_forum

    return build_forum(users[Role.FACILITATOR])


@pytest.fixture
def officer(users):
    from forum.access import Role

    return users[Role.POLICY_OFFICER]
