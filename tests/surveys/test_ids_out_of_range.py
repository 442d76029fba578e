"""A survey version or member number too big for the database's integer column is refused
with a clear 422 before any query: on PostgreSQL the lookup failed ("integer out of range"),
aborted the request's transaction and the next response from the tablet got a 500."""
from __future__ import annotations

import json

import pytest

from tests.surveys.conftest import make_payload

URL = "/api/v1/responses"


def _post(client, token, body):
    return client.post(URL, data=json.dumps(body).encode(), content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize(("field", "value"), [("survey_version_id", 2 ** 40),
                                              ("survey_version_id", 2 ** 70),
                                              ("member_id", 2 ** 40), ("member_id", 2 ** 70)])
def test_a_number_too_big_for_an_id_is_refused_and_the_next_response_is_stored(
        client, version, questions, tablet, field, value):
    _, token = tablet
    body = make_payload(version, questions)
    body[field] = value
    refused = _post(client, token, body)
    assert refused.status_code == 422, refused.get_data(as_text=True)
    assert field.split("_")[0] in refused.get_json()["error"].lower()
    stored = _post(client, token, make_payload(version, questions))
    assert stored.status_code == 201, stored.get_data(as_text=True)
