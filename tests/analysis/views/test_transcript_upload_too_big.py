"""A transcript over the upload limit sent without JavaScript (too-big.js stops it in the
browser otherwise): the server answered with its 'The file is too big' page, and the pasted
words and real names typed beside the file were lost. The form comes back with them kept."""
import io

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from tests.analysis.views.test_transcripts import session_with_members  # noqa: F401


def _send(auth, session, data: bytes):
    return auth.client.post(f"/sessions/{session.id}/transcripts/new", data={
        "file": (io.BytesIO(data), "long-group.txt"), "known_names": "Dee Jones\nSam Hartley",
        "pasted": ""}, content_type="multipart/form-data")


def test_a_file_over_the_limit_comes_back_to_the_form_with_what_was_typed(
        app, auth, session_with_members):  # noqa: F811
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    auth.login(Role.FACILITATOR)
    response = _send(auth, session_with_members[0],
                     b"Dee: " + b"words " * 200_000 + b"\n")  # 1.1 MB
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "<title>Error: " in page
    assert ("long-group.txt is too big (1.1 MB). Files must be 1 MB or smaller: split the "
            "transcript, or remove pictures from it, and upload it again.") in page
    assert 'href="#file"' in page
    assert "Dee Jones\nSam Hartley</textarea>" in page
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0


def test_a_request_far_over_the_limit_still_gets_the_too_big_page(
        app, auth, session_with_members):  # noqa: F811
    """Read through to keep what was typed only up to a few times the limit."""
    app.config["MAX_CONTENT_LENGTH"] = 2000
    auth.login(Role.FACILITATOR)
    response = _send(auth, session_with_members[0], b"Dave: hello there\n" * 2000)
    assert response.status_code == 413 and b"too big" in response.data
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0
