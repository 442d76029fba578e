"""Forms of the theme pages (CSRF on every one)."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextInput
from wtforms import HiddenField, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from analysis.services.search import NOT_GROUPED
from analysis.services.theme_edits import LABEL_MAX


class RenameForm(FlaskForm):
    label = StringField("Theme name", widget=GovTextInput(), validators=[
        InputRequired("Enter a name for the theme"),
        Length(max=LABEL_MAX, message=f"The name must be {LABEL_MAX} characters or fewer")])
    submit = SubmitField("Rename", widget=GovSubmitInput())


class MoveForm(FlaskForm):
    """Move one segment; ``to`` is a theme id or "none" for Not grouped."""

    to = SelectField("Move to", widget=GovSelect(),
                     validators=[InputRequired("Choose where to move it")])
    next = HiddenField()
    submit = SubmitField("Move", widget=GovSubmitInput())


def theme_id_or_none(value):
    """The chosen theme's id; None for the list's "Choose a theme"."""
    return None if value in ("", None) else int(value)


class MergeForm(FlaskForm):
    # Starts on "Choose a theme": a press of the button to see what it does merges nothing.
    other = SelectField("Merge with", coerce=theme_id_or_none, widget=GovSelect(),
                        validators=[InputRequired("Choose a theme to merge with")])
    submit = SubmitField("Merge into this theme", widget=GovSubmitInput())


class SplitForm(FlaskForm):
    fingerprint = HiddenField()
    submit = SubmitField("Split the theme", widget=GovSubmitInput())


class SearchForm(FlaskForm):
    """A GET form: no CSRF needed, nothing changes."""

    class Meta:
        csrf = False

    q = StringField("What are you looking for?", widget=GovTextInput(),
                    # One plain line; the syntax is under "How to search" (themes/search.html).
                    description="Type words or a question, like: what did members say "
                                "about breach?",
                    validators=[
                        Length(max=300, message="Keep the search to 300 characters or fewer")])
    # Unknown filter values simply match nothing, so a hand-edited URL is no error.
    source = SelectField("Source", widget=GovSelect(), validate_choice=False)
    question = SelectField("Question", widget=GovSelect(), validate_choice=False)
    theme = SelectField("Theme", widget=GovSelect(), validate_choice=False)
    group = SelectField("Group", widget=GovSelect(), validate_choice=False)
    # Words too common to search for are the view's to judge (``analysis.views.search``):
    # search by meaning still runs on them, and only the view knows whether it answered.
    submit = SubmitField("Search", widget=GovSubmitInput())


def merge_choices(themes, current_id) -> list[tuple[str, str]]:
    """Args: themes, this theme's id. Returns: "Choose a theme" and the others, or none."""
    others = [(str(t.id), t.shown_label) for t in themes if t.id != current_id]
    return [("", "Choose a theme"), *others] if others else []


def move_choices(themes, current_id=None) -> list[tuple[str, str]]:
    """Args: themes, the segment's current theme id. Returns: (value, label) choices."""
    return ([(str(t.id), t.shown_label) for t in themes if t.id != current_id]
            + [(NOT_GROUPED, "Not grouped")])
