"""Two-factor sign-in: the code step after the password, set-up, and recovery codes."""
from flask import Blueprint, Flask, g, redirect, render_template, request, session, url_for
from flask_login import current_user

from forum.access import ALL_STAFF, PUBLIC, Role, allow, allowed_roles_for
from forum.forms.accounts import CodeForm, ConfirmForm
from forum.forms.fields import add_error
from forum.security import LOGIN_LIMIT, fresh_login_required, is_fresh, limiter
from forum.services import audit
from forum.services import two_factor as service

bp = Blueprint("two_factor", __name__)

# Reachable while the code step is still owed; everything else sends the user to it.
GATE_OPEN = {"two_factor.code", "two_factor.setup", "auth.logout"}
SESSION_KEY = "two_factor_ok"
NEXT_KEY = "two_factor_next"


def code_owed() -> bool:
    """True when the signed-in user has typed their password but not yet a code."""
    return (current_user.is_authenticated and service.needs_code(current_user)
            and session.get(SESSION_KEY) != current_user.get_id())


def after_password(user, next_url: str):
    """Where to go once the password was right: the code step, set-up, or on."""
    if not service.needs_code(user):
        return redirect(next_url)
    session[NEXT_KEY] = next_url
    return redirect(url_for("two_factor.code" if user.two_factor_enrolled else "two_factor.setup"))


def _passed():
    session[SESSION_KEY] = current_user.get_id()
    return session.pop(NEXT_KEY, None) or url_for("home.index")


def code_rejected(_response) -> bool:
    """Only wrong codes count towards the limit (set-up answers 200 when it succeeds)."""
    return request.method == "POST" and g.get("code_rejected", False)


def _user_key() -> str:
    who = current_user.get_id() if current_user.is_authenticated else request.remote_addr
    return f"two-factor:{who}"


def gate():
    """Before-request hook: a user who owes a code can reach only the code and set-up pages."""
    from flask import current_app

    # Public pages first: they need no look at who is signed in (the tablets' API has no session).
    if request.endpoint is None or request.endpoint in GATE_OPEN:
        return None
    if allowed_roles_for(current_app, request.endpoint) == PUBLIC or not code_owed():
        return None
    return redirect(
        url_for("two_factor.code" if current_user.two_factor_enrolled else "two_factor.setup"))


@bp.route("/login/code", methods=["GET", "POST"])
@allow(*ALL_STAFF)
@limiter.limit(LOGIN_LIMIT, methods=["POST"], deduct_when=code_rejected)
@limiter.limit(LOGIN_LIMIT, methods=["POST"], key_func=_user_key, deduct_when=code_rejected)
def code():
    """Enter the 6-digit code from an authenticator app, or a recovery code."""
    user = current_user._get_current_object()
    if not code_owed():
        return redirect(url_for("home.index"))
    if not user.two_factor_enrolled:
        return redirect(url_for("two_factor.setup"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            used = service.check_code(user, form.code.data or "")
        except service.TwoFactorError as error:
            g.code_rejected = True
            audit.record("two_factor_failed", user, ip=request.remote_addr)
            add_error(form.code, str(error))
        else:
            audit.record("login", user, ip=request.remote_addr, second_factor=used)
            if used == "recovery":
                audit.record("recovery_code_used", user, ip=request.remote_addr,
                             left=service.recovery_codes_left(user))
            return redirect(_passed())
    return render_template("forum/auth/code.html", form=form)


@bp.route("/account/two-factor/setup", methods=["GET", "POST"])
@allow(*ALL_STAFF)
@limiter.limit(LOGIN_LIMIT, methods=["POST"], key_func=_user_key, deduct_when=code_rejected)
def setup():
    """Set up an authenticator app: QR code or key, confirmed with a code; recovery codes once."""
    user = current_user._get_current_object()
    if user.two_factor_enrolled:
        return redirect(url_for("two_factor.code" if code_owed() else "two_factor.manage"))
    service.start_enrolment(user)
    form = CodeForm()
    if form.validate_on_submit():
        try:
            codes = service.confirm_enrolment(user, form.code.data or "")
        except service.TwoFactorError as error:
            g.code_rejected = True
            add_error(form.code, str(error))
        else:
            audit.record("two_factor_enrolled", user, ip=request.remote_addr)
            return render_template("forum/auth/recovery_codes.html", codes=codes,
                                   next_url=_passed(),
                                   first_time=True)
    uri = service.provisioning_uri(user)
    return render_template("forum/auth/two_factor_setup.html", form=form, owed=code_owed(),
                           qr=service.qr_code_data_uri(uri), key=user.totp_secret)


@bp.route("/account/two-factor", methods=["GET"])
@allow(*ALL_STAFF)
def manage():
    """Your two-factor set-up: whether it is on and how many recovery codes are left."""
    user = current_user._get_current_object()
    return render_template("forum/auth/two_factor.html", user=user,
                           required=service.needs_code(user),
                           left=service.recovery_codes_left(user), form=ConfirmForm(),
                           fresh=is_fresh())  # whether "Make new recovery codes" asks first


@bp.route("/account/two-factor/recovery-codes", methods=["POST"])
@allow(*ALL_STAFF)
@fresh_login_required
def recovery_codes():
    """Replace your recovery codes with 10 new ones (the old ones stop working)."""
    user = current_user._get_current_object()
    form = ConfirmForm()
    if not user.two_factor_enrolled or not form.validate_on_submit():
        return redirect(url_for("two_factor.manage"))
    codes = service.new_recovery_codes(user)
    audit.record("recovery_codes_replaced", user, ip=request.remote_addr)
    return render_template("forum/auth/recovery_codes.html", codes=codes,
                           next_url=url_for("two_factor.manage"), first_time=False)


def init_app(app: Flask) -> None:
    for value in app.config.get("TWO_FACTOR_ROLES", ()):
        if value not in {role.value for role in Role}:
            raise RuntimeError(f"FORUM_TWO_FACTOR_ROLES: {value!r} is not a role. Use any of: "
                               + ", ".join(role.value for role in Role))
    # Runs before the role check so a half-signed-in user learns nothing from 403s.
    app.before_request(gate)
    app.register_blueprint(bp)

    @app.context_processor
    def two_factor_helpers():
        return {"code_owed": code_owed}
