"""Themes learn from people's decisions: a re-run follows them, then the classifier they taught."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import (
    BY_LEARNED,
    BY_MODEL,
    BY_PERSON,
    CodebookEntry,
    CodingDecision,
    Decision,
    Theme,
    ThemeSegment,
)
from analysis.services import theme_edits as edits
from analysis.services import theme_history as history
from analysis.services import theme_learning as learning
from analysis.services import theme_split as splitting
from analysis.services.themes import start_run
from forum.access import Role
from forum.extensions import db
from forum.models import Segment

TRAVEL = ("bus fare", "Two buses", "walk it is", "travel costs", "bus pass")


def links():
    """{segment id: (theme id, placed_by)} for every grouped segment."""
    return {link.segment_id: (link.theme_id, link.placed_by)
            for link in db.session.scalars(select(ThemeSegment))}


def theme_holding(segment_id):
    return db.session.get(Theme, links()[segment_id][0])


def travel_ids():
    rows = db.session.scalars(select(Segment).order_by(Segment.id))
    return [s.id for s in rows if any(words in s.text for words in TRAVEL)]


def test_a_theme_taught_by_moves_takes_segments_like_them_on_a_rerun(analysed, consultation,
                                                                      users):
    """The officer files bus fares under breach: three moves teach it, the rest follow."""
    user = users[Role.POLICY_OFFICER]
    travel = travel_ids()
    breach = next(t for t in db.session.scalars(select(Theme)) if t.code and "reach" in t.code)
    assert all(links()[s][0] != breach.id for s in travel), "fixture: travel is not breach"
    taught, rest = travel[:3], travel[3:]
    for segment_id in taught:
        edits.move_segment(consultation.id, segment_id, breach, user)
    breach_id = breach.id
    before = links()
    assert all(before[s][0] != breach_id for s in rest)

    start_run(consultation.id, None)
    db.session.expire_all()
    after = links()
    assert db.session.get(Theme, breach_id) is not None  # the taught theme keeps its identity
    assert all(after[s] == (breach_id, BY_PERSON) for s in taught)
    moved = [s for s in rest if after.get(s, (None,))[0] == breach_id]
    assert moved, "the classifier placed none of the other travel segments with the examples"
    assert all(after[s][1] == BY_LEARNED for s in moved)
    counts = learning.placement_counts(learning.placements(consultation.id, [breach]))[breach_id]
    assert counts[BY_PERSON] == 3 and counts[BY_LEARNED] >= len(moved)
    # How sure the classifier was is kept with each learned placement, and only with those.
    sure = {link.segment_id: (link.placed_by, link.confidence)
            for link in db.session.scalars(select(ThemeSegment))}
    assert all(0.5 <= sure[s][1] <= 1 for s in moved)
    assert all(confidence is None for by, confidence in sure.values() if by != BY_LEARNED)


def test_the_theme_page_shows_how_sure_a_learned_placement_is(analysed, consultation, auth):
    from forum.access import Role as Roles

    theme = next(t for t in db.session.scalars(select(Theme)) if len(t.links) >= 2)
    sure, unsure = theme.links[:2]
    sure.placed_by, sure.confidence = BY_LEARNED, 0.83
    unsure.placed_by, unsure.confidence = BY_LEARNED, 0.42
    db.session.commit()
    auth.login(Roles.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    first = page[page.index(f'data-sure="{sure.segment_id}"'):]
    second = page[page.index(f'data-sure="{unsure.segment_id}"'):]
    assert first.split("</span>")[0].endswith("83% sure")
    assert second.split("</span>")[0].endswith("42% sure")
    assert "Check</strong>" in second.split("</p>")[0] and "Check</strong>" not in first.split(
        "</p>")[0].split(f'data-sure="{unsure.segment_id}"')[0]


def test_without_enough_examples_the_clustering_decides(analysed, consultation, users):
    user = users[Role.POLICY_OFFICER]
    travel = travel_ids()
    breach = next(t for t in db.session.scalars(select(Theme)) if t.code and "reach" in t.code)
    for segment_id in travel[:2]:
        edits.move_segment(consultation.id, segment_id, breach, user)
    start_run(consultation.id, None)
    db.session.expire_all()
    assert BY_LEARNED not in {placed for _, placed in links().values()}


def test_right_theme_confirms_a_segment_kept_by_reruns_and_undone_by_undo(analysed, consultation,
                                                                            users):
    user = users[Role.FACILITATOR]
    theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
    segment_id = theme.links[0].segment_id
    assert links()[segment_id][1] == BY_MODEL
    edits.confirm_segment(theme, segment_id, user)
    assert links()[segment_id] == (theme.id, BY_PERSON)
    assert learning.placements(consultation.id, [theme])[theme.id][segment_id] == BY_PERSON
    edit, reason = history.latest_change(consultation.id)
    assert edit.kind == "confirm" and reason is None
    history.undo(edit, user)
    db.session.commit()
    assert links()[segment_id][1] == BY_MODEL
    edits.confirm_segment(db.session.get(Theme, theme.id), segment_id, user)
    start_run(consultation.id, None)
    db.session.expire_all()
    assert links()[segment_id] == (theme.id, BY_PERSON)


def test_a_code_rejected_on_the_coding_page_keeps_the_segment_out_of_its_theme(
        analysed, consultation, users):
    user = users[Role.POLICY_OFFICER]
    housing = next(t for t in db.session.scalars(select(Theme))
                   if t.code == "Housing and homelessness")
    entry = db.session.scalar(select(CodebookEntry).where(
        CodebookEntry.consultation_id == consultation.id, CodebookEntry.name == housing.code))
    rejected, confirmed = [link.segment for link in housing.links[:2]]
    db.session.add_all([
        CodingDecision(entry_id=entry.id, text_hash=rejected.text_hash,
                       decision=Decision.REJECTED, decided_by_id=user.id),
        CodingDecision(entry_id=entry.id, text_hash=confirmed.text_hash,
                       decision=Decision.CONFIRMED, decided_by_id=user.id)])
    db.session.commit()
    positive, negative = learning.people_decisions(consultation.id, [housing],
                                                   [rejected, confirmed])
    assert positive == {confirmed.id: housing.id} and negative == {rejected.id: {housing.id}}
    housing_id, rejected_id, confirmed_id = housing.id, rejected.id, confirmed.id

    start_run(consultation.id, None)
    db.session.expire_all()
    after = links()
    assert after.get(rejected_id, (None,))[0] != housing_id
    assert after[confirmed_id] == (housing_id, BY_PERSON)


def test_moving_a_segment_back_cancels_the_earlier_not(analysed, consultation, users):
    user = users[Role.POLICY_OFFICER]
    first, second = db.session.scalars(select(Theme).order_by(Theme.position)).all()[:2]
    segment_id = first.links[0].segment_id
    edits.move_segment(consultation.id, segment_id, second, user)
    _, negative = learning.people_decisions(consultation.id, [first, second],
                                            [db.session.get(Segment, segment_id)])
    assert negative == {segment_id: {first.id}}
    edits.move_segment(consultation.id, segment_id, first, user)
    positive, negative = learning.people_decisions(consultation.id, [first, second],
                                                   [db.session.get(Segment, segment_id)])
    # "Not the first theme" is gone; moving it out of the second says "not the second".
    assert positive == {segment_id: first.id} and negative == {segment_id: {second.id}}


def test_the_parts_of_a_split_are_confirmed_examples_of_their_themes(analysed, consultation,
                                                                     users):
    """Splitting is a person's decision about every segment: each part learns from its own."""
    user = users[Role.POLICY_OFFICER]
    theme = max(db.session.scalars(select(Theme)), key=lambda t: len(t.links))
    ids = sorted(link.segment_id for link in theme.links)
    half = len(ids) // 2
    parts = [splitting.SplitPart("First part", [], ids[:half], []),
             splitting.SplitPart("Second part", [], ids[half:], [])]
    made = splitting.split(theme, parts, user)
    db.session.expire_all()
    made = [db.session.get(Theme, t.id) for t in made]
    assert all(link.placed_by == BY_PERSON for t in made for link in t.links)
    positive, _ = learning.people_decisions(consultation.id, made, [
        db.session.get(Segment, s) for s in ids])
    assert positive == {**{s: made[0].id for s in ids[:half]},
                        **{s: made[1].id for s in ids[half:]}}
    counts = learning.placement_counts(learning.placements(consultation.id, made))
    assert [counts[t.id][BY_PERSON] for t in made] == [half, len(ids) - half]
    start_run(consultation.id, None)  # a re-run keeps every part as the person left it
    db.session.expire_all()
    after = links()
    assert all(after[s] == (made[0].id, BY_PERSON) for s in ids[:half])
    assert all(after[s] == (made[1].id, BY_PERSON) for s in ids[half:])


def test_a_learned_placement_below_the_calibrated_confidence_says_check(analysed, consultation,
                                                                        auth):
    """The classifier places nothing under 0.5, so a 0.5 threshold never showed "Check"."""
    from forum.access import Role as Roles

    theme = next(t for t in db.session.scalars(select(Theme)) if len(t.links) >= 2)
    unsure = theme.links[0]
    unsure.placed_by, unsure.confidence = BY_LEARNED, 0.72
    db.session.commit()
    auth.login(Roles.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    shown = page[page.index(f'data-sure="{unsure.segment_id}"'):].split("</p>")[0]
    assert "72% sure" in shown and "Check</strong>" in shown
