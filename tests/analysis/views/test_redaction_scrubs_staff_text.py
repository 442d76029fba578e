"""Words redacted after approval leave the staff text that holds them: memos, the codebook.

Theme names lost the words at once (``theme_words``), but a theme's memo or a segment's
memo quoting a member, and the codebook's code names, descriptions, examples and search
terms, kept them. The exact words redacted become their label there too, and the person
who redacted them is told."""
import json

from analysis.models import CodebookEntry, SegmentEmbedding, SegmentMemo, Theme, ThemeEdit
from analysis.services import theme_history
from forum.extensions import db
from forum.models import Segment
from forum.services.segments import text_hash
from tests.analysis.views.test_redaction_leaves_stored_names import _approved, _redact
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401

ANCHORS = ["Somewhere housing: Talk of Somewhere and other hostels.",
           "I was at Somewhere for a year.", "No flat for me."]


def _staff_text(said):
    """A code, a theme of it with a memo, a memo on another segment, a history entry."""
    entry = CodebookEntry(consultation_id=said.consultation_id, name="Somewhere housing",
                          description="Talk of Somewhere and other hostels.",
                          examples=["I was at Somewhere for a year.", "No flat for me."],
                          search_terms=["somewhere", "hostel"])
    theme = Theme(consultation_id=said.consultation_id, label="Hostels",
                  code="Somewhere housing", memo="Dave said Somewhere was the worst.")
    db.session.add_all([entry, theme])
    other = next(s for s in db.session.scalars(db.select(Segment)) if s.turn_id != said.turn_id)
    db.session.add(SegmentMemo(segment_id=other.id, text="Check: like Somewhere again?"))
    # The code's texts as the analysis embedded them (its anchors), by text hash.
    for anchor in ANCHORS:
        db.session.add(SegmentEmbedding(text_hash=text_hash(anchor), model="fake",
                                        dimensions=1, vector=b"\0\0\0\0"))
    db.session.flush()
    before = theme_history.capture(said.consultation_id, [theme.id])
    theme.label = "Hostels and flats"
    edit = theme_history.record(said.consultation_id, "rename",
                                'Renamed "Hostels" to "Hostels and flats"', before, None)
    db.session.commit()
    return entry.id, theme.id, other.id, edit.id


def test_memos_and_the_codebook_lose_the_words_and_the_person_is_told(
        auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    said = _approved(auth, transcript)
    entry_id, theme_id, other_id, edit_id = _staff_text(said)
    _redact(auth, transcript, said)
    with auth.client.session_transaction() as session:
        told = " ".join(message for _kind, message in session.get("_flashes", []))
    entry = db.session.get(CodebookEntry, entry_id)
    theme = db.session.get(Theme, theme_id)
    kept = json.dumps([entry.name, entry.description, entry.examples, entry.search_terms,
                       theme.memo, theme.code, db.session.get(SegmentMemo, other_id).text])
    assert "somewhere" not in kept.lower(), kept
    assert entry.name == "[place] housing" and theme.code == entry.name  # still its code
    assert entry.examples == ["I was at [place] for a year.", "No flat for me."]
    assert entry.search_terms == ["hostel"]
    assert theme.memo == "Dave said [place] was the worst."
    assert "memo" in told and "codebook" in told, told
    edit = db.session.get(ThemeEdit, edit_id)
    assert "somewhere" not in json.dumps([edit.before, edit.after]).lower()
    assert theme_history.why_not_undoable(edit) is None  # the snapshot still equals the theme
    # The vectors of the code's old texts go; an example that did not change keeps its own.
    stored = set(db.session.scalars(db.select(SegmentEmbedding.text_hash)))
    assert stored & {text_hash(anchor) for anchor in ANCHORS} == {text_hash("No flat for me.")}
