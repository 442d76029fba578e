"""Consultations: paste questions, bad input, and the consultation page."""
import re
from datetime import date, timedelta

import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import (
    Consultation,
    ConsultationStatus,
    FocusGroupSession,
    Member,
    Segment,
    SegmentSource,
)
from forum.models.consultations import TITLE_MAX

GOOD = {"title": "Reducing reoffending", "consulting_body": "Ministry of Justice",
        "status": "open", "questions": "Q1. First?\nQ3. Third,\nover two lines?\n8) Eighth?"}


def test_officer_creates_a_consultation_from_a_pasted_list(auth):
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post("/consultations/new", data=GOOD)
    assert response.status_code == 302
    consultation = db.session.scalar(db.select(Consultation))
    assert [(q.number, q.text) for q in consultation.questions] == [
        ("1", "First?"), ("3", "Third, over two lines?"), ("8", "Eighth?")]


def _post_bad(auth, **changes):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.post("/consultations/new", data={**GOOD, **changes}).data.decode()
    assert db.session.scalar(db.select(db.func.count(Consultation.id))) == 0
    return html


def test_duplicate_numbers_are_explained_and_the_list_kept(auth):
    html = _post_bad(auth, questions="Q1. One\nQ1. Again")
    assert "Question 1 appears twice (lines 1 and 2)" in html
    assert "Q1. Again" in html and 'value="Reducing reoffending"' in html
    assert 'id="questions-error"' in html  # the message sits next to the field


def test_blank_question_number(auth):
    assert "Question 2 (line 2) has a number but no question" in _post_bad(auth,
                                                                           questions="Q1. One\nQ2.")


def test_list_with_no_numbers(auth):
    html = _post_bad(auth, questions="What works?\nWhat does not?")
    assert "could not find any question numbers" in html and "What does not?" in html


def test_over_long_title(auth):
    html = _post_bad(auth, title="x" * (TITLE_MAX + 1))
    assert f"Title must be {TITLE_MAX} characters or fewer" in html


def test_bad_link_and_date(auth):
    html = _post_bad(auth, link="not a url", deadline=["31", "2", "2027"])
    assert "Enter a full web address" in html
    assert "Deadline must be a real date, like 27 3 2027" in html
    assert 'value="31"' in html  # what was typed stays


def test_partial_or_missing_date_parts_are_explained_not_crashed(auth):
    assert "must include a day, month and year" in _post_bad(auth, deadline=["", "2", "2027"])
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post("/consultations/new", data={**GOOD, "deadline": ["1"]})
    assert response.status_code == 200


def test_editing_keeps_question_rows_for_kept_numbers(auth):
    auth.login(Role.POLICY_OFFICER)
    auth.client.post("/consultations/new", data=GOOD)
    consultation = db.session.scalar(db.select(Consultation))
    q3_id = next(q.id for q in consultation.questions if q.number == "3")
    auth.client.post(f"/consultations/{consultation.id}/edit", data={
        **GOOD, "questions": "Q3. Third, reworded?\nQ9. Ninth?"})
    db.session.expire_all()
    consultation = db.session.get(Consultation, consultation.id)
    assert [(q.number, q.text) for q in consultation.questions] == [
        ("3", "Third, reworded?"), ("9", "Ninth?")]
    assert consultation.questions[0].id == q3_id


def test_page_shows_sources_counts_and_days_left(auth, demo):
    consultation = db.session.scalar(db.select(Consultation).where(
        Consultation.title == "Reducing reoffending: call for evidence"))
    member = db.session.scalar(db.select(Member).where(Member.pseudonym == "Member 10"))
    db.session.add(Segment(consultation_id=consultation.id, source_type=SegmentSource.SURVEY,
                           member_id=member.id, text="Somewhere to live first.", text_hash="x"))
    db.session.commit()
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    attending = {m.id for s in db.session.scalars(db.select(FocusGroupSession)) for m in s.members}
    heard = len(attending | {member.id})
    assert f'<span class="fv-figure__number">{heard}</span> members heard from' in html
    assert '<span class="fv-figure__number">1</span> segments' in html
    # Beside them, what the analysis may use, by the one usable rule.
    from forum.services.segments import usable_segment_facts

    usable, _ = usable_segment_facts(consultation.id)
    assert f"{len({r.member_id for r in usable if r.member_id})} of them take part" in html
    assert f"{len(usable)} usable in the analysis" in html
    # "Segment" and "held" were shown with no word of what they mean.
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert ("A segment is a short passage of what one member said, with personal details "
            "taken out") in text
    assert "not held" not in text and "not waiting for a safeguarding review" in text
    days = (consultation.deadline - date.today()).days
    assert f'<span class="fv-figure__number">{days}</span> days to the deadline' in html
    assert "Housing and release" in html and "Community sentences" in html
    assert "Life after prison: peer survey" in html
    # Only visible text: a random CSRF token in an attribute may contain "Q6".
    text = re.sub(r"<[^>]+>", " ", html)
    assert "Q9" in text and "Q6" not in text


