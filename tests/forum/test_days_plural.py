"""The deadline note counts days with ngettext: '1 day to go', never '1 days to go'."""
from flask import render_template


def test_days_to_go_is_singular_for_one_and_plural_for_more(app):
    with app.test_request_context():
        one = render_template("forum/consultations/_days.html", days=1)
        two = render_template("forum/consultations/_days.html", days=2)
    assert one == "1 day to go"
    assert two == "2 days to go"
