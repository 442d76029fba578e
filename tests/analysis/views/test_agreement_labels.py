"""The agreement result and the blind coding page name themes as the themes page does (a
suggestion says "Suggested:"): that is about the name, the same on every passage."""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.models import BY_SUGGESTION, Theme
from forum.access import Role
from forum.extensions import db
from tests.analysis.views.test_agreement import code_all, draw


def test_the_per_theme_table_marks_a_codebook_suggestion_as_the_themes_page_does(
        auth, analysed, consultation):
    # The themes page said "Suggested: Probation officers"; this table said only
    # "Probation officers", as if a person had kept the codebook's name.
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    # A segment the app links to no question is coded "none": an empty choice is refused and
    # left the sample unfinished whenever the random draw held one.
    done = code_all(auth, consultation, sample,
                    lambda s, app: (app[0], str(app[1]) if app[1] else "none"))
    assert done.headers["Location"].endswith(f"/agreement/{sample.id}"), "sample fully coded"
    theme = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)
                               .order_by(Theme.position)).first()
    theme.label_by = BY_SUGGESTION
    db.session.commit()

    html = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample.id}"
                           ).get_data(as_text=True)

    cells = re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', html)
    assert f"Suggested: {theme.label}" in cells
    assert theme.label not in cells


def test_the_blind_coding_page_marks_a_codebook_suggestion_as_the_themes_page_does(
        auth, analysed, consultation):
    # Other pages said "Suggested: Probation officers"; the blind page dropped the prefix, as if
    # a person had kept the name. The prefix is the same on every passage: it hints at nothing.
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    theme = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)
                               .order_by(Theme.position)).first()
    theme.label_by = BY_SUGGESTION
    db.session.commit()

    html = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample.id}/code"
                           ).get_data(as_text=True)

    assert f'for="theme-{theme.id}">Suggested: {theme.label}</label>' in html
    assert "it says nothing about this passage" in html
    assert '<h1 class="govuk-heading-l">Passage 1 of 30</h1>' in html  # not "Segment 1 of 30"
    assert not re.search(r"<input[^>]*checked", html)
