"""Every page's parts sit in a landmark, so screen-reader users can jump between them."""
import re

from forum.access import Role


def test_a_back_link_sits_in_its_own_navigation_landmark(auth):
    """The back link sat between the header and <main>, in no landmark (axe "region")."""
    auth.login(Role.ADMIN)
    html = auth.client.get("/admin/users/invite").data.decode()
    assert re.search(r'<nav class="fv-back" aria-label="Back">\s*<a [^>]*class="govuk-back-link"',
                     html)


def test_a_page_with_no_back_link_has_no_empty_landmark(auth):
    auth.login(Role.POLICY_OFFICER)
    assert 'aria-label="Back"' not in auth.client.get("/").data.decode()
