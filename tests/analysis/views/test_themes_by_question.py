"""The themes page filtered by question: themes heard in answers to Qn, most first."""
from __future__ import annotations

from sqlalchemy import delete, select

from analysis.models import SegmentQuestionMap, Theme
from forum.access import Role
from forum.extensions import db


def test_filter_by_question_shows_only_its_themes_most_first(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    db.session.execute(delete(SegmentQuestionMap))  # only people's links, so counts are known
    themes = list(db.session.scalars(select(Theme).order_by(Theme.position)))
    big, small, other = themes[0], themes[1], themes[2]
    q1, q2 = consultation.questions[:2]
    for link in small.links:
        link.segment.question_id = q2.id
    for link in big.links[:1]:
        link.segment.question_id = q2.id
    for link in other.links:
        link.segment.question_id = q1.id
    db.session.commit()

    page = auth.client.get(
        f"/consultations/{consultation.id}/themes?question={q2.id}").get_data(as_text=True)
    assert f"Themes in answers to {q2.label}" in page
    table = page[page.index("<table"):page.index("</table>")]
    assert table.index(small.label) < table.index(big.label)  # more answers to Q2 first
    assert other.label not in table  # answered only Q1
    assert f"{len(small.links) + 1} segments answer {q2.label}" in page
    everything = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert f"{len(themes)} themes" in everything and other.label in everything
