"""Transcript upload, speakers, redaction review, safeguarding and segments, through the web."""
import io
import re

import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import (
    FocusGroupSession,
    Member,
    Redaction,
    RedactionStatus,
    Segment,
    Transcript,
    TranscriptStatus,
)
from forum.models.base import utcnow
from forum.services.members import record_consent, save_member
from forum.services.segments import quotable_segments, usable_segments

TRANSCRIPT = """[00:00:05] Facilitator: Welcome everyone. What happened when you got out?
[00:00:20] Dave: They let me out on a Friday with forty-six quid and nowhere to go. My probation \
officer Mr Hartley said ring him on 07700 900123 but nobody picked up.
[00:00:45] Marcia: Yeah.
[00:00:50] Marcia: I slept at the station the first night. I thought about \
ending it, honestly, that week.
[00:01:10] Observer: Just noting the time.
[00:01:15] Dave: Housing first would have changed everything for me. Somewhere \
to live, then the rest.
"""


@pytest.fixture
def session_with_members(app, users):
    dave = save_member(Member(lived_experience=[]), "")
    marcia = save_member(Member(lived_experience=[]), "Kestrel")
    for member in (dave, marcia):
        record_consent(member, None, take_part=True, may_quote=True,
                       may_quote_with_demographics=False, audio_recording=False)
    from forum.models import Consultation
    from forum.services.consultations import save_consultation
    from forum.services.questions import parse_questions

    consultation = save_consultation(Consultation(title="Test", consulting_body="MoJ"),
                                     parse_questions("Q1. Housing?\nQ2. Support?"))
    session = FocusGroupSession(consultation=consultation, title="Group",
                                held_on=consultation.created_at.date(),
                                members=[dave, marcia])
    db.session.add(session)
    db.session.commit()
    return session, dave, marcia


def upload(auth, session, data: bytes, filename="group.txt", names=""):
    return auth.client.post(f"/sessions/{session.id}/transcripts/new", data={
        "file": (io.BytesIO(data), filename), "known_names": names},
        content_type="multipart/form-data")


def map_speakers(auth, transcript, dave, marcia):
    choices = {"Dave": f"member-{dave.id}", "Marcia": f"member-{marcia.id}",
               "Facilitator": "facilitator", "Observer": "observer"}
    form = {f"speaker-{s.id}": choices[s.label] for s in transcript.speakers}
    assert auth.client.post(f"/transcripts/{transcript.id}/speakers", data=form).status_code == 302


@pytest.fixture
def uploaded(auth, session_with_members):
    session, dave, marcia = session_with_members
    auth.login(Role.FACILITATOR)
    response = upload(auth, session, TRANSCRIPT.encode())
    assert response.status_code == 302, response.data[-800:]
    transcript = db.session.scalar(db.select(Transcript))
    db.session.refresh(transcript)
    map_speakers(auth, transcript, dave, marcia)
    return transcript, dave, marcia


def test_upload_finds_turns_speakers_redactions_and_risks(uploaded):
    transcript, dave, marcia = uploaded
    assert transcript.status == TranscriptStatus.NEEDS_REVIEW
    assert len(transcript.turns) == 6
    assert [s.label for s in transcript.speakers] == ["Facilitator", "Dave", "Marcia", "Observer"]
    assert transcript.turns[1].start_seconds == 20
    labels = {r.label for t in transcript.turns for r in t.redactions}
    assert {"phone", "name"} <= labels
    assert "07700 900123" not in transcript.turns[1].redacted_text
    assert "[phone]" in transcript.turns[1].redacted_text
    assert transcript.turns[2].backchannel
    assert transcript.turns[3].risk_flagged and transcript.turns[3].held


def test_nothing_reaches_analysis_before_approval(uploaded):
    transcript, _dave, _marcia = uploaded
    assert db.session.scalar(db.select(db.func.count(Segment.id))) == 0
    assert usable_segments(transcript.session.consultation_id) == []


