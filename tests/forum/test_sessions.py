"""Focus-group sessions."""
import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession


def test_facilitator_records_a_session_with_members(auth, demo):
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/sessions/new", data={
        "title": "Women's group", "consultation_id": 1, "held_on": ["2", "11", "2026"],
        "area": "North London", "facilitator_id": 0, "member_ids": [2, 4]})
    assert response.status_code == 302
    session = db.session.scalar(
        db.select(FocusGroupSession).where(FocusGroupSession.title == "Women's group"))
    assert [m.pseudonym for m in session.members] == ["Kestrel", "Member 2"]
    assert session.area == "North London" and session.facilitator_id is None


def test_missing_date_keeps_what_was_typed(auth, demo):
    auth.login(Role.FACILITATOR)
    html = auth.client.post("/sessions/new",
                            data={"title": "Kept title", "consultation_id": 1}).data.decode()
    assert "Enter the date of the focus group" in html and 'value="Kept title"' in html


def test_session_page_lists_transcripts_for_policy_officers(auth, demo):
    from forum.models import Transcript, TranscriptStatus

    db.session.add(
        Transcript(session_id=1, filename="group-one.vtt", status=TranscriptStatus.APPROVED))
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get("/sessions/1").data.decode()
    assert "group-one.vtt" in html and "Approved" in html
    assert "Edit focus group" not in html and "Upload a transcript" not in html


def test_two_transcripts_with_one_name_can_be_told_apart_by_when_they_came(auth, demo):
    """Both were 'group.vtt · Needs review', with nothing to say which was the later upload."""
    from datetime import UTC, datetime

    from forum.models import Transcript, TranscriptStatus

    for day in (3, 4):
        db.session.add(Transcript(session_id=1, filename="group.vtt",
                                  status=TranscriptStatus.NEEDS_REVIEW,
                                  uploaded_at=datetime(2026, 12, day, 9, 5, tzinfo=UTC)))
    db.session.commit()
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/1").data.decode()
    assert "uploaded 3 Dec 2026, 09:05" in html and "uploaded 4 Dec 2026, 09:05" in html


def test_a_new_session_guesses_its_facilitator_and_marks_members_not_taking_part(auth, demo):
    import re

    from forum.models import Member, User
    from tests.conftest import ROLE_EMAILS

    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/new").data.decode()
    me = db.session.scalar(db.select(User).where(User.email == ROLE_EMAILS[Role.FACILITATOR]))
    assert re.search(rf'<option selected value="{me.id}">|<option value="{me.id}" selected', html)
    outsider = next(m for m in db.session.scalars(db.select(Member)) if not m.takes_part)
    assert f"{outsider.pseudonym} ({outsider.consent_words.lower()})" in html
    taking_part = next(m for m in db.session.scalars(db.select(Member)) if m.takes_part)
    assert f"{taking_part.pseudonym} (" not in html


def test_a_transcript_not_yet_approved_is_not_a_dead_link_for_policy_officers(auth, demo):
    from forum.models import Transcript, TranscriptStatus

    waiting = Transcript(session_id=1, filename="waiting.vtt", status=TranscriptStatus.NEEDS_REVIEW)
    db.session.add(waiting)
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get("/sessions/1").data.decode()
    # It was a link to a page that answered "Forbidden".
    assert f'href="/transcripts/{waiting.id}"' not in html
    assert "waiting.vtt" in html and "once a facilitator has approved its redactions" in html
    assert auth.client.get(f"/transcripts/{waiting.id}").status_code == 403
    auth.logout()
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/1").data.decode()
    assert f'href="/transcripts/{waiting.id}"' in html and "once a facilitator" not in html




@pytest.mark.parametrize("url", ["/sessions/new", "/surveys/new"])
def test_new_forms_start_on_the_open_consultation(auth, demo, url):
    # Both selects were in title order, so a new session or survey started on "Police and
    # crime plan", a response already submitted, and nothing said so.
    import re

    auth.login(Role.FACILITATOR)
    html = auth.client.get(url).data.decode()
    select = re.search(r'<select[^>]*name="consultation_id".*?</select>', html, re.S).group(0)
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    assert options == ["Reducing reoffending: call for evidence",
                       "Police and crime plan 2026 to 2029 (submitted)"]


def test_a_copy_never_approved_has_a_delete_link_on_the_session_page(auth, demo):
    """A wrong or duplicate upload could only be deleted from the foot of its transcript
    page: the session page, where the facilitator sees both copies, had no way to it."""
    from forum.models import Transcript, TranscriptStatus

    wrong = Transcript(session_id=1, filename="wrong.vtt", status=TranscriptStatus.NEEDS_REVIEW)
    kept = Transcript(session_id=1, filename="kept.vtt", status=TranscriptStatus.APPROVED)
    db.session.add_all([wrong, kept])
    db.session.commit()
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/1").data.decode()
    assert f'href="/transcripts/{wrong.id}/delete"' in html
    assert f'href="/transcripts/{kept.id}/delete"' not in html  # approved: its words may be quoted
    assert "Delete<span class=\"govuk-visually-hidden\"> wrong.vtt" in html  # says which copy
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    assert "/delete" not in auth.client.get("/sessions/1").data.decode()


