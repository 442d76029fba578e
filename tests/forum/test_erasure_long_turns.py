"""Erasing a member whose long turn was cut into pieces (long_turns.py) takes out their words
and no one else's: every piece of a caption turn has the turn's lines, and each piece erased
those lines again, by then the lines of whoever spoke next."""
from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession, Member, SpeakerRole, Transcript
from forum.services.members import record_consent, save_member

SAID = "The hostel was cold and the rent kept going up while we waited for a room"


def _captions() -> str:
    lines = ["WEBVTT", ""]
    for i in range(30):  # one long turn of Alex's, many cues: cut into pieces
        lines += [f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000",
                  f"<v Alex>{SAID}, number {i}.", ""]
    for i in range(60):  # then Sam, many short cues
        lines += [f"00:03:{i:02d}.000 --> 00:03:{i:02d}.500", f"<v Sam>Sam's point {i}.", ""]
    return "\n".join(lines)


def test_erasing_a_member_whose_long_turn_was_cut_keeps_the_next_speakers_words(app, auth,
                                                                                  demo):
    from analysis.services.transcripts import import_transcript

    alex = save_member(Member(), "", "Alex Realname", "")
    record_consent(alex, None, take_part=True, may_quote=True, may_quote_with_demographics=True,
                   audio_recording=False)
    session = db.session.get(FocusGroupSession, 1)
    session.members.append(alex)
    db.session.commit()
    transcript = import_transcript(session, "talk.vtt", _captions().encode(), None)
    pieces = [t for t in transcript.turns if t.speaker.label == "Alex"]
    assert len(pieces) > 1  # the turn was cut
    pieces[0].speaker.role, pieces[0].speaker.member = SpeakerRole.MEMBER, alex
    db.session.commit()
    transcript_id = transcript.id

    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{alex.id}/erase", data={"confirm": alex.pseudonym})
    assert response.status_code == 302
    db.session.expire_all()
    left = db.session.get(Transcript, transcript_id).original_text
    assert SAID not in left
    assert [i for i in range(60) if f"Sam's point {i}." not in left] == []