def test_approval_makes_segments_from_members_only(auth, uploaded):
    transcript, dave, marcia = uploaded
    assert auth.client.post(f"/transcripts/{transcript.id}/review",
                            data={"approve": "1"}).status_code == 302
    segments = db.session.scalars(db.select(Segment).order_by(Segment.position)).all()
    assert {s.member_id for s in segments} == {dave.id, marcia.id}
    assert not any("Welcome everyone" in s.text or "noting the time" in s.text for s in segments)
    assert not any(s.text.strip() == "Yeah." for s in segments)  # back-channel left out
    assert all("07700 900123" not in s.text and "Hartley" not in s.text for s in segments)
    usable = usable_segments(transcript.session.consultation_id)
    assert all("ending it" not in s.text for s in usable), "held safeguarding turn reached analysis"
    assert any("Housing first" in s.text for s in usable)
    from analysis.models import SegmentEmbedding

    embedded = set(db.session.scalars(db.select(SegmentEmbedding.text_hash)))
    assert {s.text_hash for s in segments} <= embedded, "approval did not embed the new segments"


def test_reviewing_a_safeguarding_flag_releases_the_turn(auth, uploaded, users):
    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    flagged = transcript.turns[3]
    assert auth.client.post(f"/transcripts/{transcript.id}/turns/{flagged.id}/risk", data={
        "action": "review", "outcome": "spoke_to_member",
        "note": "Talked it through"}).status_code == 302
    assert any("ending it" in s.text for s in usable_segments(transcript.session.consultation_id))


def test_a_facilitator_can_flag_a_turn_and_it_is_held(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    turn = transcript.turns[5]
    auth.client.post(f"/transcripts/{transcript.id}/turns/{turn.id}/risk",
                     data={"action": "flag", "reason": "Mentions a named child"})
    assert not any("Housing first" in s.text
                   for s in usable_segments(transcript.session.consultation_id))


def test_rejected_and_added_redactions(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    turn = transcript.turns[1]
    phone = next(r for r in turn.redactions if r.label == "phone")
    shown = [r.id for t in transcript.turns for r in t.redactions]
    keep = [i for i in shown if i != phone.id]
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"seen": shown, "keep": keep})
    db.session.expire_all()
    assert db.session.get(Redaction, phone.id).status == RedactionStatus.REJECTED
    assert "07700 900123" in transcript.turns[1].redacted_text
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": 5, "words": "forty-six quid", "label": "name", "everywhere": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert "forty-six quid" not in transcript.turns[1].redacted_text
    missing = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": 1, "words": "not in the text", "label": "name"}, follow_redirects=True)
    assert "\u2018not in the text\u2019 is not in that turn" in missing.data.decode()


def test_a_turn_number_typed_in_words_gets_a_plain_error_and_keeps_the_words(auth, uploaded):
    transcript = uploaded[0]
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": "ten", "words": "Mr Hartley", "label": "name"})
    html = response.data.decode()
    assert "Not a valid integer" not in html
    assert "Type the turn number in figures, like 12" in html
    assert 'value="Mr Hartley"' in html


def test_purge_removes_the_originals(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    auth.client.post(f"/transcripts/{transcript.id}/purge")
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id).original_text  # Marcia's flag: not reviewed
    for turn in transcript.turns:
        if turn.held:
            turn.risk_reviewed_at = utcnow()
    db.session.commit()
    auth.client.post(f"/transcripts/{transcript.id}/purge")
    db.session.expire_all()
    transcript = db.session.get(Transcript, transcript.id)
    assert transcript.purged_at and transcript.original_text is None
    assert all(t.original_text is None for t in transcript.turns)
    assert all(t.redacted_text for t in transcript.turns)


