"""Issue #14 point 3: members per theme are counted once, the same on the page and in exports."""
from analysis.models import ThemeAlso
from analysis.services.safeguarding import flag_turn, record_review
from analysis.services.theme_store import refresh_stats
from exports.services.drafts import current_draft, response_document
from forum.access import Role
from forum.extensions import db
from forum.services.members import withdraw_consent


def _link(draft, theme):
    section = next(s for s in draft.sections if s.question.number == "2")
    section.theme_ids = [theme.id]
    db.session.commit()


def test_the_export_counts_a_themes_members_as_the_themes_page_does(forum):
    housing, care = forum.themes
    # Elm's words sit in no theme but are nearly as close to "Continuity of care": they count.
    db.session.add(ThemeAlso(theme_id=care.id, segment_id=forum.segments["Elm"].id))
    refresh_stats(forum.consultation.id)
    db.session.commit()
    draft = current_draft(forum.consultation.id)
    _link(draft, care)

    figure = response_document(draft).theme_figures[0]

    assert (figure.members, care.stats["members"]) == (4, 4)


def test_the_themes_page_stops_counting_a_member_who_withdraws(forum):
    housing = forum.themes[0]
    refresh_stats(forum.consultation.id)
    db.session.commit()
    assert housing.stats["members"] == 4

    withdraw_consent(forum.members["Quitter"], None)
    db.session.expire_all()

    assert housing.stats["members"] == 3
    _link(current_draft(forum.consultation.id), housing)
    assert response_document(current_draft(forum.consultation.id)).theme_figures[0].members == 3


def test_a_safeguarding_hold_recounts_the_theme_at_once(forum, users):
    housing = forum.themes[0]
    refresh_stats(forum.consultation.id)
    db.session.commit()
    assert (housing.stats["members"], housing.stats["segments"]) == (4, 4)
    turn = forum.segments["Fern"].turn

    flag_turn(turn, "Talks about self-harm", users[Role.FACILITATOR])
    db.session.expire_all()
    assert (housing.stats["members"], housing.stats["segments"]) == (3, 3)

    record_review(turn, users[Role.FACILITATOR], "not_a_risk", "Checked with Fern after the group.")
    db.session.expire_all()
    assert (housing.stats["members"], housing.stats["segments"]) == (4, 4)


def test_withdrawing_a_member_counted_only_as_nearly_as_close_recounts_the_theme(forum):
    care = forum.themes[1]
    db.session.add(ThemeAlso(theme_id=care.id, segment_id=forum.segments["Elm"].id))
    refresh_stats(forum.consultation.id)
    db.session.commit()
    assert care.stats["members"] == 4

    withdraw_consent(forum.members["Elm"], None)
    db.session.expire_all()

    assert care.stats["members"] == 3


def test_the_chart_of_what_members_raised_most_often_puts_the_most_first(forum):
    # It printed the themes in the order the draft first linked them: "6 of 8" above "7 of 8"
    # under the heading "What members raised most often".
    housing, care = forum.themes
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    section.theme_ids = [care.id, housing.id]  # the smaller first
    db.session.commit()
    figures = response_document(draft).theme_figures
    assert [(f.label, f.members) for f in figures] == [(housing.label, 4), (care.label, 3)]
