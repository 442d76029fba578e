"""Member and consent forms."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    RadioField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional, ValidationError

from forum.models.members import (
    AGE_BANDS,
    ETHNICITY_GROUPS,
    GENDERS,
    LIVED_EXPERIENCE,
    PSEUDONYM_MAX,
)


def _choices(values):
    return [(v, v) for v in values]


def new_pseudonym_hint(next_name: str) -> str:
    """The pseudonym hint when adding a member: a blank box takes the next number only when
    something else is filled in (a wholly blank form is refused)."""
    return (f"Leave blank to use the next number, \u2018{next_name}\u2019, as long as you fill "
            "in something else on this page. Or use a name the member chose. "
            "Never their real name.")


class MemberForm(FlaskForm):
    # Editing, a blank box keeps the pseudonym the member has; adding, see new_pseudonym_hint.
    pseudonym = StringField(
        "Pseudonym", widget=GovTextInput(),
        description="A name the member chose, or a number like \u2018Member 14\u2019. "
                    "Never their real name.",
        validators=[Length(max=PSEUDONYM_MAX,
                           message=f"Pseudonym must be {PSEUDONYM_MAX} characters or fewer")])
    age_band = RadioField("Age", choices=_choices(AGE_BANDS), widget=GovRadioInput(),
                          validators=[Optional()])
    gender = RadioField("Gender", choices=_choices(GENDERS), widget=GovRadioInput(),
                        validators=[Optional()])
    ethnicity_group = RadioField("Ethnic group", choices=_choices(ETHNICITY_GROUPS),
                                 widget=GovRadioInput(), validators=[Optional()])
    lived_experience = SelectMultipleField(
        "Lived experience", choices=list(LIVED_EXPERIENCE.items()),
        widget=GovCheckboxesInput(), validators=[Optional()],
        description="Select all that the member wants to share.")
    real_name = StringField(
        "Real name (optional)", widget=GovTextInput(),
        description="Only facilitators and admins can see this. It never leaves Forum Voice.",
        validators=[Length(max=200, message="Real name must be 200 characters or fewer")])
    contact = TextAreaField(
        "Contact details (optional)", widget=GovTextArea(),
        description="Only facilitators and admins can see this. It never leaves Forum Voice.",
        validators=[Length(max=1000, message="Contact details must be 1,000 characters or fewer")])
    submit = SubmitField("Save member", widget=GovSubmitInput())

    def is_blank(self) -> bool:
        """True when nothing was entered: no pseudonym, detail, name or contact (spaces count as
        nothing)."""
        typed = (self.pseudonym.data, self.real_name.data, self.contact.data)
        chosen = (self.age_band.data, self.gender.data, self.ethnicity_group.data,
                  self.lived_experience.data)
        return not any((text or "").strip() for text in typed) and not any(chosen)

    def validate_lived_experience(self, field):
        if "prefer_not" in (field.data or []) and len(field.data) > 1:
            raise ValidationError("Choose \u2018Prefer not to say\u2019 on its own, "
                                  "or the areas the member wants to share")


CONSENT_CHOICES = ("take_part", "may_quote", "may_quote_with_demographics", "audio_recording")


class ConsentForm(FlaskForm):
    # Each label finishes the legend "The member agrees to": read together, a sentence.
    take_part = BooleanField("Take part in forum research", widget=GovCheckboxInput())
    may_quote = BooleanField("Be quoted (by pseudonym, never by name)",
                             widget=GovCheckboxInput())
    may_quote_with_demographics = BooleanField(
        "Be quoted with demographic details, like \u2018a woman in her 30s\u2019",
        widget=GovCheckboxInput())
    audio_recording = BooleanField("Have their voice recorded (audio)", widget=GovCheckboxInput())
    # Not taking part is a decision, ticked like the others: with nothing ticked meaning it,
    # "Record consent" pressed by accident after adding a member recorded it without a word.
    declines = BooleanField("None of these: they do not take part", widget=GovCheckboxInput())
    note = TextAreaField("Note (optional)", widget=GovTextArea(),
                         description="For example: how consent was given, or what changed.",
                         validators=[
                             Length(max=1000, message="Note must be 1,000 characters or fewer")])
    submit = SubmitField("Record consent", widget=GovSubmitInput())

    def validate_take_part(self, field):
        if not self.declines.data and not any(getattr(self, name).data
                                              for name in CONSENT_CHOICES):
            raise ValidationError("Choose what the member agrees to, or \u2018None of these\u2019 "
                                  "if they do not take part")

    def validate_declines(self, field):
        if field.data and any(getattr(self, name).data for name in CONSENT_CHOICES):
            raise ValidationError("Choose \u2018None of these\u2019 on its own, or untick it "
                                  "and choose what the member agrees to")

    def validate_may_quote(self, field):
        if field.data and not self.take_part.data and not self.declines.data:
            raise ValidationError("A member can only be quoted if they agree to take part. Tick "
                                  "\u2018Take part in forum research\u2019 as well, or untick "
                                  "quoting")

    def validate_audio_recording(self, field):
        # record_consent keeps audio only with taking part: alone, it was recorded as
        # "Does not take part" without a word.
        if field.data and not self.take_part.data and not self.declines.data:
            raise ValidationError("A member\u2019s voice can only be recorded if they agree to "
                                  "take part")

    def validate_may_quote_with_demographics(self, field):
        if field.data and not self.may_quote.data and not self.declines.data:
            raise ValidationError(
                "Tick \u2018Be quoted\u2019 too, or untick demographic details")

    def taken_away(self, current) -> list[str]:
        """The names of the boxes the member had agreed to before and are unticked now."""
        if current is None or current.withdrawn:
            return []
        return [name for name in CONSENT_CHOICES
                if getattr(current, name) and not getattr(self, name).data]


class WithdrawForm(FlaskForm):
    note = TextAreaField("Reason or note (optional)", widget=GovTextArea(),
                         validators=[
                             Length(max=1000, message="Note must be 1,000 characters or fewer")])
    submit = SubmitField("Withdraw consent", widget=GovSubmitInput())


class EraseForm(FlaskForm):
    confirm = StringField("Type the member\u2019s pseudonym to confirm", widget=GovTextInput(),
                          validators=[Length(max=PSEUDONYM_MAX)])
    submit = SubmitField("Erase for good", widget=GovSubmitInput())
