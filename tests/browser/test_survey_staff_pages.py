"""Survey staff pages in Chromium: styled, no axe violations; the builder's preview; CSV import."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser

PAGES = ["/surveys/", "/surveys/1", "/surveys/1/edit", "/surveys/1/questions/new",
         "/surveys/1/questions/2/edit", "/surveys/1/results",
         "/surveys/1/results?gender=Non-binary",
         "/surveys/devices", "/surveys/devices/1/rename", "/surveys/imports/new",
         "/surveys/1/preview/", "/surveys/1/preview/3"]


def test_survey_staff_pages_are_accessible(live_server, page, shots):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "facilitator")
    for path in PAGES:
        response = page.goto(live_server + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
        name = "survey_staff" + path.replace("/", "_").replace("?", "_").replace("=", "-")
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert errors == []


def test_builder_warns_about_jargon_and_still_saves(live_server, page, shots):
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/surveys/1/questions/new")
    page.get_by_label("Own words").check()
    page.get_by_label("Question",
        exact=True).fill("What happened when you were in breach of your licence conditions?")
    page.get_by_role("button", name="Save question").click()
    page.get_by_text("Question 10 saved.").wait_for()
    expect(page.get_by_text(
        "‘breach’ may not be understood. Try: ‘breaking the rules of your order’.")).to_be_visible()
    expect(page.get_by_text("Changes not published yet")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "survey_staff_after_save.png"), full_page=True)


def test_csv_import_reports_lines_then_imports(live_server, page, tmp_path, shots):
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text("id,What helped\nR1,Key worker\n,No id\nR1,Again\n", encoding="utf-8")
    good.write_text("id,What helped\nR1,Key worker\nR2,Bus pass\n", encoding="utf-8")
    sign_in(page, live_server, "facilitator")
    for upload, expected in ((bad, "Nothing was imported"),
                             (good, "2 answers from 2 rows were imported")):
        page.goto(f"{live_server}/surveys/imports/new?consultation=1")
        page.get_by_label("CSV file").set_input_files(str(upload))
        page.get_by_role("button", name="Upload").click()
        page.get_by_label("Which column holds the respondent id?").select_option("id")
        page.get_by_label("Column ‘What helped’").select_option(
            label="Q1. What are the main barriers people face in stopping offending after they "
                  "leave prison?")
        page.get_by_role("button", name="Check and import").click()
        page.get_by_text(expected).first.wait_for()
        assert axe_violations(page) == []
    page.goto(f"{live_server}/surveys/imports/new?consultation=1")
    page.get_by_label("CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload").click()
    page.get_by_label("Which column holds the respondent id?").select_option("id")
    page.get_by_label("Column ‘What helped’").select_option(index=1)
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("Line 3: the respondent id (‘id’) is empty")).to_be_visible()
    expect(page.get_by_text("Line 4: respondent id ‘R1’ is also on line 2")).to_be_visible()
    page.screenshot(path=str(shots / "survey_staff_import_problems.png"), full_page=True)


def test_publishing_hard_words_asks_first_then_shows_who_reads_aloud(live_server, page, shots):
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/surveys/1/questions/new")
    page.get_by_label("Own words").check()
    page.get_by_label("Question", exact=True).fill(
        "Notwithstanding your order, what precipitated non-compliance?")
    page.get_by_label("The participant must answer this question").check()
    page.get_by_role("button", name="Save question").click()
    page.get_by_text("Question 10 saved.").wait_for()
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.get_by_role("heading", name="Publish anyway?")).to_be_visible()
    expect(page.get_by_text("\u2018Notwithstanding\u2019 may not be understood")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "publish-anyway.png"), full_page=True)
    page.get_by_role("button", name="Publish anyway").click()
    expect(page.get_by_text("Version 2 is published.")).to_be_visible()
    table = page.locator("#read-aloud + p + table")
    expect(table.get_by_role("row",
                             name="Question 10: Notwithstanding")).to_contain_text("Machine voice")
    expect(table.get_by_role("row", name="Start page")).to_contain_text("Machine voice")
    assert axe_violations(page) == []
    page.locator("#read-aloud").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "survey-read-aloud.png"), full_page=True)


def test_a_file_being_checked_shows_the_result_by_itself(live_server, page):
    """It said "Refresh this page to see the result": a newcomer waited on a page that never
    changed."""
    from forum.extensions import db
    from surveys.models import CsvImport, CsvImportStatus

    record = CsvImport(consultation_id=1, filename="answers.csv", original_text="id,answer\nA,\n",
                       status=CsvImportStatus.CHECKING)
    db.session.add(record)
    db.session.commit()
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/surveys/imports/{record.id}")
    expect(page.get_by_text("This page shows the result by itself")).to_be_visible()
    record.status, record.problems = CsvImportStatus.PROBLEMS, ["Line 2: the answer is empty"]
    db.session.commit()
    expect(page.get_by_text("Line 2: the answer is empty")).to_be_visible(timeout=10000)
