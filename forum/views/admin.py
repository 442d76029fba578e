"""Admin pages: invite users, change roles, disable and enable accounts."""
from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select

from forum.access import Role, allow
from forum.extensions import db
from forum.forms.accounts import ConfirmForm, InviteForm, RoleForm
from forum.forms.fields import add_error
from forum.models import User
from forum.security import fresh_login_required, is_fresh
from forum.services import accounts, audit, audit_names, retention, two_factor

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users")
@allow(Role.ADMIN)
def users():
    """List staff accounts."""
    rows = db.session.scalars(select(User).order_by(User.active.desc(), User.name))
    return render_template("forum/admin/users.html", users=list(rows))


@bp.route("/users/invite", methods=["GET", "POST"])
@allow(Role.ADMIN)
def invite():
    """Create an account and show the invite link to pass on."""
    form = InviteForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_user(form.email.data or "", form.name.data or "",
                                       Role(form.role.data))
        except accounts.AccountError as error:
            add_error(form.email, str(error))
        else:
            audit.record("user_invited", current_user, user, ip=request.remote_addr,
                         role=user.role.value)
            flash(f"{user.name} ({user.email}) is invited as {user.role.with_article}. Nothing "
                  "has been sent to them: give them the invite link below.")
            return redirect(url_for("admin.user", user_id=user.id))
    return render_template("forum/admin/invite.html", form=form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@allow(Role.ADMIN)
def user(user_id):
    """One account: role, status and a fresh invite link if no password is set."""
    target = db.get_or_404(User, user_id)
    form = RoleForm(role=target.role.value)
    if form.validate_on_submit():
        try:
            accounts.set_role(target, Role(form.role.data), current_user)
        except accounts.AccountError as error:
            add_error(form.role, str(error))
        else:
            audit.record("role_changed", current_user, target, ip=request.remote_addr,
                         role=target.role.value)
            if not target.active:  # no sign-ins and no link to speak of
                flash(f"{target.name} is now: {target.role.label}.")
            elif target.has_password and target.last_login_at is not None:
                flash(f"{target.name} is now: {target.role.label}. They have been signed out and "
                      "will have the new role when they sign in again.")
            elif target.has_password:  # never signed in: nothing to sign out of
                flash(f"{target.name} is now: {target.role.label}. They will have the new role "
                      "when they sign in.")
            else:
                flash(f"{target.name} is now: {target.role.label}. The invite link you gave them "
                      f"still works: they will sign in as {target.role.with_article}.")
            return redirect(url_for("admin.user", user_id=target.id))
    invite_url = None
    if target.active and not target.has_password:  # disabling withdraws the invite
        token = accounts.make_invite_token(target, current_app.config["SECRET_KEY"])
        invite_url = url_for("auth.accept_invite", token=token, _external=True)
    return render_template("forum/admin/user.html", target=target, form=form,
                           invite_url=invite_url, toggle=ConfirmForm(),
                           sets_up_code=target.role in two_factor.required_roles(),
                           # Whether "Reset two-factor sign-in" asks for a password first.
                           fresh=is_fresh())


@bp.route("/users/<int:user_id>/active", methods=["GET", "POST"])
@allow(Role.ADMIN)
def toggle_active(user_id):
    """Disable (after "Are you sure?") or re-enable an account; never your own."""
    target = db.get_or_404(User, user_id)
    form = ConfirmForm()
    if target.id == current_user.id and target.active:
        flash("You cannot disable your own account. Another admin can.", "error")
        return redirect(url_for("admin.user", user_id=target.id))
    if request.method == "GET" or (target.active and request.form.get("confirm") != "yes"):
        if not target.active:  # enabling takes nothing away: no question to ask
            return redirect(url_for("admin.user", user_id=target.id))
        if request.method == "POST":  # one press on an old page: ask first
            return redirect(url_for("admin.toggle_active", user_id=target.id))
        return render_template("forum/admin/disable.html", target=target, form=form)
    if form.validate_on_submit():
        try:
            notes = accounts.set_active(target, not target.active, current_user)
        except accounts.AccountError as error:
            flash(str(error), "error")
        else:
            audit.record("user_enabled" if target.active else "user_disabled", current_user, target,
                         ip=request.remote_addr, also=notes)
            flash(" ".join([f"{target.name}\u2019s account is now "
                            f"{'enabled' if target.active else 'disabled'}."] + notes))
    return redirect(url_for("admin.user", user_id=target.id))


@bp.route("/users/<int:user_id>/two-factor/reset", methods=["POST"])
@allow(Role.ADMIN)
@fresh_login_required
def reset_two_factor(user_id):
    """Remove someone's two-factor set-up (lost phone); they set it up again at next sign-in."""
    target = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        two_factor.reset(target)
        audit.record("two_factor_reset", current_user, target, ip=request.remote_addr)
        flash(f"{target.name}\u2019s two-factor sign-in has been reset. They have been signed out "
              "and will set it up again when they next sign in.")
    return redirect(url_for("admin.user", user_id=target.id))


@bp.route("/audit")
@allow(Role.ADMIN)
def audit_log():
    """The newest audit events: who viewed, changed, exported or erased what."""
    action = request.args.get("action") or None
    days = current_app.config["RETENTION_DAYS"]
    events = audit.recent_events(action=action)
    return render_template("forum/admin/audit.html", events=events,
                           targets=audit_names.targets(events),
                           people=audit_names.people(events),
                           actions=audit.ACTIONS, chosen=action, describe=audit.describe,
                           kept=retention.kept_for_review(days), retention_days=days)


@bp.route("/audit.csv")
@allow(Role.ADMIN)
def audit_csv():
    """Download the whole audit log as CSV."""
    audit.record("audit_exported", current_user, ip=request.remote_addr)
    return Response(audit.events_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=audit-log.csv"})
