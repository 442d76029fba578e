"""The rate limiter's per-request check is skipped on the tablets' API (no limits there), and
still runs everywhere else (sign-in is limited)."""
from flask_limiter import Limiter


def test_the_limiter_checks_pages_but_not_the_tablets_api(client, monkeypatch):
    checked = []
    real = Limiter.identify_request

    def spy(self):
        checked.append(True)
        return real(self)

    monkeypatch.setattr(Limiter, "identify_request", spy)
    client.post("/api/v1/responses", json={}, headers={"Authorization": "Bearer nope"})
    assert checked == []
    client.get("/login")
    assert checked
