"""A notification banner (a success banner after an action) ran the page's whole width above a
form in the two-thirds column. GOV.UK places it just before the h1, as wide as the page's other
content: in the two-thirds column on such a page, the whole width on a page that uses it."""
import re

from forum.access import Role

SUCCESS = r'<div class="govuk-notification-banner govuk-notification-banner--success"'
IN_COLUMN = re.compile(r'<main [^>]*>\s*<div class="govuk-grid-row">\s*'
                       r'<div class="govuk-grid-column-two-thirds">\s*' + SUCCESS)
WHOLE_WIDTH = re.compile(r'<main [^>]*>\s*' + SUCCESS)


def test_on_a_two_thirds_page_the_banner_is_in_the_column(auth, demo):
    auth.login(Role.FACILITATOR)
    html = auth.client.post("/logout", follow_redirects=True).get_data(as_text=True)
    assert "You have signed out." in html
    assert IN_COLUMN.search(html)
    assert html.count('class="govuk-grid-column-two-thirds"') == 2  # the banner's, the form's


def test_on_a_whole_width_page_the_banner_is_whole_width(auth, demo):
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/1/edit").get_data(as_text=True)
    assert 'name="title"' in html
    saved = auth.client.post("/sessions/1/edit", follow_redirects=True, data={
        "title": "Group one", "consultation_id": 1, "held_on": ["3", "3", "2026"], "area": "",
        "facilitator_id": 0}).get_data(as_text=True)
    assert "Focus group saved." in saved
    assert WHOLE_WIDTH.search(saved) and not IN_COLUMN.search(saved)
