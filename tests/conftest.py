"""Shared fixtures: an app on a fresh database (SQLite, or $DATABASE_URL), users per role."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

# Before anything imports forum.queue: run queued jobs inline, keep the queue out of the repo.
os.environ.setdefault("HUEY_IMMEDIATE", "1")
os.environ.setdefault("FORUM_DATA_DIR", tempfile.mkdtemp(prefix="forum-test-data-"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402
from jinja2 import BytecodeCache  # noqa: E402
from sqlalchemy import inspect, text  # noqa: E402

from app import create_app  # noqa: E402
from forum.access import Role  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.services.passwords import use_hash_profile  # noqa: E402
from tests.snapshots import cached_step, drop_snapshots, known_step, track  # noqa: E402
from tests.xdist_groups import pytest_collection_modifyitems  # noqa: E402, F401

# Production-strength Argon2 costs 0.15 s a hash; the suite signs in hundreds of times.
use_hash_profile("CHEAPEST")

PASSWORD = "Lantern-Pebble-Crane-88"
ROLE_EMAILS = {role: f"{role.value}@test.example" for role in Role}


# Each test run (each xdist worker too) gets its own PostgreSQL schema, so runs sharing the
# `test` database (a developer's and a helper's, say) cannot drop each other's tables.
PG_SCHEMA = f"forum_test_{os.getpid()}"


def database_url(tmp_path) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("postgresql"):
        return url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{PG_SCHEMA}"
    return url or f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(scope="session", autouse=True)
def postgres_schema():
    """Create this run's schema before the tests and drop it after."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url.startswith("postgres"):
        yield
        return
    from sqlalchemy import create_engine

    engine = create_engine(database_url(None))
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {PG_SCHEMA}"))
    yield
    with engine.begin() as conn:
        drop_snapshots(conn)
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
    engine.dispose()


def reset_database() -> None:
    """Drop every table, including Alembic's, so a migration test starts from nothing."""
    db.drop_all()
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


