"""Every format, downloaded or written by the CLI: consent holds, and every export is logged."""
import io

import pytest

from exports.models import DraftQuote
from exports.services.downloads import FORMATS, UnknownExport, export_file
from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent
from forum.services.members import withdraw_consent
from tests.exports.conftest import docx_document, pdf_pages_text

NEVER = ("REFUSER-SECRET", "QUITTER-WORDS", "HELD-WORDS", "Refuser", "Quitter")


def _text(fmt: str, data: bytes) -> str:
    if fmt in ("pdf", "easyread"):
        return " ".join(pdf_pages_text(data))
    if fmt in ("docx", "easyread-docx"):
        document = docx_document(data)
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        return " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                        if c.value)
    return data.decode("utf-8-sig")


@pytest.fixture
def risky_draft(forum, officer):
    """A draft that once quoted a member who then withdrew, and (by a stale row) one who refused."""
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    q2.text = "Members told us that housing on release fails."
    q2.theme_ids = [t.id for t in forum.themes]
    db.session.commit()
    for name in ("Amber", "Quitter"):
        add_quote(q2, forum.segments[name].id, officer)
    for segment in (forum.segments["Refuser"], forum.held):
        q2.quotes.append(DraftQuote(segment_id=segment.id, text=segment.text, position=9))
    db.session.commit()
    withdraw_consent(forum.members["Quitter"], None)
    return draft


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_refused_withdrawn_and_held_words_never_appear_in_any_format(risky_draft, forum, fmt):
    data, filename, mimetype = export_file(forum.consultation.id, fmt)
    text = _text(fmt, data)
    for words in NEVER:
        assert words not in text, (fmt, words)
    if fmt != "qdc":  # the codebook carries themes, not members' words
        assert "nowhere to go" in text, fmt
    assert filename.startswith("reducing-reoffending.")


def test_the_download_link_sends_the_file_and_logs_it(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/consultations/{forum.consultation.id}/draft").get_data(as_text=True)
    for fmt in FORMATS:
        assert f"/draft/download/{fmt}" in page
    response = auth.client.get(f"/consultations/{forum.consultation.id}/draft/download/csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith(
        "attachment; filename=reducing-reoffending.csv")
    event = db.session.scalars(db.select(AuditEvent).where(AuditEvent.action == "exported")).one()
    assert event.detail["format"] == "csv" and event.object_type == "Consultation"
    assert auth.client.get(
        f"/consultations/{forum.consultation.id}/draft/download/exe").status_code == 404


def test_the_cli_writes_the_file_and_logs_it(forum, runner, tmp_path):
    out = tmp_path / "response.docx"
    result = runner.invoke(
        args=["export", "response", str(forum.consultation.id), "--format", "docx",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote Response (Word)" in result.output
    assert docx_document(out.read_bytes()).paragraphs
    assert db.session.scalars(
        db.select(AuditEvent).where(
            AuditEvent.action == "exported")).one().detail["via"] == "command line"
    missing = runner.invoke(
        args=["export", "response", "999", "--format", "pdf", "--out", str(out)])
    assert missing.exit_code != 0 and "no consultation with id 999" in missing.output


def test_unknown_format_is_refused(forum):
    with pytest.raises(UnknownExport):
        export_file(forum.consultation.id, "exe")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_staff_memos_never_appear_in_any_format(risky_draft, forum, officer, fmt):
    from analysis.services.memos import set_segment_memo, set_theme_memo

    for theme in forum.themes:
        set_theme_memo(theme, f"THEME-MEMO-{theme.id} ask the housing lead before quoting")
    for segment in forum.segments.values():
        set_segment_memo(segment, f"SEGMENT-MEMO-{segment.id} staff note", officer)
    data, _, _ = export_file(forum.consultation.id, fmt)
    text = _text(fmt, data) + data.decode("latin-1")  # the file's own bytes too (docx/xlsx zip)
    assert "MEMO-" not in text, fmt
    assert "staff note" not in text and "ask the housing lead" not in text, fmt
    if fmt != "qdc":
        assert "nowhere to go" in text, fmt  # the export itself still has members' words


def test_the_easy_read_summary_comes_as_a_word_file_too(risky_draft, forum):
    data, filename, mimetype = export_file(forum.consultation.id, "easyread-docx")
    assert filename == "reducing-reoffending.easy-read.docx"
    assert mimetype == FORMATS["docx"].mimetype
    assert "You said:" in _text("easyread-docx", data)
