"""Builder forms: a survey's details and one question."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from surveys.models import SPECIAL_CHOICES, QuestionKind

TEXT_MAX = 500


class SurveyForm(FlaskForm):
    consultation_id = SelectField("Consultation", coerce=int, widget=GovSelect(),
                                  validators=[InputRequired("Choose the consultation")])
    title = StringField("Title", widget=GovTextInput(), description="Participants see this first.",
                        validators=[InputRequired("Enter a title"),
                                    Length(max=200,
                                           message="Title must be 200 characters or fewer")])
    purpose = TextAreaField(
        "What the survey is for (optional)", widget=GovTextArea(),
        description="Shown on the start page, one idea per line. For example: \u2018We want to "
                    "hear "
                    "about life after prison.\u2019 If left blank, a standard sentence is used.",
        validators=[Optional(),
                    Length(max=TEXT_MAX, message=f"Keep it under {TEXT_MAX} characters")])
    submit = SubmitField("Save", widget=GovSubmitInput())


class QuestionForm(FlaskForm):
    kind = RadioField("Type of answer", choices=[(k.value, k.label) for k in QuestionKind],
                      default=QuestionKind.SINGLE_CHOICE.value, widget=GovRadioInput(),
                      validators=[InputRequired("Choose the type of answer")])
    text = TextAreaField("Question", widget=GovTextArea(),
                         description="Plain words, one idea. 15 words or fewer.",
                         validators=[InputRequired("Enter the question"),
                                     Length(max=TEXT_MAX,
                                         message=f"Keep the question under {TEXT_MAX} characters")])
    help_text = TextAreaField("Help text (optional)", widget=GovTextArea(),
                              validators=[Optional(), Length(max=TEXT_MAX)])
    choices = TextAreaField(
        "Choices", widget=GovTextArea(),
        description="One on each line. For \u2018Five faces\u2019, the words under each face "
                    "(blank for Very bad, Bad, OK, Good, Very good). Not used for other types.",
        validators=[Optional(), Length(max=3000)])
    extras = SelectMultipleField("Also offer", choices=list(SPECIAL_CHOICES.items()),
                                 widget=GovCheckboxesInput(), validators=[Optional()],
                                 description="For choice, yes or no and face questions.")
    answer_required = BooleanField(
        "The participant must answer this question", widget=GovCheckboxInput(),
        # Shown above the box: "Otherwise" came before what it was the otherwise of.
        description=("If this is not ticked, \u2018Next\u2019 with no answer asks "
                     "\u2018Skip this question?\u2019"))
    negative_allowed = BooleanField(
        "Negative numbers are allowed", widget=GovCheckboxInput(),
        description=("For \u2018A number\u2019 only. Leave it unticked for a count (people, "
                     "nights): the tablet then asks for \u2018a number of 0 or more\u2019."))
    decimals_allowed = BooleanField(
        "Decimals are allowed (like 2.5)", widget=GovCheckboxInput(),
        description=("For \u2018A number\u2019 only. Leave it unticked for a count (people, "
                     "nights): the tablet then asks for \u2018a whole number\u2019."))
    consultation_question_id = SelectField("Consultation question it answers", coerce=int,
                                           widget=GovSelect(), validators=[Optional()])
    show_if = SelectField("Show this question", widget=GovSelect(), validators=[Optional()])
    picture = FileField("Picture (optional)", widget=GovFileInput(),
                        description="PNG, JPEG, GIF or WebP, up to 5 MB.")
    picture_alt = StringField("Describe the picture (alt text)", widget=GovTextInput(),
                              description="Needed with a picture, for people who cannot see it.",
                              validators=[Optional(), Length(max=300)])
    # A picture sent with an earlier try of this form that was shown again with a problem: a
    # file box cannot be filled in again, so the stored picture's id rides along instead.
    picture_kept = HiddenField()
    remove_picture = BooleanField("Remove the picture", widget=GovCheckboxInput())
    audio = FileField("Recorded audio (optional)", widget=GovFileInput(),
                      description="MP3, WAV, Ogg, WebM or M4A, up to 10 MB. Played instead of the "
                                  "tablet\u2019s voice.")
    remove_audio = BooleanField("Remove the audio", widget=GovCheckboxInput())
    submit = SubmitField("Save question", widget=GovSubmitInput())


class ConfirmForm(FlaskForm):
    """A button-only form (publish, move, delete): CSRF protection only."""
