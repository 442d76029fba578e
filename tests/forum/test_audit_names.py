"""The audit log page names what each event was done to, or says it has been deleted."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import event

from analysis.models import Theme
from forum.access import Role
from forum.extensions import db
from forum.models import Consultation, FocusGroupSession, Member, Segment, SegmentSource, Transcript
from forum.models.base import utcnow
from forum.services import audit
from forum.services.members import save_member
from surveys.models import Survey
from tests.analysis.document_files import docx_bytes


def _consultation(title: str) -> Consultation:
    consultation = Consultation(title=title, consulting_body="Ministry of Justice")
    db.session.add(consultation)
    db.session.commit()
    return consultation


def _objects(n: int, start: int = 0) -> list[object]:
    """One of each kind the log names, n times over, each with a name of its own."""
    made: list[object] = []
    for i in range(start, start + n):
        consultation = _consultation(f"Housing on release {i}")
        group = FocusGroupSession(consultation_id=consultation.id, title="Group",
                                  held_on=date(2026, 1, 5))
        db.session.add(group)
        db.session.flush()
        transcript = Transcript(session_id=group.id, filename=f"group-{i}.txt")
        survey = Survey(consultation_id=consultation.id, title=f"Tablet survey {i}")
        theme = Theme(consultation_id=consultation.id, label=f"Finding a home {i}")
        segment = Segment(consultation_id=consultation.id, source_type=SegmentSource.DOCUMENT,
                          text="words", text_hash=f"hash{i}")
        db.session.add_all([transcript, survey, theme, segment])
        db.session.commit()
        member = save_member(Member(lived_experience=[]), "")
        made += [consultation, transcript, survey, theme, segment, member]
    return made


def _audit_page(auth) -> tuple[str, int]:
    """The page's text and how many SQL statements it took."""
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        html = auth.client.get("/admin/audit").get_data(as_text=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return html, len(statements)


def _cells(html: str) -> list[str]:
    """The "To" column's cells, as text."""
    cells = re.findall(r'<td class="govuk-table__cell fv-audit__target">(.*?)</td>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in cells]


def test_the_log_names_each_object_with_its_id(auth, users):
    auth.login(Role.ADMIN)
    consultation, transcript, survey, theme, segment, member = _objects(1)
    for obj in (consultation, transcript, survey, theme, segment, member):
        audit.record("exported", users[Role.ADMIN], obj)
    cells = _cells(_audit_page(auth)[0])
    assert f"Housing on release 0 consultation {consultation.id}" in cells
    assert f"transcript {transcript.id} in Housing on release 0" in cells
    assert f"Tablet survey 0 survey {survey.id}" in cells
    assert f"Finding a home 0 theme {theme.id}" in cells
    assert f"{member.pseudonym} member {member.id}" in cells
    # A segment has no name of its own: the consultation it belongs to.
    assert f"segment {segment.id} in Housing on release 0" in cells
    assert "group-0.txt" not in cells  # a transcript's file name may name someone


def test_a_transcript_file_name_never_reaches_the_log(auth, users):
    """Uploaded as "interview John Smith.docx": the log says "transcript N in <consultation>"."""
    import io

    from sqlalchemy import select

    from forum.models import Turn

    consultation = _consultation("Housing on release")
    group = FocusGroupSession(consultation_id=consultation.id, title="Group",
                              held_on=date(2026, 1, 5))
    db.session.add(group)
    db.session.commit()
    auth.login(Role.FACILITATOR)
    data = docx_bytes(["Facilitator: What happened when you got out?",
                  "Member: Nowhere to live for the first week."])
    response = auth.client.post(f"/sessions/{group.id}/transcripts/new", data={
        "file": (io.BytesIO(data), "interview John Smith.docx"), "known_names": ""},
        content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[-800:]
    transcript = db.session.scalar(select(Transcript))
    assert transcript.filename == "interview John Smith.docx"
    turn = db.session.scalar(select(Turn).where(Turn.transcript_id == transcript.id))
    audit.record("safeguarding_flagged", users[Role.FACILITATOR], turn)
    auth.logout()
    auth.login(Role.ADMIN)
    html = _audit_page(auth)[0]
    assert "John Smith" not in html and ".docx" not in html
    cells = _cells(html)
    assert f"transcript {transcript.id} in Housing on release" in cells  # the upload
    assert f"transcript turn {turn.id} in Housing on release" in cells
    # Kept past the retention period (an unreviewed flag): the page's banner lists it too.
    turn.risk_flagged = True
    transcript.uploaded_at = utcnow() - timedelta(days=400)
    db.session.commit()
    html = _audit_page(auth)[0]
    assert "kept past the retention period" in html
    assert "John Smith" not in html and ".docx" not in html
    assert f"Transcript {transcript.id} in Housing on release</a>" in html


def test_the_log_says_when_the_object_is_gone(auth, users):
    auth.login(Role.ADMIN)
    consultation = _consultation("Short-lived consultation")
    audit.record("consultation_created", users[Role.ADMIN], consultation)
    db.session.delete(consultation)
    db.session.commit()
    html = _audit_page(auth)[0]
    assert f"consultation {consultation.id} deleted" in _cells(html)
    assert "Short-lived consultation" not in html


def test_names_are_escaped(auth, users):
    auth.login(Role.ADMIN)
    consultation = _consultation("<script>alert(1)</script>")
    audit.record("consultation_created", users[Role.ADMIN], consultation)
    html = _audit_page(auth)[0]
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_names_take_one_query_per_kind_however_many_events(auth, users):
    auth.login(Role.ADMIN)
    for obj in _objects(1):
        audit.record("exported", users[Role.ADMIN], obj)
    _html, few = _audit_page(auth)
    for obj in _objects(4, start=1):
        audit.record("exported", users[Role.ADMIN], obj)
    html, many = _audit_page(auth)
    assert "Housing on release 4" in html
    assert many == few
