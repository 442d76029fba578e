"""Sync API for tablets: POST /api/v1/responses and GET /api/v1/device, with a per-device
bearer token."""
import json

from flask import Blueprint, current_app, jsonify, request

from forum.access import public
from forum.extensions import csrf, db
from forum.security import limiter
from surveys.models import SurveyDevice
from surveys.services.devices import Tablet, find_tablet
from surveys.services.refusals import NOT_STORED, note_refusal
from surveys.services.sync import PayloadError, SyncConflict, TabletRefused, receive_response

bp = Blueprint("surveys_api", __name__, url_prefix="/api/v1")

BODY_MAX = 512 * 1024


def _error(status: int, message: str, problems=None, **headers):
    body = {"error": message}
    if problems:
        body["problems"] = problems
    response = jsonify(body)
    response.status_code = status
    response.headers.update(headers)
    return response


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed")


def _read_json():
    """The body as JSON, or raise PayloadError/ValueError with what is wrong."""
    if request.content_length is not None and request.content_length > BODY_MAX:
        raise OverflowError
    raw = request.stream.read(BODY_MAX + 1)
    if len(raw) > BODY_MAX:
        raise OverflowError
    try:
        # As sent: ``receive_response`` hashes it so, then drops bidi controls from the text.
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PayloadError(["The body must be a JSON object encoded as UTF-8"]) from None


def _bearer_token() -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _refused():
    return _error(401, "This tablet is not allowed to send responses. Ask a peer researcher "
                  "to sign in and open the survey on it again.", **{"WWW-Authenticate": "Bearer"})


@bp.route("/responses", methods=["POST"])
@public
@csrf.exempt
@limiter.exempt  # tablets hold a token, and there is no limit to check: skip the work
def receive():
    """Store one tablet response exactly once (201 new, 200 already received, 409, 422)."""
    surveys = current_app.extensions["surveys"]
    token = _bearer_token()
    tablet, checked = surveys["tablets"].get(token)
    if tablet is None:
        return _refused()
    body = None
    try:
        body = _read_json()
        try:
            received = receive_response(tablet, body, surveys["specs"])
        except TabletRefused:
            surveys["tablets"].forget(tablet)
            # Revoked, or (after a restore) its id changed: only the database can say which.
            tablet, checked = find_tablet(token), True
            if tablet is None:
                return _refused()
            received = receive_response(tablet, body, surveys["specs"])
    except TabletRefused:
        return _refused()
    except (OverflowError, PayloadError, SyncConflict) as error:
        # A token taken from this process's memory is checked before saying more than 401.
        if not checked and find_tablet(token) is None:
            surveys["tablets"].forget(tablet)
            return _refused()
        return _rejected(error, tablet, body)
    # The reply built directly: jsonify's provider lookups were a twentieth of a request.
    body = json.dumps({"status": received.status, "uuid": received.uuid}, separators=(",", ":"))
    return current_app.response_class(body, 201 if received.status == "received" else 200,
                                      mimetype="application/json")


@bp.route("/device")
@public
@limiter.exempt  # a tablet asks once a researcher page: nothing to guess with a 43-character token
def device():
    """This tablet as the server knows it now: its name, which staff may have changed."""
    tablet = find_tablet(_bearer_token())
    if tablet is None:
        return _refused()
    found = db.session.get(SurveyDevice, tablet.id)
    if found is None:  # removed since its token was read
        return _refused()
    response = jsonify({"id": found.id, "name": found.name})
    response.headers["Cache-Control"] = "no-store"
    return response


def _rejected(error: Exception, tablet: Tablet, body):
    """The refusal for the tablet, noted for staff (surveys.refusals) without its answers."""
    if isinstance(error, OverflowError):
        status, message = 413, f"The response is too big: at most {BODY_MAX // 1024} KB"
    elif isinstance(error, PayloadError):
        status, message = 422, f"{NOT_STORED}: " + "; ".join(error.problems)
    else:
        status, message = 409, str(error)
    note_refusal(tablet, body, status,
                 error.problems if isinstance(error, PayloadError) else [message])
    return _error(status, message, getattr(error, "problems", None))
