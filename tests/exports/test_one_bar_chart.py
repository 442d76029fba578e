"""'What members raised most often' drawn as a chart of one bar when one theme was ticked."""
from dataclasses import replace

from exports.renderers import render_pdf
from exports.renderers.view import response_view
from exports.samples import sample_response

from .conftest import pdf_pages_text


def test_one_theme_gets_no_chart_nor_its_heading():
    doc = sample_response(1)
    doc = replace(doc, theme_figures=doc.theme_figures[:1])
    view = response_view(doc)
    assert "themes" not in [part.id for part in view.parts] and view.figures == ()
    assert "What members raised most often" not in " ".join(pdf_pages_text(render_pdf(doc)))


def test_two_themes_are_charted():
    doc = sample_response(1)
    doc = replace(doc, theme_figures=doc.theme_figures[:2])
    view = response_view(doc)
    assert "themes" in [part.id for part in view.parts] and len(view.figures) == 2


def test_the_draft_page_says_when_the_chart_is_drawn(forum, auth):
    from forum.access import Role

    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/consultations/{forum.consultation.id}/draft").get_data(as_text=True)
    assert "(drawn when 2 or more themes are ticked across the response)" in page
