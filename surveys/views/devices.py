"""Tablets: when each last sent responses; staff can rename one, admins can revoke one (it can
then send nothing)."""
from datetime import UTC, datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from forum.access import ALL_STAFF, Role, allow
from forum.extensions import db
from surveys.forms.builder import ConfirmForm
from surveys.forms.devices import DeviceNameForm
from surveys.models import SurveyDevice
from surveys.services.devices import DeviceNameError, list_devices, rename_device, revoke_device
from surveys.services.refusals import NOT_STORED, list_refusals
from surveys.views import bp

# What stopping a tablet leaves on it: said when asking and when done.
KEPT = "Responses still on it stay there until a researcher sets it up again."


def ago(when) -> str:
    """'5 minutes ago', '3 days ago': how long since a time."""
    if when is None:
        return "Never"
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = max(0, int((datetime.now(UTC) - when).total_seconds()))
    for size, name in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = seconds // size
            return ngettext(f"%(num)d {name} ago", f"%(num)d {name}s ago", n)
    return "Just now"


@bp.route("/devices")
@allow(*ALL_STAFF)
def devices():
    """Every tablet, when it last synced and how many responses it sent."""
    return render_template("surveys/devices.html", rows=list_devices(), ago=ago)


@bp.route("/devices/refused")
@allow(Role.ADMIN, Role.FACILITATOR)
def refusals():
    """Responses the server refused from tablets: when, which tablet, why, and if put right."""
    return render_template("surveys/refusals.html", rows=list_refusals(), ago=ago,
                           not_stored=NOT_STORED)


@bp.route("/devices/<int:device_id>/rename", methods=["GET", "POST"])
@allow(*ALL_STAFF)
def rename(device_id):
    """Change a tablet's name, by the rules it was set up with (everyone who sees the list may:
    a name is a label, and the researcher who set the tablet up knows it best)."""
    device = db.get_or_404(SurveyDevice, device_id)
    form = DeviceNameForm(name=device.name) if request.method == "GET" else DeviceNameForm()
    if form.validate_on_submit():
        try:
            old = rename_device(device, form.name.data or "")
        except DeviceNameError as error:
            form.name.errors = [str(error)]
        else:
            # The tablet keeps the name it was set up with on its own set-up page (it stores
            # it offline); say so rather than let a researcher think it changed there too.
            flash(f"\u2018{old}\u2019 is now called \u2018{device.name}\u2019. The tablet\u2019s "
                  "own set-up page still shows the name it was set up with.")
            return redirect(url_for("surveys.devices"))
    return render_template("surveys/rename_device.html", device=device, form=form)


@bp.route("/devices/<int:device_id>/revoke", methods=["GET", "POST"])
@allow(Role.ADMIN)
def revoke(device_id):
    """Stop a tablet sending (lost or stolen), asked first; it must be set up again to send."""
    device = db.get_or_404(SurveyDevice, device_id)
    if request.method == "GET":
        return render_template("surveys/revoke_device.html", device=device, form=ConfirmForm(),
                               kept=KEPT)
    if ConfirmForm().validate_on_submit():
        revoke_device(device, current_user._get_current_object())
        flash(f"\u2018{device.name}\u2019 can no longer send responses. {KEPT}")
    return redirect(url_for("surveys.devices"))
