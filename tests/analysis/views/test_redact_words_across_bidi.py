"""Words typed to redact are found where the transcript's file holds bidi controls among
them (a right-to-left name wrapped in isolates, as word processors save it): the page shows
the words without them (``text_direction``) and what is typed arrives without them
(``TypedRequest``), so "was not found" left a name that could never be redacted."""
from forum.extensions import db
from tests.analysis.views.test_transcripts import session_with_members, uploaded  # noqa: F401

FSI, PDI = "\u2068", "\u2069"


def test_words_with_bidi_controls_among_them_are_redacted(auth, uploaded):  # noqa: F811
    transcript = uploaded[0]
    turn = next(t for t in transcript.turns if "Somewhere" in (t.original_text or ""))
    turn.original_text = turn.original_text.replace("Somewhere to live",
                                                    f"Somewhere {FSI}to live{PDI}")
    db.session.commit()
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions", data={
        "turn": turn.index, "words": "Somewhere to live", "label": "place"},
        follow_redirects=True)
    assert "was not found" not in response.get_data(as_text=True)
    db.session.expire_all()
    assert "to live" not in turn.redacted_text and "[place]" in turn.redacted_text
