"""Walk-through 22: the researcher's main action first, and 'No, thank you' a big button."""
from forum.access import Role


def test_start_the_survey_comes_before_the_tablet_settings_and_sign_out(auth, version, questions):
    # It was the last thing on a 1,700px page, below "Sign out": the main action comes first.
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/").get_data(as_text=True)
    start = page.index("Start the survey</a>")
    assert start < page.index("This tablet</h2>") < page.index("Sign out</button>")


def test_no_thank_you_is_a_big_button_like_yes(auth, version, questions):
    # A small text link beside a big button: easy to miss for someone who reads little.
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/start").get_data(as_text=True)
    assert (f'<a href="/run/{version.id}/stopped?declined=1" role="button" draggable="false" '
            'class="govuk-button govuk-button--secondary govuk-button--start" data-decline>'
            'No, thank you</a>') in page
