"""A question that cannot be saved says each problem beside its field."""
import io
import re

from forum.access import Role
from tests.surveys.test_builder_views import PNG, question_form


def _error_before(page: str, field_id: str) -> str:
    """The error message shown in the form group of the field with this id."""
    group = re.search(r'<div class="govuk-form-group govuk-form-group--error">((?:(?!'
                      r'class="govuk-form-group).)*?)id="' + field_id + '"', page, re.S)
    assert group, f"no error beside {field_id}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", group.group(1)))


def test_each_problem_is_beside_its_field_and_the_picture_is_kept(auth, survey):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(choices="Only one"), "picture": (io.BytesIO(PNG), "house.png")},
        content_type="multipart/form-data")
    page = response.data.decode()
    assert response.status_code == 200
    # Both were one sentence at the top, with nothing marked beside the fields.
    assert "Give at least two choices, one on each line" in _error_before(page, "choices")
    assert "Describe the picture for people who cannot see it (alt text)" in _error_before(
        page, "picture_alt")
    # The picture is kept, not asked for again (tests/surveys/test_builder_views.py).
    assert "Choose the picture again" not in page
    assert "Picture chosen: <strong>house.png</strong>" in page
    # One summary at the top, linking to each field.
    assert page.count("govuk-error-summary__title") == 1
    assert 'href="#choices"' in page and 'href="#picture_alt"' in page


def test_a_file_that_cannot_be_used_is_named_beside_its_field(auth, survey):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(picture_alt="A house"),
        "picture": (io.BytesIO(b"<svg onload=alert(1)>"), "x.svg")},
        content_type="multipart/form-data")
    page = response.data.decode()
    assert "The picture must be a PNG, JPEG, GIF or WebP file" in _error_before(page, "picture")
    assert page.count("govuk-error-summary__title") == 1
