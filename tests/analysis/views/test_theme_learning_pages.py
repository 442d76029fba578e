"""Teaching a theme on its page: "Right theme", the count of confirmed examples, who placed what."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import BY_PERSON, Theme, ThemeSegment
from forum.access import Role
from forum.extensions import db
from forum.models.audit import AuditEvent


def first_theme():
    return db.session.scalars(select(Theme).order_by(Theme.position)).first()


def test_right_theme_makes_a_confirmed_example_and_the_pages_count_it(auth, analysed,
                                                                      consultation):
    auth.login(Role.POLICY_OFFICER)
    theme = first_theme()
    segment_id = theme.links[0].segment_id
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert "0 confirmed examples" in page and "Confirm 3 more" in page
    assert page.count(">Right theme<") == len(theme.links)
    assert f'action="/themes/{theme.id}/confirm"' in page
    assert "Grouped by the analysis" in page

    response = auth.client.post(f"/themes/{theme.id}/confirm", data={"segment_id": segment_id})
    assert response.status_code == 302 and response.location.endswith(f"#segment-{segment_id}")
    link = db.session.get(ThemeSegment, (theme.id, segment_id))
    db.session.refresh(link)
    assert link.placed_by == BY_PERSON
    event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == "segment_confirmed"

    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert "1 confirmed example." in page and "Confirm 2 more" in page
    assert "Confirmed by a person" in page
    assert page.count(">Right theme<") == len(theme.links) - 1
    index = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert "Placed by" in index
    # Only what placed some segments is said: nothing was learned yet, so no "0 learned".
    placed = index.split(f'data-placed="{theme.id}">')[1].split("</td>")[0]
    assert placed.startswith("1 confirmed by people<br>") and "learned" not in placed
    assert placed.endswith("by the analysis")


def test_right_theme_refuses_a_segment_of_another_theme(auth, analysed):
    auth.login(Role.FACILITATOR)
    first, second = db.session.scalars(select(Theme).order_by(Theme.position)).all()[:2]
    other = second.links[0].segment_id
    response = auth.client.post(f"/themes/{first.id}/confirm", data={"segment_id": other},
                                follow_redirects=True)
    assert "That segment is not in this theme" in response.get_data(as_text=True)
    assert db.session.get(ThemeSegment, (second.id, other)).placed_by != BY_PERSON


def test_right_theme_needs_a_staff_role_and_a_csrf_token(app, auth, analysed):
    theme = first_theme()
    segment_id = theme.links[0].segment_id
    auth.login(Role.PEER_RESEARCHER)
    assert auth.client.post(f"/themes/{theme.id}/confirm",
                            data={"segment_id": segment_id}).status_code == 403
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = auth.client.post(f"/themes/{theme.id}/confirm", data={"segment_id": segment_id})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    assert db.session.get(ThemeSegment, (theme.id, segment_id)).placed_by != BY_PERSON


def test_the_merge_form_says_its_segments_become_confirmed_examples(auth, analysed):
    # Merging made every segment of both themes "confirmed by people" (later runs learn from
    # them), but the form said only "Its segments join this theme": a new officer who merged
    # two themes found "30 confirmed examples" they never confirmed.
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{first_theme().id}").get_data(as_text=True)
    assert ("Its segments join this theme, which keeps its name. Every segment of both then "
            "counts as placed by you, so later runs keep them together.") in page
