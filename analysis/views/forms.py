"""Transcript forms."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovFileInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from analysis.core.redact import LABELS
from forum.forms.fields import WholeNumberField


class UploadForm(FlaskForm):
    file = FileField("Transcript file", widget=GovFileInput(),
                     description="A .txt, .docx, .odt, .vtt (Teams or Zoom) or .srt file.")
    pasted = TextAreaField("Or paste the transcript", widget=GovTextArea(),
                           validators=[
                               Length(max=2_000_000, message="The pasted text is too long")])
    known_names = TextAreaField(
        "Real names to take out (optional)", widget=GovTextArea(),
        description="Names of people at the session or mentioned in it, one per line. "
                    "They are only used to find and remove them.",
        validators=[
            Length(max=5000, message="The list of names must be 5,000 characters or fewer")])
    submit = SubmitField("Upload transcript", widget=GovSubmitInput())


class AddRedactionForm(FlaskForm):
    turn = WholeNumberField("Turn number", validators=[
        InputRequired("Give the turn number"),
        NumberRange(min=1, message="Turns are numbered from 1")])
    words = StringField("Words to redact", widget=GovTextInput(), validators=[
        InputRequired("Type the words to redact, exactly as they appear"), Length(max=300)])
    # A missed name is the usual case; the first choice, [email], was easy to leave by mistake.
    label = SelectField("Replace with", choices=[(name, f"[{name}]") for name in LABELS],
                        default="name", widget=GovSelect())
    everywhere = BooleanField("Everywhere in this transcript", widget=GovCheckboxInput())
    submit = SubmitField("Redact", widget=GovSubmitInput())
