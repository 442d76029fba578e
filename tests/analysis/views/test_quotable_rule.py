"""Issue #14 point 5: "quotable" is one rule (forum.services.segments.quotable_segments),
called by the theme page and the pin action, never copied as "the member may be quoted"."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import Theme
from forum.access import Role
from forum.extensions import db
from forum.models import Segment


def _first_theme() -> Theme:
    return db.session.scalars(select(Theme).order_by(Theme.position)).first()


def _flag(segment_id: int, cleared: bool) -> Segment:
    segment = db.session.get(Segment, segment_id)
    segment.risk_flagged, segment.quote_cleared = True, cleared
    db.session.commit()
    return segment


def test_words_waiting_for_a_safeguarding_choice_are_neither_shown_nor_offered_as_quotes(
        auth, analysed):
    auth.login(Role.FACILITATOR)
    theme = _first_theme()
    quoted = _flag(theme.quote_links[0].segment_id, cleared=False)
    other = next(link.segment_id for link in theme.links if link.quote_rank is None)
    flagged = _flag(other, cleared=False)

    html = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)

    quotes = html[html.index('id="quotes"'):html.index("segments</h2>")]
    assert quoted.text.replace("'", "&#39;") not in quotes
    assert f"> (segment {flagged.id})</span>" not in html  # no "Pin as a quote" button
    refused = auth.client.post(f"/themes/{theme.id}/quotes",
                               data={"segment_id": flagged.id, "action": "pin"})
    assert refused.status_code == 302
    db.session.expire_all()
    assert flagged.id not in {q.segment_id for q in _first_theme().quote_links}


def test_a_person_may_pin_flagged_words_once_quoting_them_was_chosen(auth, analysed):
    auth.login(Role.FACILITATOR)
    theme = _first_theme()
    cleared = _flag(next(link.segment_id for link in theme.links if link.quote_rank is None),
                    cleared=True)

    html = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert f"Pin as a quote<span class=\"govuk-visually-hidden\"> (segment {cleared.id})" in html
    auth.client.post(f"/themes/{theme.id}/quotes", data={"segment_id": cleared.id, "action": "pin"})
    db.session.expire_all()

    assert cleared.id in {q.segment_id for q in _first_theme().quote_links}
