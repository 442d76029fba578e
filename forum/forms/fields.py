"""Form fields shared by several forms."""
from datetime import date

from flask import has_request_context, request
from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import DateField, Field, IntegerField, PasswordField
from wtforms.validators import StopValidation

FIRST_YEAR, LAST_YEAR = 1900, 2200  # outside these a year is a typo


def strip(value):
    """A filter: spaces round a typed or pasted value are not part of it. With DataRequired
    (which reads the value after filters; InputRequired reads what was sent) a box of only
    spaces counts as empty."""
    return value.strip() if isinstance(value, str) else value


class DayMonthYearInput(GovDateInput):
    """GOV.UK date input that survives a post with missing or extra parts."""

    def map_gov_params(self, field, **kwargs):
        if field.raw_data is not None:
            field.raw_data = (list(field.raw_data) + ["", "", ""])[:3]
        return super().map_gov_params(field, **kwargs)


class DayMonthYearField(DateField):
    """A date typed as day, month and year boxes, with plain-English errors."""

    widget = DayMonthYearInput()

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%d %m %Y", **kwargs)

    def process_formdata(self, valuelist):
        parts = [(v or "").strip() for v in (list(valuelist) + ["", "", ""])[:3]]
        self.data = None
        if not any(parts):
            return
        if not all(parts):
            raise ValueError(f"{self.label.text} must include a day, month and year")
        try:
            day, month, year = (int(p) for p in parts)
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise ValueError
            self.data = date(year, month, day)
        except ValueError:
            raise ValueError(f"{self.label.text} must be a real date, like 27 3 2027") from None

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation(self.process_errors[0])


class WholeNumberField(IntegerField):
    """A whole number typed in a box; "ten" or "3.5" get a plain error, not WTForms' own."""

    def __init__(self, label=None, validators=None, example: int = 12, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.example = example

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(f"Type the {self.label.text.lower()} in figures, "
                             f"like {self.example}") from None


def add_error(field: Field, message: str) -> None:
    """Show ``message`` under ``field`` (a check made after the form validated).

    WTForms keeps a validated field's errors in a list, but its type stubs promise only a
    sequence, so the list is replaced rather than appended to.
    """
    field.errors = [*field.errors, message]


class TypedPasswordField(PasswordField):
    """A password as typed: the app's request drops bidi controls from every other field
    (``text_direction.TypedRequest``), and a password set or checked without them would not
    match the one typed. Reads the request's ``form_as_typed`` whatever the field's name."""

    def process_formdata(self, valuelist):
        typed = getattr(request, "form_as_typed", None) if has_request_context() else None
        if valuelist and typed is not None and self.name in typed:
            valuelist = typed.getlist(self.name)
            self.raw_data = valuelist
        super().process_formdata(valuelist)
