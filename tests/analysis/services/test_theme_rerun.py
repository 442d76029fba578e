"""A re-run proposes themes again and keeps what people decided where segments are the same."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import BY_PERSON, Theme, ThemeSegment, UngroupedSegment
from analysis.services import theme_edits as edits
from analysis.services.themes import start_run
from forum.extensions import db
from forum.models import Segment, SegmentSource
from forum.services.segments import text_hash


def themes_by_id():
    return {t.id: t for t in db.session.scalars(select(Theme).order_by(Theme.position))}


def theme_of(segment_id):
    link = db.session.scalar(select(ThemeSegment).where(ThemeSegment.segment_id == segment_id))
    return link.theme_id if link else None


def test_rerun_keeps_names_moves_quotes_and_checked(analysed, consultation, users):
    from forum.access import Role

    user = users[Role.FACILITATOR]
    themes = list(themes_by_id().values())
    first, second = themes[0], themes[1]
    edits.rename(first, "Nowhere to live after prison", user)
    moved, dropped, *_ = [link.segment_id for link in first.links if link.quote_rank is None]
    edits.move_segment(consultation.id, moved, second, user)
    edits.move_segment(consultation.id, dropped, None, user)
    quote = first.quote_links[0].segment_id
    edits.unpin_quote(first, quote, user)
    pinned = next(link.segment_id for link in second.links
                  if link.quote_rank is None and link.segment.member.may_quote)
    edits.pin_quote(second, pinned, user)
    edits.set_checked(first, True, user)
    edits.set_checked(second, True, user)
    first_id, second_id = first.id, second.id

    start_run(consultation.id, None)
    db.session.expire_all()
    after = themes_by_id()
    assert after[first_id].label == "Nowhere to live after prison"
    assert after[first_id].label_by == BY_PERSON
    assert theme_of(moved) == second_id
    assert db.session.get(ThemeSegment, (second_id, moved)).placed_by == BY_PERSON
    assert theme_of(dropped) is None
    assert db.session.get(UngroupedSegment, dropped) is not None
    assert db.session.get(ThemeSegment, (first_id, quote)).quote_rank is None
    assert db.session.get(ThemeSegment, (second_id, pinned)).quote_rank is not None
    assert after[first_id].checked_at is not None and after[second_id].checked_at is not None


def test_checked_is_cleared_when_a_rerun_changes_the_segments(analysed, consultation, users):
    from forum.access import Role

    housing = next(t for t in themes_by_id().values() if t.code == "Housing and homelessness")
    edits.set_checked(housing, True, users[Role.POLICY_OFFICER])
    member_id = housing.links[0].segment.member_id
    text = "I was homeless after release and the council housing office had no flat for me."
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY,
                           source_id=5, position=999, member_id=member_id, text=text,
                           text_hash=text_hash(text)))
    db.session.commit()
    start_run(consultation.id, None)
    db.session.expire_all()
    housing = db.session.get(Theme, housing.id)
    assert housing is not None and housing.checked_at is None


def test_rerun_with_nothing_changed_gives_the_same_themes(analysed, consultation):
    before = {t.id: (t.label, [link.segment_id for link in t.links])
              for t in themes_by_id().values()}
    start_run(consultation.id, None)
    db.session.expire_all()
    after = {t.id: (t.label, [link.segment_id for link in t.links])
             for t in themes_by_id().values()}
    assert after == before


def test_a_merge_survives_the_next_run(analysed, consultation, users):
    # Only the merged-in theme's segments were kept as people's: the next run took the
    # surviving theme's own segments back out, and the two themes were apart again.
    from forum.access import Role

    themes = list(themes_by_id().values())
    keep, other = themes[0], themes[1]
    together = {link.segment_id for link in keep.links} | {link.segment_id for link in other.links}
    edits.merge(keep, other, users[Role.POLICY_OFFICER])
    keep_id = keep.id
    # Merging is a person's decision about every segment of both themes, as applying a split is.
    assert {link.placed_by for link in keep.links} == {BY_PERSON}
    start_run(consultation.id, None)
    db.session.expire_all()
    assert {theme_of(s) for s in together} == {keep_id}


def test_a_merged_themes_name_survives_the_next_run(analysed, consultation, users):
    # A person merged "Probation officers" into another theme; the next run renamed the
    # surviving theme "Proof of address". The merge form says the theme "keeps its name".
    from analysis.models import BY_MODEL
    from forum.access import Role

    themes = list(themes_by_id().values())
    keep, other = themes[0], themes[1]
    keep.label, keep.label_by = "Probation officers", BY_MODEL
    db.session.commit()
    edits.merge(keep, other, users[Role.POLICY_OFFICER])
    keep_id = keep.id
    assert keep.label_by == BY_PERSON
    start_run(consultation.id, None)
    db.session.expire_all()
    survivor = themes_by_id()[keep_id]
    assert (survivor.label, survivor.label_by) == ("Probation officers", BY_PERSON)
