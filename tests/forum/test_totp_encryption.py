"""Issue #12 point 5: TOTP secrets are encrypted at rest with a key kept apart from the database."""
import stat

import pyotp
import pytest
from cryptography.fernet import Fernet
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from forum.access import Role
from forum.extensions import db
from forum.models import User
from tests.conftest import PASSWORD, TOTP_SECRETS, reset_database


def _stored(user_id: int) -> str:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT totp_secret_encrypted FROM users WHERE id = :id"),
                            {"id": user_id}).scalar()


def _key_file(app):
    return app.config["DATA_DIR"] / "keys" / "encryption.keys"


def test_point5_totp_secrets_are_encrypted_at_rest(app, users):
    admin = users[Role.ADMIN]
    secret = TOTP_SECRETS[Role.ADMIN]
    stored = _stored(admin.id)
    assert stored and secret not in stored
    key = _key_file(app).read_text().split()[0]
    assert Fernet(key.encode()).decrypt(stored.encode()).decode() == secret
    assert stat.S_IMODE(_key_file(app).stat().st_mode) == 0o600
    db.session.expire_all()
    assert db.session.get(User, admin.id).totp_secret == secret, "the app reads it back"
    with db.engine.connect() as conn:  # nothing in the database holds the secret in the clear
        columns = [c["name"] for c in db.inspect(conn).get_columns("users")]
        assert "totp_secret" not in columns


def test_point5_sign_in_with_a_code_still_works(client, auth):
    response = auth.login(Role.ADMIN)
    assert response.status_code == 302 and client.get("/admin/users").status_code == 200


def test_point5_keys_can_come_from_the_environment(app, users, monkeypatch, tmp_path):
    from app import create_app
    from tests.conftest import database_url

    key = Fernet.generate_key().decode()
    other = create_app({"TESTING": True, "SECRET_KEY": "x" * 40, "DATA_DIR": tmp_path / "d2",
                        "SQLALCHEMY_DATABASE_URI": database_url(tmp_path), "ENCRYPTION_KEYS": key})
    assert not (tmp_path / "d2" / "keys" / "encryption.keys").exists()
    with other.app_context():
        from forum.encryption import decrypt, encrypt

        assert Fernet(key.encode()).decrypt(encrypt("ABC").encode()) == b"ABC"
        with pytest.raises(Exception, match="cannot be decrypted"):
            decrypt(_stored(users[Role.ADMIN].id))  # made with the key file's key, not this one


def test_point5_rotating_keys_re_encrypts_every_secret(app, users, runner):
    admin = users[Role.ADMIN]
    before = _stored(admin.id)
    old_key = _key_file(app).read_text().split()[0]
    result = runner.invoke(args=["keys", "rotate"])
    assert result.exit_code == 0, result.output
    keys = _key_file(app).read_text().split()
    assert len(keys) == 2 and keys[1] == old_key
    after = _stored(admin.id)
    assert after != before
    assert Fernet(keys[0].encode()).decrypt(after.encode()).decode() == TOTP_SECRETS[Role.ADMIN]
    db.session.expire_all()
    assert db.session.get(User, admin.id).totp_secret == TOTP_SECRETS[Role.ADMIN]


def test_point5_migration_encrypts_existing_secrets(app):
    reset_database()
    upgrade(revision="0009_security_member_ids")
    secret = pyotp.random_base32()
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO users (email, name, role, active, created_at, session_version, "
                          "totp_secret) VALUES ('a@x.example', 'A', 'admin', :yes, "
                          "'2026-01-01 00:00:00', 1, :secret)"), {"secret": secret, "yes": True})
    upgrade()
    db.session.remove()
    user = db.session.scalar(db.select(User))
    assert secret not in _stored(user.id)
    assert user.totp_secret == secret
    db.session.remove()
    downgrade(revision="0009_security_member_ids")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT totp_secret FROM users")).scalar() == secret
    upgrade()  # leave the schema as the models have it (PostgreSQL tests reuse the tables)


def test_point5_a_secret_no_key_opens_asks_for_a_recovery_code(app, client, users):
    from forum.encryption import EXTENSION, make_fernet

    app.extensions[EXTENSION] = make_fernet([Fernet.generate_key().decode()])  # the old key is lost
    db.session.expire_all()
    assert client.get("/login").status_code == 200
    response = client.post("/login", data={"email": users[Role.ADMIN].email, "password": PASSWORD})
    assert response.headers["Location"].startswith("/login/code")
    page = client.post("/login/code", data={"code": "123456"}).data.decode()
    assert "cannot be read on this server" in page and "recovery code" in page
