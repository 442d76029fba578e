"""Why a survey question could not be saved, each problem shown beside its field."""
from forum.forms.fields import add_error

# Words in a problem (surveys.services.questions.check, media) and the field it is about.
# "alt text" before "picture": the alt-text problem names the picture too.
PROBLEM_FIELDS = (("Enter the question", "text"), ("choice", "choices"),
                  ("alt text", "picture_alt"), ("picture", "picture"), ("audio", "audio"),
                  ("Skip logic", "show_if"), ("earlier question offers", "show_if"))


def place_problems(form, problem: str) -> str | None:
    """Put each problem under its field; a recording chosen is asked for again (not kept).

    One sentence at the top naming two fields ("Give at least two choices. Describe the
    picture...") left people hunting for where to fix them.

    Returns:
        What fits no field, for the top of the page, or None.
    """
    left = []
    for sentence in problem.split(". "):  # SurveyError joins its problems with ". "
        name = next((field for words, field in PROBLEM_FIELDS if words in sentence), None)
        if name:
            add_error(getattr(form, name), sentence)
        else:
            left.append(sentence)
    # A picture is kept (the builder stores it at once); a recording is not yet.
    if getattr(form.audio.data, "filename", "") and not form.audio.errors:
        add_error(form.audio, "Choose the recording again: a file is not kept when something "
                              "else needs fixing")
    return ". ".join(left) or None
