"""Login, invite and user-administration forms."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, StringField, SubmitField
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    ValidationError,
)

from forum.access import ROLE_LABELS
from forum.forms.fields import TypedPasswordField, strip
from forum.services.passwords import password_problem

ROLE_CHOICES = [(role.value, label) for role, label in ROLE_LABELS.items()]


class LoginForm(FlaskForm):
    email = StringField("Email address", widget=GovTextInput(), validators=[
        InputRequired("Enter your email address"), Length(max=254)])
    password = TypedPasswordField("Password", widget=GovPasswordInput(), validators=[
        InputRequired("Enter your password"), Length(max=128)])
    submit = SubmitField("Sign in", widget=GovSubmitInput())


def _new_password() -> TypedPasswordField:
    return TypedPasswordField("New password", widget=GovPasswordInput(), validators=[
        InputRequired("Enter a password")])


def _confirm() -> TypedPasswordField:
    return TypedPasswordField("Confirm new password", widget=GovPasswordInput(), validators=[
        InputRequired("Enter the password again"),
        EqualTo("password", "The two passwords do not match")])


class _PasswordRules:
    """The new password's checks, shared by the invite and change-password forms."""

    _email = ""

    def validate_password(self, field):
        problem = password_problem(field.data or "", self._email)
        if problem:
            raise ValidationError(problem)


class NewPasswordForm(_PasswordRules, FlaskForm):
    password = _new_password()
    confirm = _confirm()
    submit = SubmitField("Save password", widget=GovSubmitInput())

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._email = email


class ChangePasswordForm(NewPasswordForm):
    # WTForms orders fields as they were made: made here, after the current password, the new
    # ones follow it in the error summary as they do on the page (they came first before).
    current = TypedPasswordField("Current password", widget=GovPasswordInput(), validators=[
        InputRequired("Enter your current password")])
    password = _new_password()
    confirm = _confirm()
    submit = SubmitField("Save password", widget=GovSubmitInput())


class InviteForm(FlaskForm):
    # DataRequired, not InputRequired: it reads the stripped value, so "   " is no name.
    name = StringField("Full name", widget=GovTextInput(), filters=[strip], validators=[
        DataRequired("Enter the person's name"),
        Length(max=120, message="Name must be 120 characters or fewer")])
    email = StringField("Email address", widget=GovTextInput(), filters=[strip], validators=[
        DataRequired("Enter an email address"),
        Email("Enter an email address in the right format, like name@example.org"),
        Length(max=254)])
    role = RadioField("Role", choices=ROLE_CHOICES, widget=GovRadioInput(), validators=[
        InputRequired("Choose a role")])
    submit = SubmitField("Create invite", widget=GovSubmitInput())


class RoleForm(FlaskForm):
    role = RadioField("Role", choices=ROLE_CHOICES, widget=GovRadioInput(), validators=[
        InputRequired("Choose a role")])
    submit = SubmitField("Save role", widget=GovSubmitInput())


class ConfirmForm(FlaskForm):
    """An empty form: a button whose POST carries the CSRF token."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())


class ReauthForm(FlaskForm):
    password = TypedPasswordField("Your password", widget=GovPasswordInput(), validators=[
        InputRequired("Enter your password")])
    submit = SubmitField("Continue", widget=GovSubmitInput())


class CodeForm(FlaskForm):
    code = StringField("Code", widget=GovTextInput(), validators=[
        InputRequired("Enter the 6-digit code from your authenticator app"), Length(max=64)])
    submit = SubmitField("Continue", widget=GovSubmitInput())
