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
        description="Names of people at the focus group or mentioned in it, one per line. "
                    "They are only used to find and remove them.",
        validators=[
            Length(max=5000, message="The list of names must be 5,000 characters or fewer")])
    submit = SubmitField("Upload transcript", widget=GovSubmitInput())


# The usual misses first; the order of ``LABELS`` settles overlaps, not what people pick.
CHOICE_ORDER = ("name", "place", "prison", "hostel", "hospital", "ID number", "phone", "email",
                "postcode", "NI number", "date of birth")


class AddRedactionForm(FlaskForm):
    turn = WholeNumberField("Turn number", validators=[
        InputRequired("Give the turn number"),
        NumberRange(min=1, message="Turns are numbered from 1")])
    words = StringField("Words to redact", widget=GovTextInput(), validators=[
        InputRequired("Type the words to redact, exactly as they appear"), Length(max=300)])
    # No default: left at [name], a missed town, prison or phone number went into analysis and
    # quotes labelled as a person (the first choice, [email], had been as easy to leave).
    label = SelectField(
        "Replace with", widget=GovSelect(),
        choices=[("", "Choose what the words are"),
                 *((name, f"[{name}]") for name in sorted(LABELS, key=CHOICE_ORDER.index))],
        default="", description="[place] for a town, street, estate or address; [prison], "
                                "[hostel] or [hospital] for a named one; [name] for a person.",
        validators=[InputRequired("Choose what to replace the words with, such as [name] or "
                                  "[place]")])
    everywhere = BooleanField("Everywhere in this transcript", widget=GovCheckboxInput())
    submit = SubmitField("Redact", widget=GovSubmitInput())