def test_a_session_with_no_transcripts_can_be_deleted_after_asking(auth, demo):
    """A session added by mistake (a test, the wrong date twice) could not be removed at all."""
    from forum.models import AuditEvent, Transcript, TranscriptStatus

    auth.login(Role.FACILITATOR)
    auth.client.post("/sessions/new", data={
        "title": "Added by mistake", "consultation_id": 1, "held_on": ["2", "11", "2026"],
        "facilitator_id": 0, "member_ids": [2]})
    mistake = db.session.scalar(
        db.select(FocusGroupSession).where(FocusGroupSession.title == "Added by mistake"))
    page = auth.client.get(f"/sessions/{mistake.id}").data.decode()
    assert f'href="/sessions/{mistake.id}/delete"' in page
    asked = auth.client.get(f"/sessions/{mistake.id}/delete").data.decode()
    assert "Delete this focus group?" in asked and "Added by mistake" in asked
    response = auth.client.post(f"/sessions/{mistake.id}/delete", follow_redirects=True)
    assert "‘Added by mistake’ has been deleted." in response.data.decode()
    assert db.session.get(FocusGroupSession, mistake.id) is None
    event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "session_deleted"))
    from forum.services.audit_names import Target, targets

    # The log names it in words: it said "FocusGroupSession 3".
    assert targets([event])[event.id] == Target(f"focus group {mistake.id}", "deleted")
    # One with a transcript says to deal with the transcripts first, and stays.
    kept = db.session.get(FocusGroupSession, 1)
    db.session.add(Transcript(session_id=kept.id, filename="group.vtt",
                              status=TranscriptStatus.NEEDS_REVIEW))
    db.session.commit()
    page = auth.client.get(f"/sessions/{kept.id}").data.decode()
    assert f"/sessions/{kept.id}/delete" not in page
    asked = auth.client.get(f"/sessions/{kept.id}/delete").data.decode()
    assert "It has transcripts" in asked and "Delete this focus group</button>" not in asked
    auth.client.post(f"/sessions/{kept.id}/delete")
    assert db.session.get(FocusGroupSession, kept.id) is not None


def test_a_copy_that_must_wait_for_its_safeguarding_flag_offers_no_delete_but_says_why(
        auth, demo):
    """"Delete" was offered for a copy with an unreviewed safeguarding flag, and its page then
    refused: it is shown only where it will work, and the wait is said in its place."""
    from forum.models import Speaker, Transcript, TranscriptStatus, Turn

    flagged = Transcript(session_id=1, filename="flagged.txt", status=TranscriptStatus.NEEDS_REVIEW)
    speaker = Speaker(label="Dave")
    flagged.speakers.append(speaker)
    flagged.turns.append(Turn(index=1, speaker=speaker, original_text="I want to end it.",
                              redacted_text="I want to end it.", line_start=1, line_end=1,
                              risk_flagged=True, risk_reason="self-harm"))
    db.session.add(flagged)
    db.session.commit()
    auth.login(Role.FACILITATOR)
    html = auth.client.get("/sessions/1").data.decode()
    assert f'href="/transcripts/{flagged.id}/delete"' not in html
    assert "Can be deleted once its safeguarding flag is reviewed" in html
    page = auth.client.get(f"/transcripts/{flagged.id}").data.decode()
    assert f'href="/transcripts/{flagged.id}/delete"' not in page
    assert ("It has not been approved, but it can be deleted only once the safeguarding flag "
            "above is reviewed") in page


def _facilitator_options(html: str) -> list[str]:
    import re

    box = html.split('name="facilitator_id"', 1)[1].split("</select>", 1)[0]
    return re.findall(r"<option[^>]*>([^<]*)</option>", box)


def test_the_facilitator_list_has_only_facilitators_who_can_sign_in(auth, demo):
    """It offered the admin and people who had not accepted their invite yet."""
    from forum.services.accounts import create_user

    create_user("invited@example.org", "Invited Ina", Role.FACILITATOR)  # no password yet
    gone = create_user("gone@example.org", "Gone Gus", Role.FACILITATOR, "x" * 16)
    gone.active = False
    db.session.commit()
    auth.login(Role.FACILITATOR)
    names = _facilitator_options(auth.client.get("/sessions/new").data.decode())
    assert "Test Forum facilitator" in names and "Not recorded" in names
    assert "Invited Ina" not in names and "Gone Gus" not in names
    assert "Test Admin" not in names


