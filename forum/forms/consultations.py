"""Consultation and focus-group session forms."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from forum.forms.fields import DayMonthYearField, strip
from forum.models.consultations import TITLE_MAX, ConsultationStatus
from forum.services.questions import MAX_QUESTION_CHARS, QuestionListError, parse_questions


class ConsultationForm(FlaskForm):
    title = StringField("Title", widget=GovTextInput(), filters=[strip], validators=[
        DataRequired("Enter the consultation\u2019s title"),
        Length(max=TITLE_MAX, message=f"Title must be {TITLE_MAX} characters or fewer")])
    consulting_body = StringField("Who is consulting", widget=GovTextInput(), filters=[strip],
                                  description="For example: Ministry of Justice",
                                  validators=[DataRequired("Enter who is consulting"),
                                              Length(max=200,
                                                     message="Must be 200 characters or fewer")])
    deadline = DayMonthYearField("Deadline", validators=[Optional()],
                         description="For example, 27 3 2027")
    link = StringField("Link to the consultation (optional)", widget=GovTextInput(),
                       validators=[Optional(), Length(max=500),
                                   URL(message="Enter a full web address starting with https://")])
    status = RadioField("Status", choices=[(s.value, s.label) for s in ConsultationStatus],
                        default=ConsultationStatus.OPEN.value, widget=GovRadioInput(),
                        validators=[InputRequired("Choose a status")])
    questions = TextAreaField(
        "Questions", widget=GovTextArea(),
        description="Paste the consultation\u2019s questions. Start each one with its number, like "
                    "\u2018Q8. What can central government do\u2026?\u2019 or \u20188) "
                    "\u2026\u2019. A question can run over several lines. Gaps in numbering are "
                    "kept. Chapter and part headings, like \u2018Chapter 3: Employment\u2019, "
                    "become the response\u2019s sections.",
        validators=[InputRequired("Paste the consultation\u2019s questions")])
    preview = SubmitField("Preview sections and questions", widget=GovSubmitInput())
    submit = SubmitField("Save consultation", widget=GovSubmitInput())

    parsed_questions: list = []

    @classmethod
    def for_consultation(cls, consultation, questions_text: str):
        """The form filled from a saved consultation: status as its value, questions as text."""
        return cls(data={
            "title": consultation.title, "consulting_body": consultation.consulting_body,
            "deadline": consultation.deadline, "link": consultation.link,
            "status": consultation.status.value, "questions": questions_text})

    def validate_questions(self, field):
        try:
            self.parsed_questions = parse_questions(field.data or "")
        except QuestionListError as error:
            raise ValidationError(". ".join(error.problems)) from None


class SessionForm(FlaskForm):
    title = StringField("Name of the focus group", widget=GovTextInput(), filters=[strip],
                        validators=[DataRequired("Enter a name for the focus group"),
                                    Length(max=200,
                                           message="Name must be 200 characters or fewer")])
    consultation_id = SelectField("Consultation", coerce=int, widget=GovSelect(),
                                  validators=[InputRequired("Choose a consultation")])
    held_on = DayMonthYearField("Date", validators=[
        InputRequired("Enter the date of the focus group")], description="For example, 14 10 2026")
    area = StringField("Area (broad only)", widget=GovTextInput(),
                       description="A city, borough or region, like \u2018South London\u2019. "
                                   "Never a venue or address.",
                       validators=[Length(max=100, message="Area must be 100 characters or fewer")])
    facilitator_id = SelectField("Facilitator", coerce=int, widget=GovSelect(),
                                 validators=[Optional()])
    member_ids = SelectMultipleField("Members who attended", coerce=int,
                                     widget=GovCheckboxesInput(), validators=[Optional()])
    submit = SubmitField("Save focus group", widget=GovSubmitInput())


class QuestionForm(FlaskForm):
    """Add or change one question of a consultation."""

    number = StringField("Question number", widget=GovTextInput(),
                         description="The consultation\u2019s own number, like 8 or 12a",
                         validators=[InputRequired("Enter the question\u2019s number"),
                                     Regexp(r"^\s*[Qq]?\s*\d{1,4}[a-zA-Z]?\s*$",
                                            message="Enter a number like 8 or 12a")])
    text = TextAreaField("Question", widget=GovTextArea(), filters=[strip], validators=[
        DataRequired("Enter the question"),
        Length(max=MAX_QUESTION_CHARS,
               message=f"The question must be {MAX_QUESTION_CHARS:,} characters or fewer")])
    section_id = SelectField("Section", coerce=int, widget=GovSelect(), validators=[Optional()])
    submit = SubmitField("Save question", widget=GovSubmitInput())

    def set_sections(self, sections) -> None:
        self.section_id.choices = [(0, "No section")] + [(s.id, s.heading) for s in sections]
