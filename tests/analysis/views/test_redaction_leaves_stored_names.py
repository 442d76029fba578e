"""Words redacted after approval leave what was kept from them, not only the live themes.

The themes were renamed at once (``theme_words``), but the words stayed in the labels and
keywords each past run stored in its result, in the theme history an undo puts back (which
then brought them back into the theme's name), and in the stored embedding vector of the old
text, which no segment used any more."""
import json

from analysis.models import AnalysisRun, RunStatus, SegmentEmbedding, Theme, ThemeEdit
from analysis.services import theme_history
from forum.extensions import db
from forum.models import Segment
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401


def _approved(auth, transcript):
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    return next(s for s in db.session.scalars(db.select(Segment)) if "Somewhere" in s.text)


def _redact(auth, transcript, said):
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": said.turn.index, "words": "Somewhere", "label": "place", "everywhere": "y"})
    assert response.status_code == 302
    db.session.expire_all()


def test_a_past_runs_stored_theme_names_lose_the_words(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    said = _approved(auth, transcript)
    found = {"id": 0, "label": "Somewhere to live first", "keywords": ["somewhere", "housing"],
             "broader": "Somewhere safe", "segment_ids": [said.id]}
    run = AnalysisRun(consultation_id=said.consultation_id, status=RunStatus.DONE,
                      result={"themes": [found], "not_grouped": [], "assignments": {},
                              "questions": {}})
    db.session.add(run)
    db.session.commit()
    _redact(auth, transcript, said)
    theme = db.session.get(AnalysisRun, run.id).result["themes"][0]
    assert "somewhere" not in json.dumps(theme).lower(), theme
    assert theme["label"] == "[place] to live first" and theme["keywords"] == ["housing"]
    assert theme["broader"] == "[place] safe"


def test_the_theme_history_loses_the_words_and_undo_does_not_bring_them_back(
        auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    said = _approved(auth, transcript)
    theme = Theme(consultation_id=said.consultation_id, label="Somewhere to live",
                  keywords=["somewhere", "housing"])
    db.session.add(theme)
    db.session.flush()
    before = theme_history.capture(said.consultation_id, [theme.id])
    theme.label = "Somewhere to live first"
    edit = theme_history.record(said.consultation_id, "rename",
                                'Renamed "Somewhere to live" to "Somewhere to live first"',
                                before, None)
    db.session.commit()
    _redact(auth, transcript, said)
    edit = db.session.get(ThemeEdit, edit.id)
    kept = json.dumps([edit.summary, edit.before, edit.after]).lower()
    assert "somewhere" not in kept, kept
    assert theme_history.why_not_undoable(edit) is None
    theme_history.undo(edit, None)
    db.session.commit()
    db.session.expire_all()
    back = db.session.get(Theme, theme.id)
    assert back.label == "[place] to live" and back.keywords == ["housing"]


def test_the_old_texts_embedding_is_deleted_and_others_stay(auth, uploaded):  # noqa: F811
    transcript, _dave, _marcia = uploaded
    said = _approved(auth, transcript)
    other = next(s for s in db.session.scalars(db.select(Segment)) if s.turn_id != said.turn_id)
    for text_hash in (said.text_hash, other.text_hash):
        db.session.add(SegmentEmbedding(text_hash=text_hash, model="fake", dimensions=1,
                                        vector=b"\0\0\0\0"))
    old, kept = said.text_hash, other.text_hash
    db.session.commit()
    _redact(auth, transcript, said)
    stored = set(db.session.scalars(db.select(SegmentEmbedding.text_hash)))
    assert old not in stored
    assert kept in stored