def test_an_admin_adding_a_session_can_save_it_without_choosing_a_facilitator(auth, demo):
    # The form guessed the admin as facilitator; with the admin no longer offered that guess
    # must not become "Not a valid choice".
    auth.login(Role.ADMIN)
    html = auth.client.get("/sessions/new").data.decode()
    assert "Test Admin" not in _facilitator_options(html)
    response = auth.client.post("/sessions/new", data={
        "title": "Admin's record", "consultation_id": 1, "held_on": ["2", "11", "2026"],
        "area": "", "facilitator_id": 0})
    assert response.status_code == 302


def test_editing_keeps_a_facilitator_who_has_since_left(auth, demo):
    from forum.models import User

    session = db.session.get(FocusGroupSession, 1)
    session.facilitator.active = False
    name = session.facilitator.name
    db.session.commit()
    auth.login(Role.FACILITATOR)
    assert f"{name} (left)" in _facilitator_options(
        auth.client.get("/sessions/1/edit").data.decode())
    others = _facilitator_options(auth.client.get("/sessions/new").data.decode())
    assert name not in others and db.session.get(User, session.facilitator_id) is not None


def test_a_second_session_with_the_same_name_and_date_is_refused_keeping_what_was_typed(
        auth, demo):
    """It was saved, and the consultation's Sources listed two sessions no one could tell apart."""
    first = db.session.get(FocusGroupSession, 1)
    title, held_on, count = first.title, first.held_on, db.session.query(FocusGroupSession).count()
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/sessions/new", data={
        "title": f"  {title.upper()} ", "consultation_id": first.consultation_id,
        "held_on": [str(held_on.day), str(held_on.month), str(held_on.year)],
        "area": "Typed area", "facilitator_id": 0})
    html = response.data.decode()
    assert response.status_code == 200
    assert f"A focus group called {title} on {held_on:%-d %B %Y} already exists" in html
    assert "govuk-error-summary" in html and 'value="Typed area"' in html
    assert 'href="/sessions/1"' in html
    assert db.session.query(FocusGroupSession).count() == count
    # Editing the session itself is not a clash with itself; another date is not either.
    assert auth.client.post("/sessions/1/edit", data={
        "title": title, "consultation_id": first.consultation_id,
        "held_on": [str(held_on.day), str(held_on.month), str(held_on.year)],
        "facilitator_id": 0}).status_code == 302
    assert auth.client.post("/sessions/new", data={
        "title": title, "consultation_id": first.consultation_id,
        "held_on": ["1", "1", "2020"], "facilitator_id": 0}).status_code == 302


def _copy_of(first: FocusGroupSession) -> FocusGroupSession:
    """A second session of the same name and date, stored before the form refused one."""
    copy = FocusGroupSession(title=first.title, consultation_id=first.consultation_id,
                             held_on=first.held_on)
    db.session.add(copy)
    db.session.commit()
    return copy


def test_a_session_already_duplicated_can_still_be_edited(auth, demo):
    """Two sessions stored before the rule could not be saved at all until one was renamed."""
    first = db.session.get(FocusGroupSession, 1)
    copy = _copy_of(first)
    held = [str(first.held_on.day), str(first.held_on.month), str(first.held_on.year)]
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/sessions/{copy.id}/edit", data={
        "title": first.title, "consultation_id": first.consultation_id, "held_on": held,
        "area": "Added later", "facilitator_id": 0})
    assert response.status_code == 302
    assert db.session.get(FocusGroupSession, copy.id).area == "Added later"


def test_changing_a_session_into_a_clash_is_still_refused(auth, demo):
    first = db.session.get(FocusGroupSession, 1)
    other = FocusGroupSession(title="Another group", consultation_id=first.consultation_id,
                              held_on=first.held_on)
    db.session.add(other)
    db.session.commit()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/sessions/{other.id}/edit", data={
        "title": first.title, "consultation_id": first.consultation_id,
        "held_on": [str(first.held_on.day), str(first.held_on.month), str(first.held_on.year)],
        "facilitator_id": 0})
    assert response.status_code == 200 and "already exists" in response.data.decode()


def test_a_facilitator_who_has_left_is_marked_so(auth, demo):
    """The session page and the edit form named a disabled account as if they still worked here."""
    session = db.session.get(FocusGroupSession, 1)
    session.facilitator.active = False
    name = session.facilitator.name
    db.session.commit()
    auth.login(Role.FACILITATOR)
    assert f"{name} (left)" in auth.client.get("/sessions/1").data.decode()
    assert f"{name} (left)" in _facilitator_options(
        auth.client.get("/sessions/1/edit").data.decode())