def test_policy_officers_see_only_approved_redacted_transcripts(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    assert auth.client.get(f"/transcripts/{transcript.id}").status_code == 403
    auth.logout()
    auth.login(Role.FACILITATOR)
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert "Housing first" in html
    assert "07700 900123" not in html and "Hartley" not in html and ">Dave<" not in html
    assert auth.client.get(f"/transcripts/{transcript.id}/review").status_code == 403


def test_withdrawn_members_leave_analysis(auth, uploaded):
    transcript, dave, _marcia = uploaded
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    flagged = transcript.turns[3]
    auth.client.post(f"/transcripts/{transcript.id}/turns/{flagged.id}/risk", data={
        "action": "review", "outcome": "not_a_risk", "note": "Said in the past tense; checked"})
    from forum.services.members import withdraw_consent

    withdraw_consent(dave, None)
    usable = usable_segments(transcript.session.consultation_id)
    assert usable and all(s.member_id != dave.id for s in usable)
    assert all(s.member_id != dave.id
               for s in quotable_segments(transcript.session.consultation_id))


@pytest.mark.parametrize("data, filename, message", [
    (b"", "empty.txt", "empty"),
    (b"\x00\x01\x02\x03" * 200, "binary.txt", "does not look like"),
    (b"PK\x03\x04 not really a zip", "broken.docx", "damaged"),
])
def test_bad_files_store_nothing_and_say_why(auth, session_with_members, data, filename, message):
    session = session_with_members[0]
    auth.login(Role.FACILITATOR)
    response = upload(auth, session, data, filename)
    assert response.status_code == 200
    assert message in response.data.decode().lower()
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0


def test_a_file_and_pasted_text_together_are_refused_and_the_paste_is_kept(
        auth, session_with_members):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(
        f"/sessions/{session_with_members[0].id}/transcripts/new", data={
            "file": (io.BytesIO(b"Dave: From the file.\n"), "group.txt"),
            "pasted": "Marcia: Typed <b>here</b>.", "known_names": "Dave Smith"},
        content_type="multipart/form-data")
    # The file was used and what was pasted dropped without a word.
    html = response.data.decode()
    assert response.status_code == 200 and "not both" in html
    assert "Marcia: Typed &lt;b&gt;here&lt;/b&gt;." in html and "Dave Smith" in html
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0


def test_the_same_transcript_twice_in_one_session_is_refused_and_says_where_it_is(
        auth, uploaded):
    """Uploaded again (the first seemed not to work), every quote would be counted twice."""
    transcript = uploaded[0]
    names = "Dave Hartley"
    response = upload(auth, transcript.session, TRANSCRIPT.encode(), "group (1).txt", names)
    html = response.data.decode()
    assert response.status_code == 200
    assert "This transcript is already in this focus group" in html and "group.txt" in html
    assert names in html  # what was typed stays
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 1


def test_a_pasted_transcript_is_named_for_what_it_is_and_when(auth, session_with_members):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(
        f"/sessions/{session_with_members[0].id}/transcripts/new",
        data={"pasted": "Dave: Pasted in.\nMarcia: Me too.\n"}, content_type="multipart/form-data")
    assert response.status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    assert re.fullmatch(r"Transcript pasted \d{1,2} [A-Z][a-z]{2} \d{4}\.txt", transcript.filename)
    assert transcript.format == "txt"


def test_cp1252_and_utf16_text_is_read(auth, session_with_members):
    session = session_with_members[0]
    auth.login(Role.FACILITATOR)
    text = "Dave: It cost me \u00a350 and the caf\u00e9 shut.\nMarcia: Na\u00efve of them.\n"
    # Two different transcripts: the same words twice in one session are refused.
    for data in (text.encode("cp1252"), (text + "Dave: Yes.\n").encode("utf-16")):
        assert upload(auth, session, data).status_code == 302
    for transcript in db.session.scalars(db.select(Transcript)):
        assert "\u00a350" in transcript.turns[0].original_text


def test_oversized_upload_is_refused(app, auth, session_with_members):
    # Over 4 times the limit (OVER_LIMIT_READ): the 413 page. Just over the limit the form comes
    # back with what was typed: test_transcript_upload_too_big, browser/test_transcript_too_big.
    app.config["MAX_CONTENT_LENGTH"] = 2000
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], b"Dave: hello there\n" * 500)
    assert response.status_code == 413 and b"too big" in response.data
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0
    # "Go back and choose a smaller file" had no way back: a link to the same form.
    form = f"/sessions/{session_with_members[0].id}/transcripts/new"
    assert f'href="{form}">Choose a smaller file</a>' in response.data.decode()


