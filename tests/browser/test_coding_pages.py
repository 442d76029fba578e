"""Codebook, documents and coding matrix in a real browser: no accessibility violations."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_documents(app, demo):
    from analysis.views.document_demo import load_demo_documents

    return load_demo_documents()


def check(page, shots, name, errors):
    assert axe_violations(page) == [], name
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert errors == [], name


def test_codebook_documents_and_matrix_pages(live_server, demo_documents, page, shots):
    errors = page_errors(page)
    sign_in(page, live_server, "policy_officer")
    base = f"{live_server}/consultations/1"

    page.goto(f"{base}/codebook/")
    expect(page.get_by_role("heading", name="1. Housing and homelessness")).to_be_visible()
    check(page, shots, "codebook", errors)

    page.get_by_role("link", name="Add a code").click()
    page.get_by_label("Name").fill("Women as offenders")
    page.get_by_label("Search terms").fill("women\nre:(mother")
    page.get_by_role("button", name="Save code").click()
    expect(page.locator("#search_terms-error")).to_contain_text("this pattern is not valid")
    expect(page.get_by_label("Search terms")).to_have_value("women\nre:(mother")
    check(page, shots, "codebook-error", errors)

    page.goto(f"{base}/documents")
    expect(page.get_by_role("link", name="Westmarsh police and crime plan")).to_be_visible()
    check(page, shots, "documents", errors)
    page.get_by_label("Choose documents").set_input_files([
        {"name": "plan-4.txt", "mimeType": "text/plain",
         "buffer": b"Priority one is housing for everyone leaving prison."},
        {"name": "plan-12.pdf", "mimeType": "application/pdf",
         "buffer": b"\x89PNG\r\n\x1a\n" + bytes(range(256))},
    ])
    page.get_by_role("button", name="Upload documents").click()
    expect(page.get_by_text("Nothing was uploaded")).to_be_visible()
    expect(page.get_by_role("link",
        name="plan-12.pdf: this is not a PDF, Word (.docx) or text file.")).to_be_visible()
    check(page, shots, "documents-error", errors)

    page.get_by_role("link", name="Westmarsh police and crime plan").click()
    page.wait_for_url("**/documents/*")
    check(page, shots, "document", errors)

    page.goto(f"{base}/coding")
    expect(page.get_by_role("table")).to_contain_text("Westmarsh police and crime plan")
    check(page, shots, "coding-matrix", errors)

    page.locator("a.fv-cell--unreviewed").first.click()
    page.get_by_role("button", name="Confirm passage 1").click()
    expect(page.locator(".fv-passage").first).to_contain_text("Confirmed")
    check(page, shots, "coding-cell", errors)