class SharedTemplateCode(BytecodeCache):
    """Compiled templates kept in memory for every app of the run.

    Each test builds its own app, and so its own Jinja environment; without this each one
    parses and compiles base.html and the GOV.UK macros again (most of a page test's time).
    Jinja checks each entry against the template's source, so an edited template recompiles.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CODE = SharedTemplateCode()

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key-that-is-long-enough-000",
    "WTF_CSRF_ENABLED": False,
    "SERVER_NAME": "localhost",
}


@pytest.fixture(scope="session")
def schema_template(tmp_path_factory, postgres_schema):
    """Create the tables once per run.

    Creating some fifty tables and their indexes costs one disk flush each (seconds a test);
    SQLite tests copy a ready-made file instead, PostgreSQL tests empty the tables.
    """
    folder = tmp_path_factory.mktemp("schema")
    app = create_app({**TEST_CONFIG, "DATA_DIR": folder / "data",
                      "SQLALCHEMY_DATABASE_URI": database_url(folder)})
    with app.app_context():
        reset_database()
        db.create_all()
        db.session.remove()
        db.engine.dispose()
    return folder / "test.db"


def empty_tables() -> None:
    """Empty every table and restart its ids (PostgreSQL), as a new database would be.

    DELETE, children first, rather than TRUNCATE: TRUNCATE gives each of some fifty tables new
    files (most of a second a test, which made the suite a third slower on PostgreSQL), while
    deleting the few rows one test wrote takes milliseconds.
    """
    from sqlalchemy.exc import IntegrityError

    try:
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(text(f'DELETE FROM "{table.name}"'))
            conn.execute(text(
                "SELECT setval(format('%I', sequence_name), 1, false)"
                " FROM information_schema.sequences WHERE sequence_schema = current_schema()"))
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    except IntegrityError:  # rows that refer to each other across tables: TRUNCATE copes
        names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
        with db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def app(request, tmp_path, schema_template):
    url = database_url(tmp_path)
    if url.startswith("sqlite"):
        shutil.copyfile(schema_template, tmp_path / "test.db")
    app = create_app({**TEST_CONFIG, "DATA_DIR": tmp_path / "data",
                      "SQLALCHEMY_DATABASE_URI": url})
    app.jinja_env.bytecode_cache = TEMPLATE_CODE
    # Fakes for MiniLM and spaCy's word analyser: jobs that embed or analyse run inline in
    # tests, and must never load the real models (the slow tests put those back).
    from analysis.core.themes import SimpleWordAnalyser
    from analysis.services.embeddings import EMBEDDER_KEY, WORDS_KEY
    from tests.analysis.fakes import FakeEmbedder

    app.extensions[EMBEDDER_KEY] = FakeEmbedder()
    app.extensions[WORDS_KEY] = SimpleWordAnalyser()
    # Search by meaning keeps each consultation's segment rows while its segments version is
    # the same. On PostgreSQL every test empties the same database, so ids and versions start
    # again: rows kept from an earlier test would pass for this one's.
    from analysis.services import meaning

    meaning._hashes.clear()
    with app.app_context():
        if not url.startswith("sqlite"):
            if not inspect(db.engine).has_table("users"):
                db.create_all()  # a migration test dropped everything
            empty_tables()
        # A test marked build_fixtures builds the demo and analysis itself, as a fresh run does.
        track(app, build_everything=request.node.get_closest_marker("build_fixtures") is not None)
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def users(app):
    """One active user per role, all with PASSWORD; roles that need a sign-in code are enrolled."""
    from forum.services.accounts import create_user
    from forum.services.two_factor import enrol_with_secret, required_roles

    def make():
        made = {role: create_user(ROLE_EMAILS[role], f"Test {role.label}", role, PASSWORD)
                for role in Role}
        for role in required_roles():
            enrol_with_secret(made[role], TOTP_SECRETS[role])
        return made

    return known_step(app, "users", make)


# Test-only authenticator secrets (base32) for the users fixture.
TOTP_SECRETS = {role: ("TESTTOTP" + role.value.replace("_", "").upper() + "A" * 32)[:32]
                for role in Role}


def code_for(email: str) -> str:
    """The current authenticator code for a user, as their app would show it.

    Sign-ins in a test follow each other within one 30-second step, and a used step is
    refused; forgetting the last used step stands for "a later sign-in, a new code".
    """
    import pyotp
    from sqlalchemy import update

    from forum.models import User
    from forum.services.accounts import find_user_by_email

    user = find_user_by_email(email)
    db.session.execute(update(User).where(User.id == user.id).values(totp_last_step=None))
    db.session.commit()
    return pyotp.TOTP(user.totp_secret).now()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, role_or_email, password: str = PASSWORD):
        """Sign in; for roles that need it, the code step (or set-up) is completed too."""
        email = ROLE_EMAILS.get(role_or_email, role_or_email)
        response = self.client.post("/login", data={"email": email, "password": password})
        location = response.headers.get("Location", "") if response.status_code == 302 else ""
        if location.startswith("/login/code"):
            return self.client.post("/login/code", data={"code": code_for(email)})
        if location.startswith("/account/two-factor/setup"):
            self.client.get(location)  # creates the secret the app would scan
            return self.client.post(location, data={"code": code_for(email)})
        return response

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client, users):
    return Auth(client)


# Read-aloud audio the demo survey has made in this process, by file name. A name is the hash
# of the words, voice and speed, so a file kept here is the one espeak-ng would make again.
SPEECH_MADE = Path(tempfile.mkdtemp(prefix="forum-test-speech-"))


def share_files(source: Path, target: Path) -> None:
    """Put each file of source that target lacks into target (a hard link where it can)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.suffix == ".wav" and not (target / path.name).exists():
            try:
                os.link(path, target / path.name)
            except OSError:
                shutil.copyfile(path, target / path.name)


@pytest.fixture
def demo(app):
    """The demo data (built once per process, then put back: tests/snapshots.py)."""
    from forum.demo import load_demo
    from surveys.demo import load_demo_survey

    def load():
        # Each demo survey makes the same read-aloud audio with espeak-ng (most of its time):
        # audio made by an earlier test is put in place first; publishing keeps what is there.
        speech = app.config["DATA_DIR"] / "speech"
        share_files(SPEECH_MADE, speech)
        # The transcripts' demo loader is left out: it runs spaCy, which most tests do not need.
        loaded = {**load_demo(), **load_demo_survey()}
        share_files(speech, SPEECH_MADE)
        return loaded

    return cached_step(app, "demo", load)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)
