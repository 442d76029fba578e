"""The error summary sat above the page's two-thirds column, as wide as the whole page, in
base.html: GOV.UK puts it at the top of the main column, as wide as the form it is about."""
import re

from forum.access import Role

IN_COLUMN = re.compile(r'<main [^>]*>\s*<div class="govuk-grid-row">\s*'
                       r'<div class="govuk-grid-column-two-thirds">\s*'
                       r'<div class="govuk-error-summary"')


def test_a_form_with_errors_has_its_summary_at_the_top_of_the_column(auth, demo):
    auth.login(Role.FACILITATOR)
    for url, data in (("/sessions/new", {"consultation_id": 1}),
                      ("/members/new", {})):
        html = auth.client.post(url, data=data).get_data(as_text=True)
        assert "There is a problem" in html, url
        assert IN_COLUMN.search(html), url
        assert html.count('class="govuk-error-summary"') == 1, url


def test_a_page_with_no_errors_has_no_empty_column(auth, demo):
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/new").get_data(as_text=True)
    assert "govuk-error-summary" not in html
    assert re.search(r'<main [^>]*>\s*<div class="govuk-grid-row">\s*'
                     r'<div class="govuk-grid-column-two-thirds">\s*<h1', html)
