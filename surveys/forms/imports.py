"""CSV import forms."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSelect, GovSubmitInput
from wtforms import SelectField, SubmitField
from wtforms.validators import InputRequired


class UploadForm(FlaskForm):
    consultation_id = SelectField("Consultation", coerce=int, widget=GovSelect(),
                                  validators=[InputRequired("Choose the consultation")])
    file = FileField("CSV file", widget=GovFileInput(),
                     description="Exported from another survey tool, saved as CSV UTF-8. The first "
                                 "row must hold the column headings.")
    submit = SubmitField("Upload", widget=GovSubmitInput())


class MappingForm(FlaskForm):
    """Columns are chosen with fields named in the template; this carries the CSRF token."""
