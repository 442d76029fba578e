"""Segments that arrive after a run join its themes through the saved model (no re-run)."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import BY_JOINED, BY_MODEL, AnalysisRun, RunStatus, Theme, ThemeSegment
from analysis.services import theme_edits
from analysis.services.embeddings import queue_embedding
from analysis.services.theme_join import join_new_segments, theme_of_topic
from analysis.services.themes import start_run
from forum.access import Role
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services.segments import text_hash

HOUSING = "After my release the housing officer had no flat and no hostel bed for me."
CHATTER = "Oh yes, and me too."  # near no theme (the fake embedder knows none of it)


def _add(consultation, text, position):
    member = db.session.scalar(select(Member).where(Member.pseudonym == "Kestrel"))
    segment = Segment(consultation_id=consultation.id, source_type=SegmentSource.TRANSCRIPT,
                      source_id=77, position=position, member_id=member.id, text=text,
                      text_hash=text_hash(text))
    db.session.add(segment)
    db.session.commit()
    return segment.id


def _theme_of(segment_id):
    return db.session.scalar(select(ThemeSegment).where(ThemeSegment.segment_id == segment_id))


def test_new_segments_join_the_runs_themes_when_embedded(analysed, consultation, auth):
    runs_before = db.session.scalar(select(db.func.count(AnalysisRun.id)))
    housing_id, chatter_id = _add(consultation, HOUSING, 1), _add(consultation, CHATTER, 2)
    queue_embedding(consultation.id)  # jobs run inline: embedding, then joining
    db.session.expire_all()
    link = _theme_of(housing_id)
    assert link is not None and link.placed_by == BY_JOINED
    assert link.theme.code == "Housing and homelessness"
    # How sure the join is, kept with it: the calibrated similarity to the theme's centre.
    assert link.confidence is not None and 0 < link.confidence <= 1
    assert link.theme.stats["segments"] == len(link.theme.links)
    assert _theme_of(chatter_id) is None  # close to no theme: stays "Not grouped"
    assert db.session.scalar(select(db.func.count(AnalysisRun.id))) == runs_before
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{link.theme_id}").get_data(as_text=True)
    assert "Joined after the analysis" in page and HOUSING in page
    assert f'data-sure="{housing_id}">{round(link.confidence * 100)}% sure' in page
    # Nothing new: a second pass places nothing twice.
    assert join_new_segments(consultation.id) == 0


def test_a_full_rerun_replaces_joined_placements(analysed, consultation):
    housing_id = _add(consultation, HOUSING, 1)
    queue_embedding(consultation.id)
    start_run(consultation.id, None)
    db.session.expire_all()
    link = _theme_of(housing_id)
    assert link is not None and link.placed_by == BY_MODEL


def test_topics_follow_their_segments_into_merged_themes(analysed, consultation):
    run = db.session.get(AnalysisRun, analysed.id)
    themes = list(db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)
                                     .order_by(Theme.position)))
    before = theme_of_topic(run)
    assert sorted(before.values()) == sorted(t.id for t in themes)
    theme_edits.merge(themes[0], themes[1], None)
    kept = themes[0]
    db.session.commit()
    after = theme_of_topic(db.session.get(AnalysisRun, analysed.id))
    moved = [t for t, theme in before.items() if theme in (themes[0].id, themes[1].id)]
    assert {after[t] for t in moved} == {kept.id}


def test_nothing_joins_while_a_run_is_under_way(analysed, consultation):
    housing_id = _add(consultation, HOUSING, 1)
    db.session.add(AnalysisRun(consultation_id=consultation.id, status=RunStatus.RUNNING))
    db.session.commit()
    assert join_new_segments(consultation.id) == 0
    assert _theme_of(housing_id) is None


def test_the_theme_page_asks_to_check_an_unsure_join(analysed, consultation, auth):
    theme = next(t for t in db.session.scalars(select(Theme)) if len(t.links) >= 2)
    sure, unsure = theme.links[:2]
    sure.placed_by, sure.confidence = BY_JOINED, 0.91
    unsure.placed_by, unsure.confidence = BY_JOINED, 0.55
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)

    def row(segment_id):
        start = page.index(f'id="segment-{segment_id}"')
        return page[start:page.index("fv-evidence__actions", start)]

    assert "Joined after the analysis" in row(sure.segment_id)
    assert "91% sure" in row(sure.segment_id) and "Check</strong>" not in row(sure.segment_id)
    assert "55% sure" in row(unsure.segment_id) and "Check</strong>" in row(unsure.segment_id)


def test_the_counts_of_who_placed_what_include_joined_segments(analysed, consultation, auth):
    theme = next(t for t in db.session.scalars(select(Theme)) if len(t.links) >= 2)
    for link in theme.links[:2]:
        link.placed_by = BY_JOINED
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert f"Of its {len(theme.links)} segments:" in page
    assert "2 joined it after the analysis ran." in page
    listing = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    cell = listing[listing.index(f'data-placed="{theme.id}"'):]
    assert "2 joined since" in cell[:cell.index("</td>")]
