"""The agreement result names themes as the themes page does (a suggestion says "Suggested:");
the blind coding page gives the plain name, as any mark would hint at the machine's coding."""
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


def test_the_blind_coding_page_names_a_codebook_suggestion_plainly(auth, analysed, consultation):
    # "Suggested: Probation officers" on the blind page hinted at the machine's coding.
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    theme = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)
                               .order_by(Theme.position)).first()
    theme.label_by = BY_SUGGESTION
    db.session.commit()

    html = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample.id}/code"
                           ).get_data(as_text=True)

    assert f'for="theme-{theme.id}">{theme.label}</label>' in html
    assert "suggested" not in html.lower()
