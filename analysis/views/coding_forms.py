"""Forms for the codebook editor and document uploads."""
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length


class CodebookEntryForm(FlaskForm):
    name = StringField("Name", widget=GovTextInput(),
                       validators=[
                           Length(max=120, message="The name must be 120 characters or fewer")])
    description = TextAreaField(
        "What the code means", widget=GovTextArea(),
        description="Say what belongs under this code, so everyone codes the same way.",
        validators=[Length(max=5000, message="The description must be 5,000 characters or fewer")])
    examples = TextAreaField(
        "Example phrases", widget=GovTextArea(),
        description="One per line, in the words people use: “I came out of prison with nowhere to "
                    "live”. Theme analysis uses them to find passages that say the same thing in "
                    "other words.",
        validators=[Length(max=20000, message="The examples must be 20,000 characters or fewer")])
    # The hint, with examples of each kind of term, is in codebook/edit.html.
    search_terms = TextAreaField("Search terms", widget=GovTextArea(),
                                 validators=[
                                     Length(max=20000,
                                            message="The search terms must be 20,000 characters or "
                                                    "fewer")])
    submit = SubmitField("Save code", widget=GovSubmitInput())


class DocumentUploadForm(FlaskForm):
    files = MultipleFileField(
        "Documents",
        description="PDF, Word (.docx) or text files; choose several at once if you like. "
                    "Scanned PDFs without text cannot be read.")
    submit = SubmitField("Upload documents", widget=GovSubmitInput())
