"""Theme edits can be undone: rename, move, merge and split, newest first; memos stay staff-only."""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.models import SegmentMemo, Theme, ThemeEdit, UngroupedSegment
from analysis.services import theme_history as history
from forum.access import Role
from forum.extensions import db
from forum.models.audit import AuditEvent


def themes():
    db.session.expire_all()
    return list(db.session.scalars(select(Theme).order_by(Theme.position)))


def state():
    """Every theme's id, label and segments, and the ungrouped segments."""
    return ({t.id: (t.label, sorted(link.segment_id for link in t.links)) for t in themes()},
            set(db.session.scalars(select(UngroupedSegment.segment_id))))


def latest():
    return db.session.scalar(select(ThemeEdit).order_by(ThemeEdit.id.desc()).limit(1))


def undo_latest(client, consultation_id):
    edit, _ = history.latest_change(consultation_id)
    return client.post(f"/consultations/{consultation_id}/themes/history/{edit.id}/undo",
                       data={"next": "/"})


def test_every_edit_is_undone_newest_first_back_to_the_start(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    client, start = auth.client, state()
    first, second, third = themes()[:3]
    segment = first.links[0].segment_id
    client.post(f"/themes/{first.id}/rename", data={"label": "Nowhere to live"})
    client.post(f"/consultations/{consultation.id}/segments/{segment}/move",
                data={"to": str(third.id), "next": "/"})
    client.post(f"/consultations/{consultation.id}/segments/{second.links[0].segment_id}/move",
                data={"to": "none", "next": "/"})
    client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    preview = client.get(f"/themes/{first.id}/split").get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', preview).group(1)
    client.post(f"/themes/{first.id}/split", data={"fingerprint": fingerprint})
    assert db.session.get(Theme, first.id) is None
    kinds = [e.kind for e in db.session.scalars(select(ThemeEdit).order_by(ThemeEdit.id))]
    assert kinds == ["rename", "move", "move", "merge", "split"]

    page = client.get(f"/consultations/{consultation.id}/themes/history").get_data(as_text=True)
    assert "Split “Nowhere to live” into" in page and "Merged “" in page
    # Only the newest change can be undone now; older ones say why not.
    reasons = [history.why_not_undoable(e) for e in history.history(consultation.id)]
    assert reasons[0] is None and all(reasons[1:]), reasons
    assert "Undo the later changes first" in page

    for expected in ["Split", "Merged", "Moved a segment from", "Moved a segment from", "Renamed"]:
        response = undo_latest(client, consultation.id)
        assert response.status_code == 302
        assert f"Undone: {expected}" in client.get("/").get_data(as_text=True)
        db.session.expire_all()
    assert state() == start  # same theme ids, labels, segments and Not grouped as before
    assert "theme_edit_undone" in {e.action for e in db.session.scalars(select(AuditEvent))}


def test_marking_a_theme_checked_can_be_undone_once_read_back(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    first = themes()[0]
    auth.client.post(f"/themes/{first.id}/checked", data={"checked": "1"})
    db.session.expire_all()  # the check as the next request reads it back from the database
    assert db.session.get(Theme, first.id).checked_by_id is not None
    assert history.why_not_undoable(latest()) is None
    response = undo_latest(auth.client, consultation.id)
    assert "Undone: Marked" in auth.client.get("/").get_data(as_text=True)
    assert response.status_code == 302 and themes()[0].checked_by_id is None


def test_undo_is_refused_when_a_later_change_touched_the_same_theme(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    merge = latest()
    auth.client.post(f"/themes/{first.id}/rename", data={"label": "Later name"})
    response = auth.client.post(
        f"/consultations/{first.consultation_id}/themes/history/{merge.id}/undo",
                                data={"next": "/"}, follow_redirects=True)
    assert "Not undone: These themes changed again afterwards" in response.get_data(as_text=True)
    assert db.session.get(Theme, second.id) is None


def test_a_new_run_ends_undo_of_earlier_changes(auth, analysed, consultation):
    from analysis.services.themes import start_run

    auth.login(Role.POLICY_OFFICER)
    first = themes()[0]
    auth.client.post(f"/themes/{first.id}/rename", data={"label": "Before the run"})
    start_run(consultation.id, None)
    edit = db.session.get(ThemeEdit, latest().id)
    assert history.why_not_undoable(edit) == ("The analysis ran again after this change, "
                                              "so it can no longer be undone.")


def test_after_a_split_the_list_is_largest_first_again(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    biggest = themes()[0]
    preview = auth.client.get(f"/themes/{biggest.id}/split").get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', preview).group(1)
    auth.client.post(f"/themes/{biggest.id}/split", data={"fingerprint": fingerprint})
    sizes = [t.stats["segments"] for t in themes()]
    assert sizes == sorted(sizes, reverse=True), sizes
    page = auth.client.get(
        f"/consultations/{biggest.consultation_id}/themes").get_data(as_text=True)
    shown = [int(n) for n in re.findall(r'govuk-table__cell--numeric">(\d+)</td>', page)][:-1]
    assert shown == sorted(shown, reverse=True)
    # Undone from one of the parts' pages, the officer lands on the list, not on a missing page.
    edit, _ = history.latest_change(biggest.consultation_id)
    part = next(key for key in edit.after["themes"] if key not in edit.before["themes"])
    response = auth.client.post(
        f"/consultations/{biggest.consultation_id}/themes/history/{edit.id}/undo",
                                data={"next": f"/themes/{part}"})
    assert response.headers["Location"].endswith(f"/consultations/{biggest.consultation_id}/themes")


def test_memos_are_kept_for_staff_and_come_back_with_an_undone_merge(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    segment = second.links[0].segment_id
    auth.client.post(f"/themes/{second.id}/memo", data={"memo": "Check with the housing team"})
    auth.client.post(f"/consultations/{consultation.id}/segments/{segment}/memo",
                     data={"memo": "Said twice in the group", "next": f"/themes/{second.id}"})
    page = auth.client.get(f"/themes/{second.id}").get_data(as_text=True)
    assert "Check with the housing team" in page and "Said twice in the group" in page
    assert db.session.get(SegmentMemo, segment).text == "Said twice in the group"

    auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    assert "From “" in db.session.get(Theme, first.id).memo  # the merged theme's memo moved over
    undo_latest(auth.client, consultation.id)
    db.session.expire_all()
    assert db.session.get(Theme, second.id).memo == "Check with the housing team"

    too_long = auth.client.post(f"/themes/{first.id}/memo", data={"memo": "x" * 5001},
                                follow_redirects=True).get_data(as_text=True)
    assert "A memo must be 5,000 characters or fewer" in too_long
    auth.client.post(f"/consultations/{consultation.id}/segments/{segment}/memo",
                     data={"memo": " "})
    assert db.session.get(SegmentMemo, segment) is None  # an empty memo is taken away


def test_erasing_a_member_takes_the_memos_on_their_words_with_them(auth, analysed, users):
    from analysis.services.memos import set_segment_memo
    from forum.models import Segment
    from forum.services.privacy import erase_member

    segment = db.session.scalars(select(Segment).where(Segment.member_id.is_not(None))).first()
    set_segment_memo(segment, "Follow up with this member about the hostel",
                     users[Role.POLICY_OFFICER])
    segment_id, member = segment.id, segment.member
    erase_member(member, users[Role.FACILITATOR])
    db.session.expire_all()
    assert db.session.get(SegmentMemo, segment_id) is None


def test_split_parts_keep_the_broader_theme_and_undo_brings_it_back(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    biggest = themes()[0]
    biggest.broader = "Housing after prison"
    db.session.commit()
    theme_id, consultation_id = biggest.id, biggest.consultation_id
    preview = auth.client.get(f"/themes/{theme_id}/split").get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', preview).group(1)
    auth.client.post(f"/themes/{theme_id}/split", data={"fingerprint": fingerprint})
    edit, _ = history.latest_change(consultation_id)
    parts = [int(k) for k in edit.after["themes"] if k not in edit.before["themes"]]
    assert len(parts) >= 2
    assert {db.session.get(Theme, p).broader for p in parts} == {"Housing after prison"}
    undo_latest(auth.client, consultation_id)
    assert next(t for t in themes() if t.id == theme_id).broader == "Housing after prison"


def test_memo_boxes_stop_at_the_limit_so_nothing_typed_is_dropped(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    theme = themes()[0]
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    # A longer memo was refused after the page had thrown away what was typed.
    assert re.search(r'id="theme-memo" name="memo" rows="3" maxlength="5000"', page)
    assert "Up to 5,000 characters." in page
    assert len(re.findall(r'id="memo-\d+" name="memo" rows="2" maxlength="5000"', page)) == len(
        theme.links)


def test_a_theme_merged_or_split_away_says_where_it_went(auth, analysed, consultation):
    # The back button after a split, or a link kept from before a merge, gave "Page not found.
    # If you typed the web address, check it is correct." with a way only to the start page.
    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    first_label, second_label = first.label, second.label
    auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    gone = auth.client.get(f"/themes/{second.id}")
    page = gone.get_data(as_text=True).replace("&#34;", '"')
    assert gone.status_code == 404
    assert "This theme is no longer here" in page
    assert f"Merged “{second_label}” into “{first_label}”" in page
    assert f'href="/themes/{first.id}"' in page
    assert f'href="/consultations/{consultation.id}/themes"' in page

    preview = auth.client.get(f"/themes/{first.id}/split").get_data(as_text=True)
    value = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', preview).group(1)
    auth.client.post(f"/themes/{first.id}/split", data={"fingerprint": value})
    back = auth.client.get(f"/themes/{first.id}/split")
    page = back.get_data(as_text=True).replace("&#34;", '"')
    assert back.status_code == 404 and f"Split “{first_label}” into" in page
    assert f'href="/consultations/{consultation.id}/themes"' in page
    # A theme no change of people's explains (a new run, or a wrong number) says so plainly.
    unknown = auth.client.get("/themes/99999").get_data(as_text=True)
    assert "This theme is no longer here" in unknown and 'href="/consultations/"' in unknown


def test_undoing_a_merge_puts_back_whose_names_the_themes_had(auth, analysed, consultation):
    # Merging makes the survivor's name a person's; the merged-away theme was a codebook
    # suggestion. Undone, both names are marked as before, or "Suggested:" would be lost.
    from analysis.models import BY_MODEL, BY_PERSON, BY_SUGGESTION

    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    first.label_by, second.label_by = BY_MODEL, BY_SUGGESTION
    db.session.commit()
    auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    assert db.session.get(Theme, first.id).label_by == BY_PERSON

    assert undo_latest(auth.client, consultation.id).status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, first.id).label_by == BY_MODEL
    assert db.session.get(Theme, second.id).label_by == BY_SUGGESTION
    page = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert f"Suggested: {second.label}" in page


def test_undoing_a_merge_into_a_suggestion_keeps_it_a_suggestion(auth, analysed, consultation):
    from analysis.models import BY_PERSON, BY_SUGGESTION

    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    first.label_by, second.label_by = BY_SUGGESTION, BY_PERSON
    db.session.commit()
    auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    assert db.session.get(Theme, first.id).label_by == BY_SUGGESTION  # merging is not checking

    undo_latest(auth.client, consultation.id)
    db.session.expire_all()
    assert [db.session.get(Theme, t.id).label_by for t in (first, second)] == [BY_SUGGESTION,
                                                                               BY_PERSON]