def test_peer_researchers_see_no_analysis_words(auth, demo):
    # They only run surveys: "segments" and "usable: redacted, checked, not held" meant
    # nothing to them. What they do see is said plainly.
    auth.login(Role.PEER_RESEARCHER)
    text = re.sub(r"<[^>]+>", " ", auth.client.get("/consultations/1").get_data(as_text=True))
    assert "members heard from" in text and "sources" in text
    for word in ("segment", "usable", "redacted", "analysis"):
        assert word not in text.lower(), word


def test_days_to_deadline():
    today = date(2026, 11, 23)
    assert Consultation(deadline=today + timedelta(days=5)).days_to_deadline(today) == 5
    assert Consultation(deadline=None).days_to_deadline(today) is None


def test_page_escapes_user_text(auth):
    auth.login(Role.POLICY_OFFICER)
    auth.client.post("/consultations/new", data={**GOOD, "title": "<script>alert(1)</script>",
                                                  "questions": "Q1. <img src=x onerror=alert(1)>"})
    html = auth.client.get("/consultations/1").data.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_sources_link_only_to_pages_the_role_may_open(auth, demo):
    session = db.session.scalar(db.select(FocusGroupSession).where(
        FocusGroupSession.title == "Housing and release"))
    auth.login(Role.PEER_RESEARCHER)
    html = auth.client.get(f"/consultations/{session.consultation_id}").data.decode()
    # A peer researcher may not open focus groups: the name shows, with no link to a 403.
    assert "Housing and release" in html and f'href="/sessions/{session.id}"' not in html
    assert auth.client.get(f"/sessions/{session.id}").status_code == 403
    assert 'href="/surveys/1"' in html  # surveys are theirs to open
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{session.consultation_id}").data.decode()
    assert f'href="/sessions/{session.id}"' in html


def _overdue(days_ago: int = 3, status: ConsultationStatus = ConsultationStatus.OPEN):
    consultation = Consultation(title="Probation reform", consulting_body="Ministry of Justice",
                                deadline=date.today() - timedelta(days=days_ago), status=status)
    db.session.add(consultation)
    db.session.commit()
    return consultation


WARNING = "was {:%-d %B %Y} (3 days ago), but it is still marked open."


def test_an_open_consultation_past_its_deadline_is_warned_about_on_its_page(auth):
    # The page only said "Deadline passed on ..." in small print beside the counts.
    consultation = _overdue()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert 'class="govuk-warning-text fv-deadline-passed"' in html
    assert WARNING.format(consultation.deadline) in text
    assert "Check with Ministry of Justice whether they will still take a response" in text
    assert f'href="/consultations/{consultation.id}/edit"' in html  # change its status


def test_the_passed_deadline_is_said_once_on_the_consultation_page(auth):
    # The warning said "The deadline was ..." and the figures below said "Deadline passed on
    # ..." again.
    consultation = _overdue()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    day = f"{consultation.deadline:%-d %B %Y}"
    assert html.count(day) == 1 and "Deadline passed on" not in html
    consultation.status = ConsultationStatus.SUBMITTED  # no warning: the figure says it
    db.session.commit()
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    assert "fv-deadline-passed" not in html and f"Deadline passed on {day}" in html


@pytest.mark.parametrize("url", ["/", "/consultations/"])
def test_the_lists_warn_about_an_open_consultation_past_its_deadline(auth, url):
    # The home page and the list said "Closed 3 days ago" under a blue "Open" tag.
    consultation = _overdue()
    auth.login(Role.FACILITATOR)
    html = auth.client.get(url).data.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert f"The deadline for Probation reform {WARNING.format(consultation.deadline)}" in text
    # Only those who may edit it are sent to the consulting body and offered the change.
    assert "Ask a policy officer whether the forum is still responding to it." in text
    assert "change its status" not in text and "Check with" not in text
    assert "Passed 3 days ago" in text and "Closed 3 days ago" not in text


@pytest.mark.parametrize("days_ago, status", [
    (3, ConsultationStatus.SUBMITTED), (3, ConsultationStatus.CLOSED), (0, ConsultationStatus.OPEN),
])
def test_no_warning_once_sent_or_closed_or_on_the_day(auth, days_ago, status):
    consultation = _overdue(days_ago, status)
    assert consultation.deadline_passed(date.today()) is False
    auth.login(Role.POLICY_OFFICER)
    for url in ("/", f"/consultations/{consultation.id}"):
        assert "fv-deadline-passed" not in auth.client.get(url).data.decode()


def test_a_consultation_being_drafted_past_its_deadline_is_warned_about():
    consultation = Consultation(title="t", consulting_body="b", status=ConsultationStatus.DRAFTING,
                                deadline=date(2026, 3, 1))
    assert consultation.deadline_passed(date(2026, 3, 2))
    assert not consultation.deadline_passed(date(2026, 3, 1))
    assert not Consultation(title="t", consulting_body="b").deadline_passed(date(2026, 3, 2))