def test_user_text_is_escaped_on_the_transcript_page(auth, session_with_members):
    session = session_with_members[0]
    auth.login(Role.FACILITATOR)
    # Words around the tags: a file that is half tags is a web page, refused (upload_names).
    upload(auth, session, b"Dave: <script>alert('x')</script> and <b>bold</b> is what the "
                          b"probation website showed me when it broke, right in the middle.\n")
    transcript = db.session.scalar(db.select(Transcript))
    for url in (f"/transcripts/{transcript.id}", f"/transcripts/{transcript.id}/review",
                f"/transcripts/{transcript.id}/speakers"):
        html = auth.client.get(url).data.decode()
        assert "<script>alert" not in html and "<b>bold</b>" not in html


def test_cli_import(runner, session_with_members, tmp_path):
    session = session_with_members[0]
    path = tmp_path / "group.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = runner.invoke(args=["transcripts", "import", str(path), "--session", str(session.id)])
    assert result.exit_code == 0, result.output
    assert "6 turns" in result.output and "Dave" in result.output
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(args=["transcripts", "import", str(bad), "--session", str(session.id)])
    assert result.exit_code != 0 and "empty" in result.output.lower()


def test_an_approved_transcript_says_what_to_do_next(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    page = f"/transcripts/{transcript.id}"
    assert "What next" not in auth.client.get(page).get_data(as_text=True)
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    html = auth.client.get(page).get_data(as_text=True)
    themes = f"/consultations/{transcript.session.consultation_id}/themes"
    assert "What next" in html and f'href="{themes}">run the analysis again' in html


def test_purging_asks_first_and_says_what_is_lost(auth, uploaded):
    # "Purge the original" on the transcript page posted at once: one click by someone
    # finding out what it does lost the original for good.
    transcript, _dave, _marcia = uploaded
    for turn in transcript.turns:
        if turn.held:
            turn.risk_reviewed_at = utcnow()
    db.session.commit()
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    page = auth.client.get(f"/transcripts/{transcript.id}").data.decode()
    assert re.search(rf'<a class="govuk-button govuk-button--warning"[^>]*'
                     rf'href="/transcripts/{transcript.id}/purge">Purge the original</a>', page)
    ask = auth.client.get(f"/transcripts/{transcript.id}/purge").data.decode()
    assert "This cannot be undone" in ask and ">Keep it</a>" in ask
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id).original_text  # asking purged nothing
    auth.client.post(f"/transcripts/{transcript.id}/purge")
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id).original_text is None


def test_pasted_web_page_code_is_refused_in_words_about_pasting(auth, session_with_members):
    """Pasted code was refused as "Transcript pasted 6 Dec 2026.txt is not a text file", a
    name the facilitator never gave to a file they never chose."""
    auth.login(Role.FACILITATOR)
    code = ('<div class="chat"><p class="line"><span class="who">Dave</span>: Hello</p>'
            '<p class="line"><span class="who">Marcia</span>: Hi</p></div>')
    response = auth.client.post(f"/sessions/{session_with_members[0].id}/transcripts/new",
                                data={"pasted": code}, content_type="multipart/form-data")
    html = response.data.decode()
    assert response.status_code == 200 and "Transcript pasted" not in html
    assert ("This is the code of a web page or a picture (HTML, SVG or XML tags), not the words "
            "of a transcript. Copy the words people said and paste those") in html
    assert db.session.scalar(db.select(db.func.count(Transcript.id))) == 0


def test_a_risk_in_one_piece_of_a_long_turn_holds_every_piece(auth, session_with_members):
    """A turn too long to review is cut into pieces (long_turns.py); a disclosure in one piece
    holds the whole turn, as it did before the cut, so its context waits for a person too."""
    session, dave, marcia = session_with_members
    plain = " ".join(f"Week {n} I went to the hostel and the housing office again." for n in
                     range(1, 60))
    text = (f"[00:00:05] Facilitator: What happened?\n[00:00:20] Dave: {plain} I thought about "
            f"ending it, honestly. {plain}\n[00:09:00] Marcia: Same for me, the housing.\n")
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, text.encode()).status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    daves = [t for t in transcript.turns if t.speaker.label == "Dave"]
    assert len(daves) > 2, "the long turn was not cut"
    assert all(t.risk_flagged and t.held and t.risk_reason == "suicide" for t in daves)
    assert not transcript.turns[-1].risk_flagged  # Marcia's own turn is not held
