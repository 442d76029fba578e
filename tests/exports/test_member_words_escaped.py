"""An attacker's words as a member's quote: markup, a template expression, a spreadsheet
formula and a right-to-left override, through every page that shows them and every format.

Each must come out as the words typed, never run: no live <script> on a page, no {{7*7}}
turned into 49, no cell a spreadsheet reads as a formula (CSV with a leading apostrophe, XLSX
as a text cell), and no override that turns the attribution and the text after the quote
round (shown backwards, "Amber" as "rebmA" or a made-up name read into it).
"""
from __future__ import annotations

import csv
import io
import re

import pytest

from exports.services.downloads import FORMATS, export_file
from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db
from forum.services.segments import text_hash
from tests.exports.test_downloads import _text

RLO = "\u202e"
HOSTILE = ('=HYPERLINK("http://evil.example/x","Click") <script>alert(1)</script> {{7*7}} '
           f"my file {RLO}gnp.exe and the rest")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(forum, officer):
    segment = forum.segments["Amber"]
    segment.text, segment.text_hash = HOSTILE, text_hash(HOSTILE)
    segment.turn.redacted_text = HOSTILE
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    section.theme_ids = [t.id for t in forum.themes]
    db.session.commit()
    add_quote(section, segment.id, officer)
    return forum, section


def test_pages_escape_a_members_words(hostile, auth):
    forum, section = hostile
    auth.login(Role.POLICY_OFFICER)
    consultation = forum.consultation.id
    for url in (f"/themes/{forum.themes[0].id}", f"/consultations/{consultation}/draft",
                f"/consultations/{consultation}/search?q=HYPERLINK",
                f"/consultations/{consultation}/draft/questions/{section.question.id}/quotes"):
        response = auth.client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url
        assert "<script>alert(1)" not in html, url
        assert "{{7*7}}" in html, url
        assert not BIDI.search(html), f"{url}: a bidi override reached the page"


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "qdc"])
def test_every_format_keeps_the_words_as_text(hostile, fmt):
    forum, _section = hostile
    data, _filename, _mimetype = export_file(forum.consultation.id, fmt)
    text = _text(fmt, data)
    assert "<script>alert(1)</script>" in text or fmt.startswith("easyread"), fmt
    assert "{{7*7}}" in text or fmt.startswith("easyread"), fmt
    assert not BIDI.search(text), f"{fmt}: a bidi override reached the file"
    if fmt == "csv":
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells), cells
        assert any(c.startswith("'=HYPERLINK") for c in cells)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        cells = [c for row in sheet.iter_rows() for c in row if c.value]
        assert all(c.data_type != "f" for c in cells)
        assert any(str(c.value).startswith("=HYPERLINK") and c.data_type == "s" for c in cells)


def test_a_cell_hiding_a_formula_behind_an_override_is_defused():
    from forum.services.spreadsheet_cells import spreadsheet_safe

    # Dropping the override first: the cell must not start with "=" once it is gone.
    assert spreadsheet_safe(f"{RLO}=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert spreadsheet_safe(7) == 7


@pytest.mark.parametrize("cell", [
    ' =HYPERLINK("http://evil.example/x")', '\t=1+1', '\n=1+1', '  +SUM(A1:A9)',
    '\u3000=1+1', '\u00a0@x', '\uff1dHYPERLINK("x")', '\uff0b1', '\uff0d1', '\uff20x',
    ' \uff1d1', '\ufe661',
])
def test_a_formula_after_spaces_or_in_full_width_is_defused(cell):
    # Spreadsheets skip leading spaces before "=", and read the full-width "＝" (as typed on a
    # Japanese or Chinese keyboard) as "=": both ran as formulas.
    from forum.services.spreadsheet_cells import spreadsheet_safe

    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["ok", " ok", "a = b", "\uff21 full-width A", "5 - 3"])
def test_text_that_only_holds_a_formula_sign_is_left_as_it_is(cell):
    from forum.services.spreadsheet_cells import spreadsheet_safe

    assert spreadsheet_safe(cell) == cell


@pytest.mark.parametrize("cell", [
    '\u200b=HYPERLINK("http://evil.example/x")', '\u200c+1', '\u200d-1', '\u2060@x',
    '\ufeff=1+1', '\u200e=1', '\u200f=1', '\u061c=1', '\u00ad=1', '\u180e=1',
    '\u00a0\u200b \u2060=1', '\u200b\uff1d1', '\u2028=1', '\u3164=1', '\ufe0f=1',
])
def test_a_formula_after_invisible_characters_is_defused(cell):
    # Zero-width spaces and joiners, the word joiner, a byte order mark, direction marks
    # (which the bidi rule keeps) and other characters nobody sees: a spreadsheet that drops
    # them before reading the cell ran "\u200b=HYPERLINK(...)" as a formula.
    from forum.services.spreadsheet_cells import spreadsheet_safe

    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["\u200bok", "\ufeffa = b", "\u200d\U0001f44d"])
def test_invisible_characters_before_plain_text_are_left_as_they_are(cell):
    from forum.services.spreadsheet_cells import spreadsheet_safe

    assert spreadsheet_safe(cell) == cell
