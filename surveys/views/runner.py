"""The tablet runner: researcher set-up page, participant pages, service worker, media."""
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user

from forum.access import ALL_STAFF, allow, public
from forum.extensions import csrf, db
from surveys.models import SurveyMedia, SurveyVersion
from surveys.services import runner as service
from surveys.services.devices import DeviceNameError, register_device
from surveys.services.media import media_path
from surveys.services.payload import (
    NUMBER_MAX,
    NUMBER_NOT_WHOLE,
    NUMBER_TOO_BIG,
    NUMBER_TOO_SMALL,
    TEXT_MAX,
    TOO_LONG,
)
from surveys.services.speech import page_speech, speech_keys, speech_path

bp = Blueprint("runner", __name__, url_prefix="/run")
STATIC = Path(__file__).resolve().parent.parent / "static"
PAGES = ("start", "end", "stop", "stopped", "done")
SPEECH_KEY_CHARS = 64  # speech_key is a SHA-256 hex digest


def _published_or_404(version_id: int) -> SurveyVersion:
    version = db.session.get(SurveyVersion, version_id)
    if version is None or not version.is_published:
        abort(404)
    return version


RUN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "surveys" / "run"


def templates_stamp(folder: Path = RUN_TEMPLATES) -> str:
    """A hash of the participant pages' templates: a deploy that rewords one changes it."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.html")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def page_rules(version: SurveyVersion) -> str:
    """What a kept page carries that can change without a new version of the survey.

    The written answer's limit and its refusal, the refusals of a number below 0, too big or
    not whole,
    the pages' templates and the read-aloud audio made for them ("Make the missing audio").
    A tablet whose pages were kept under other rules fetches them again from its start page
    (offline.js): it had counted to an old limit, and the server refused the whole response.
    """
    speech = speech_keys(version, current_app.config.get("ORG_NAME", "Forum Voice"),
                         current_app.config["DATA_DIR"])
    return json.dumps({"text_max": TEXT_MAX, "too_long": TOO_LONG, "too_small": NUMBER_TOO_SMALL,
                       "number_max": NUMBER_MAX, "too_big": NUMBER_TOO_BIG,
                       "not_whole": NUMBER_NOT_WHOLE,
                       "pages": _stamp(),
                       "speech": sorted(speech.items())}, sort_keys=True)


@lru_cache(maxsize=1)
def _stamp() -> str:
    return templates_stamp()  # read once a process: templates change only with a deploy


def runner_urls(version: SurveyVersion) -> dict:
    urls = {page: url_for(f"runner.{page}", version_id=version.id) for page in PAGES}
    urls["question"] = url_for("runner.question", version_id=version.id, position=0)[:-1]
    urls["home"] = url_for("runner.home", version_id=version.id)
    return urls


# The runner's ES modules (surveys/static/runner/), every one needed offline. A page preloads
# together (not one import level after another) the ones it imports; the researcher's own
# (home.js, and fix.js for a refused answer) load only where they are used, so the
# participant's pages stay light.
RUNNER_MODULES = tuple(f"runner/{name}.js" for name in (
    "main", "context", "pages", "answers", "fix", "home", "refused-list", "offline",
    "read-aloud", "kiosk", "sync-status", "sign-out-words"))
RESEARCHER_MODULES = ("runner/home.js", "runner/refused-list.js", "runner/fix.js",
                      "runner/sign-out-words.js")
PARTICIPANT_MODULES = tuple(m for m in RUNNER_MODULES if m not in RESEARCHER_MODULES)
# Plain scripts, in this order: each adds to window.FVStore (store.js says which does what).
STORE_SCRIPTS = ("store.js", "store-outbox.js", "store-refused.js")
# Everything else the runner's pages load: the app's (static/) and this package's files.
APP_ASSETS = ("build/runner.css", "images/favicon.svg")
RUNNER_ASSETS = (*STORE_SCRIPTS, "runner/hold-submit.js", *RUNNER_MODULES, "img/charity.svg",
                 "img/speak.svg", "img/private.svg", "img/stop.svg", "img/listen.svg")


@lru_cache(maxsize=4)
def assets_stamp(app_static: str) -> str:
    """A hash of the files the runner's pages load, read once a process (a deploy restarts).

    The tablet's cache is named after it: new scripts are a new worker that fetches them all
    before it takes over, not one at a time (which mixed two releases' modules on a tablet).
    """
    digest = hashlib.sha256()
    paths = [Path(app_static) / n for n in APP_ASSETS] + [STATIC / n for n in RUNNER_ASSETS]
    for path in paths:
        digest.update(path.name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
    return digest.hexdigest()[:16]


def runner_cache() -> str:
    """The name of the tablet's cache for this release (sw.js, offline.json)."""
    return f"fv-runner-{assets_stamp(str(current_app.static_folder))}"


def _speech(version: SurveyVersion, page: str, question=None) -> tuple[str, str | None]:
    """The words 'Play' says on a page and its machine audio (None: the tablet's voice reads)."""
    org_name = current_app.config.get("ORG_NAME", "Forum Voice")
    keys = speech_keys(version, org_name, current_app.config["DATA_DIR"])
    if question is not None:
        key = keys.get(f"q{question.id}")
        say = service.read_aloud_text(question)
    else:
        key, say = keys.get(page), page_speech(version, org_name)[page]
    return say, key and url_for("runner.speech", key=key)


def take_part_url(version: SurveyVersion, urls: dict) -> str:
    """Where "Yes, I want to take part" goes before (or without) the page's script.

    The first question the skip logic shows with no answers yet (as nextUrl in context.js);
    "start=1" tells that page to begin a new participant's answers.
    """
    first = next((step for step in service.flow(version) if not step["showIf"]), None)
    return f"{urls['question']}{first['position']}?start=1" if first else urls["end"]


def render_page(template: str, version: SurveyVersion, urls: dict, preview: bool = False,
                **context):
    """Render a participant page; the builder's preview uses this too, so it looks the same."""
    # A form sent the browser's own way: script is off, so nothing could be kept (below).
    context.setdefault("not_saved", request.method == "POST")
    if template == "start":
        context["take_part_url"] = take_part_url(version, urls)
    if template in PAGES or template == "question":
        context["say"], context["speech_url"] = _speech(version, template, context.get("question"))
    if template == "stop":
        context["say_none"], context["speech_url_none"] = _speech(version, "stop_none")
    if template in ("question", "stop", "end"):
        context["text_max"], context["too_long"] = TEXT_MAX, TOO_LONG
        context["too_small"] = NUMBER_TOO_SMALL
        context["number_max"], context["too_big"] = NUMBER_MAX, NUMBER_TOO_BIG
        context["not_whole"] = NUMBER_NOT_WHOLE
    return render_template(
        f"surveys/run/{template}.html", version=version, urls=urls, preview=preview,
        flow=service.flow(version), total=len(version.questions),
        idle_seconds=current_app.config.get("SURVEY_KIOSK_IDLE_SECONDS", 180),
        store_scripts=STORE_SCRIPTS,
        runner_modules=RUNNER_MODULES if template == "home" else PARTICIPANT_MODULES,
        **context), 400 if context["not_saved"] else 200


# The participant's forms are posted (never sent in the address) and handled by script, which
# keeps answers on the tablet. With script off a form reaches these views as a POST: nothing in
# it is read or kept, and the page says so. Exempt from CSRF because nothing is changed; a
# stale token would otherwise show the participant's words on a staff "not saved" page.
PARTICIPANT_FORMS = ("GET", "POST")


@bp.route("/sw.js")
@public
def service_worker():
    """The service worker that keeps runner pages, pictures and audio for offline use."""
    script = (STATIC / "sw.js").read_text(encoding="utf-8").replace("fv-runner-@ASSETS@",
                                                                     runner_cache(), 1)
    response = current_app.response_class(script, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/run/"
    return response


@bp.route("/<int:version_id>/")
@allow(*ALL_STAFF)
def home(version_id):
    """Researcher page: set up this tablet, offline readiness, responses waiting, kiosk mode."""
    version = _published_or_404(version_id)
    return render_page("home", version, runner_urls(version))


@bp.route("/<int:version_id>/start")
@allow(*ALL_STAFF)
def start(version_id):
    """Easy Read start page: who asks, why, anonymous, can stop, and 'Yes, I want to take part'."""
    version = _published_or_404(version_id)
    return render_page("start", version, runner_urls(version))


@bp.route("/<int:version_id>/q/<int:position>", methods=PARTICIPANT_FORMS)
@allow(*ALL_STAFF)
@csrf.exempt
def question(version_id, position):
    """One question per page, the question as the heading."""
    version = _published_or_404(version_id)
    question = service.question_at(version, position) or abort(404)
    return render_page("question", version, runner_urls(version), question=question)


@bp.route("/<int:version_id>/end", methods=PARTICIPANT_FORMS)
@allow(*ALL_STAFF)
@csrf.exempt
def end(version_id):
    """Last page: thanks, then the researcher notes read-aloud and the member link, and saves."""
    version = _published_or_404(version_id)
    return render_page("end", version, runner_urls(version))


@bp.route("/<int:version_id>/stop", methods=PARTICIPANT_FORMS)
@allow(*ALL_STAFF)
@csrf.exempt
def stop(version_id):
    """'I want to stop': keep or delete the answers given so far."""
    version = _published_or_404(version_id)
    return render_page("stop", version, runner_urls(version))


@bp.route("/<int:version_id>/stopped")
@allow(*ALL_STAFF)
def stopped(version_id):
    """After stopping: what happened to the answers, and where to get support."""
    version = _published_or_404(version_id)
    return render_page("stopped", version, runner_urls(version))


@bp.route("/<int:version_id>/done")
@allow(*ALL_STAFF)
def done(version_id):
    """Thank-you page after saving; the screen is clear for the next person."""
    version = _published_or_404(version_id)
    return render_page("done", version, runner_urls(version))


@bp.route("/<int:version_id>/offline.json")
@allow(*ALL_STAFF)
def offline_manifest(version_id):
    """Every address the tablet must keep to run this version without a network."""
    version = _published_or_404(version_id)
    urls = runner_urls(version)
    pages = [urls[p] for p in PAGES] + [urls["home"]]
    pages += [url_for("runner.question", version_id=version.id, position=q.position)
              for q in version.questions]
    media = [url_for("runner.media", media_id=i) for i in service.media_ids(version)]
    media += [url_for("runner.speech", key=key) for key in sorted(set(speech_keys(
        version, current_app.config.get("ORG_NAME", "Forum Voice"),
        current_app.config["DATA_DIR"]).values()))]
    static = [url_for("static", filename=f) for f in APP_ASSETS]
    static += [url_for("surveys_assets.static", filename=f) for f in RUNNER_ASSETS]
    return jsonify({"version": version.id, "rules": page_rules(version),
                    "cache": runner_cache(), "urls": pages + media + static})


@bp.route("/media/<int:media_id>")
@allow(*ALL_STAFF)
def media(media_id):
    """A question's picture or recorded audio."""
    item = db.get_or_404(SurveyMedia, media_id)
    path = media_path(current_app.config["DATA_DIR"], item)
    if not path.exists():
        abort(404)
    return send_file(path, mimetype=item.content_type, conditional=True)


@bp.route("/speech/<key>.wav")
@allow(*ALL_STAFF)
def speech(key):
    """Machine read-aloud audio made by espeak-ng when the survey was published."""
    if len(key) != SPEECH_KEY_CHARS or not all(c in "0123456789abcdef" for c in key):
        abort(404)
    path = speech_path(current_app.config["DATA_DIR"], key)
    if not path.exists():
        abort(404)
    return send_file(path, mimetype="audio/wav", conditional=True, max_age=31536000)


@bp.route("/devices", methods=["POST"])
@allow(*ALL_STAFF)
def register():
    """Set up this tablet: a sync token for it, returned once as JSON (CSRF-checked)."""
    data = request.get_json(silent=True) or {}
    name = data["name"] if isinstance(data.get("name"), str) else ""
    try:
        device, token = register_device(name, current_user._get_current_object())
    except DeviceNameError as error:
        return jsonify({"error": str(error)}), 400  # shown under the name box (home.js)
    return jsonify({"id": device.id, "name": device.name, "token": token}), 201
