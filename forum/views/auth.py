"""Sign in, sign out, accept an invite, change password."""
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user

from forum.access import ALL_STAFF, allow, public
from forum.extensions import db
from forum.forms.accounts import (
    ChangePasswordForm,
    ConfirmForm,
    LoginForm,
    NewPasswordForm,
    ReauthForm,
)
from forum.forms.fields import add_error
from forum.security import LOGIN_LIMIT, limiter, login_account_key, login_attempt_failed, mark_fresh
from forum.services import accounts, audit, sign_ins, two_factor
from forum.services.passwords import verify_password
from forum.views import two_factor as two_factor_view
from forum.views.two_factor import after_password

bp = Blueprint("auth", __name__)


def begin_session(user) -> None:
    """A new session for ``user``, tied to a new server-side sign-in."""
    session.clear()
    session.permanent = True
    login_user(user)
    session[sign_ins.SESSION_KEY] = sign_ins.start(user.id, request.remote_addr)


def _safe_next(target: str | None) -> str:
    """Only follow a 'next' that stays on this site."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("home.index")


SIGN_IN_EMAIL = "sign_in_email"


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(LOGIN_LIMIT, methods=["POST"], deduct_when=login_attempt_failed)
@limiter.limit(LOGIN_LIMIT, methods=["POST"], key_func=login_account_key,
               deduct_when=login_attempt_failed)
def login():
    """Sign in with email and password."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if request.method == "GET" and SIGN_IN_EMAIL in session:
        form.email.data = session.pop(SIGN_IN_EMAIL)
    error = None
    if form.validate_on_submit():
        email = form.email.data or ""
        user = accounts.authenticate(email, form.password.data or "")
        if user:
            begin_session(user)
            mark_fresh()
            if not two_factor.needs_code(user):
                audit.record("login", user, ip=request.remote_addr)
            # Users who need a code are signed in only after the code step (forum.views.two_factor).
            return after_password(user, _safe_next(request.args.get("next")))
        audit.record("login_failed", ip=request.remote_addr, email=email[:254])
        error = "The email address or password is not right, or the account is disabled"
    return render_template("forum/auth/login.html", form=form, error=error)


@bp.route("/logout", methods=["POST"])
@public
def logout():
    """Sign out: this browser's sign-in ends on the server, so a copied cookie stops working."""
    sign_ins.end(session.get(sign_ins.SESSION_KEY))
    db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))


@bp.route("/account/sign-out-everywhere", methods=["POST"])
@allow(*ALL_STAFF)
def sign_out_everywhere():
    """End every sign-in of your account, on this and every other device."""
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("auth.change_password"))
    user = current_user._get_current_object()
    ended = accounts.end_sessions(user)
    audit.record("signed_out_everywhere", user, ip=request.remote_addr, sessions=ended)
    logout_user()
    session.clear()
    flash("You have signed out on every device.")
    return redirect(url_for("auth.login"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
@public
def accept_invite(token):
    """Set a password from an invite link."""
    try:
        user = accounts.user_from_invite(token, current_app.config["SECRET_KEY"])
    except accounts.AccountError as error:
        return render_template("forum/auth/invite_invalid.html", message=str(error)), 400
    form = NewPasswordForm(email=user.email)
    if form.validate_on_submit():
        accounts.set_password(user, form.password.data or "")
        flash("Your password is saved. You can now sign in.")
        # The sign-in page starts with their email filled in (kept in the signed session
        # cookie, never in the address): a new user's first sign-in asked for it again.
        session[SIGN_IN_EMAIL] = user.email
        return redirect(url_for("auth.login"))
    return render_template("forum/auth/invite.html", form=form, user=user)


@bp.route("/account/password", methods=["GET", "POST"])
@allow(*ALL_STAFF)
def change_password():
    """Change your own password."""
    form = ChangePasswordForm(email=current_user.email)
    if form.validate_on_submit():
        if not verify_password(current_user.password_hash, form.current.data or ""):
            add_error(form.current, "Your current password is not right")
        else:
            user = current_user._get_current_object()
            # Ends every sign-in, this one too.
            accounts.set_password(user, form.password.data or "")
            fresh_at = session.get("fresh_at")
            begin_session(user)  # ...so this browser carries on under a new one
            session["fresh_at"] = fresh_at
            session[two_factor_view.SESSION_KEY] = user.get_id()  # the code step was done
            flash("Your password has been changed. You have been signed out on other devices.")
            return redirect(url_for("home.index"))
    return render_template("forum/auth/change_password.html", form=form)


@bp.route("/account/confirm", methods=["GET", "POST"])
@allow(*ALL_STAFF)
@limiter.limit(LOGIN_LIMIT, methods=["POST"], deduct_when=login_attempt_failed)
def reauthenticate():
    """Type your password again before something that cannot be undone."""
    form = ReauthForm()
    if form.validate_on_submit():
        if verify_password(current_user.password_hash, form.password.data or ""):
            mark_fresh()
            return redirect(_safe_next(request.args.get("next")))
        add_error(form.password, "That password is not right")
    return render_template("forum/auth/reauth.html", form=form)
