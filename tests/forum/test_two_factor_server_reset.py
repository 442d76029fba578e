"""The only admin who lost their phone and recovery codes: whoever runs the server resets it."""
from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent, User


def test_the_server_command_resets_an_accounts_two_factor_and_audits_it(app, runner, users):
    admin = users[Role.ADMIN]
    admin.totp_secret = "A" * 32
    db.session.commit()
    result = runner.invoke(args=["users", "reset-two-factor", admin.email])
    assert result.exit_code == 0, result.output
    assert "will set it up again when they next sign in" in result.output
    db.session.expire_all()
    assert db.session.get(User, admin.id).totp_secret is None
    event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.object_id, event.detail) == (
        "two_factor_reset", admin.id, {"by": "server command"})


def test_the_server_command_says_plainly_when_no_account_has_that_email(app, runner, users):
    result = runner.invoke(args=["users", "reset-two-factor", "nobody@test.example"])
    assert result.exit_code != 0
    assert "No account has the email address nobody@test.example" in result.output
    assert "Traceback" not in result.output


def test_the_code_page_tells_a_sole_admin_where_to_turn(client, users):
    from tests.conftest import PASSWORD

    client.post("/login", data={"email": users[Role.ADMIN].email, "password": PASSWORD})
    page = client.get("/login/code").get_data(as_text=True)
    assert "flask users reset-two-factor" in page
