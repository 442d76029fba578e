"""The tablet name form (renaming); its rules are surveys.services.devices.clean_name's."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField


class DeviceNameForm(FlaskForm):
    # No validators here: clean_name, shared with set-up on the tablet, says what is wrong.
    name = StringField("New name", widget=GovTextInput(),
                       description="So staff can tell it apart, like \u2018Hostel tablet 2\u2019.")
    submit = SubmitField("Rename it", widget=GovSubmitInput())
