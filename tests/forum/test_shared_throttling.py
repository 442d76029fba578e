"""Issue #12 point 4: throttling counts are shared by every web worker (process)."""
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from forum.access import Role
from forum.extensions import db
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
# A second web worker: its own process and app, on the same database, failing sign-ins.
SECOND_WORKER = """
import sys
from app import create_app
app = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key-that-is-long-enough-000",
                  "DATA_DIR": sys.argv[2], "SQLALCHEMY_DATABASE_URI": sys.argv[1],
                  "WTF_CSRF_ENABLED": False, "SERVER_NAME": "localhost"})
client = app.test_client()
with app.app_context():
    for _ in range(int(sys.argv[3])):
        form = {"email": sys.argv[4], "password": "wrong-password-x"}
        print(client.post("/login", data=form).status_code)
"""


def _fail_in_another_worker(app, email: str, times: int) -> list[int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", SECOND_WORKER, app.config["SQLALCHEMY_DATABASE_URI"],
         str(app.config["DATA_DIR"]), str(times), email],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return [int(line) for line in out.stdout.split()]


def test_point4_failed_sign_ins_in_two_workers_add_up(app, client, users):
    email = users[Role.FACILITATOR].email
    assert _fail_in_another_worker(app, email, 3) == [200, 200, 200]
    for _ in range(2):
        assert client.post("/login",
                           data={"email": email, "password": "wrong-password-x"}).status_code == 200
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 429, "5 failures across two workers reach the limit of 5"


def test_point4_counts_live_in_the_database_without_redis(app):
    from forum.security import limiter
    from forum.throttle import DatabaseStorage

    assert app.config["RATELIMIT_STORAGE_URI"] == "forum-db://"
    assert isinstance(limiter.storage, DatabaseStorage)


def test_point4_counts_live_in_redis_when_redis_url_is_set(tmp_path):
    from limits.storage import RedisStorage

    from app import create_app
    from forum.security import limiter

    create_app({"TESTING": True, "SECRET_KEY": "x" * 40, "DATA_DIR": tmp_path,
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'r.db'}",
                "REDIS_URL": "redis://127.0.0.1:6379/1"})
    assert isinstance(limiter.storage, RedisStorage)


def test_point4_database_windows_end_and_start_again(app):
    from forum.throttle import DatabaseStorage

    storage = DatabaseStorage()
    assert storage.incr("k", 60) == 1 and storage.incr("k", 60, amount=2) == 3
    assert storage.get("k") == 3 and storage.get_expiry("k") > 0
    assert storage.incr("ended", -1) == 1  # a window that has already ended...
    assert storage.get("ended") == 0
    assert storage.incr("ended", 60) == 1  # ...starts again from nothing
    storage.clear("k")
    assert storage.get("k") == 0
    assert storage.check()
    from forum.throttle import purge_throttle_counts

    storage.incr("gone", -1)
    purge_throttle_counts.call_local()  # the worker's hourly clean-up of ended windows
    with db.engine.connect() as conn:
        keys = set(conn.execute(text("SELECT key FROM throttle_counts")).scalars())
    assert keys == {"ended"}, "only the window that has not ended is kept"
