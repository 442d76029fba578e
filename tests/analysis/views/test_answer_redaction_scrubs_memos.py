"""Words redacted from a survey answer leave staff memos, as words redacted from a transcript
do: one rule (``segment_resets.words_leave_staff_text`` when an answer is checked,
``memos.redacted_words`` when a memo is saved). A memo quoting a name the reviewer took out of
an answer kept it, and a memo typed later could quote it again."""
import re

from analysis.models import SegmentMemo, Theme
from analysis.services.answer_words import taken_from_answer
from forum.access import Role
from forum.extensions import db
from surveys.services import free_text_answers
from tests.analysis.views.test_answer_review import _decide, waiting  # noqa: F401


def _a_word_taken_out(auth, ordinary) -> str:
    """The reviewer takes a word of the answer out, a [name] in its place; the word."""
    word = next(w for w in re.findall(r"[A-Za-z]{5,}", ordinary.text))
    auth.login(Role.FACILITATOR)
    checked = re.sub(rf"\b{word}\b", "[name]", ordinary.text, count=1)
    assert _decide(auth, ordinary, action="use", text=checked).status_code == 302
    return word


def test_a_memo_loses_a_word_the_answer_reviewer_took_out(auth, waiting):  # noqa: F811
    ordinary, _risky = waiting
    word = re.findall(r"[A-Za-z]{5,}", ordinary.text)[0]
    theme = Theme(consultation_id=1, label="Staff", memo=f"Ask about {word.upper()} again.")
    db.session.add(theme)
    db.session.add(SegmentMemo(segment_id=ordinary.id, text=f"{word} came up."))
    db.session.commit()
    assert _a_word_taken_out(auth, ordinary) == word
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).memo == "Ask about [name] again."
    assert db.session.get(SegmentMemo, ordinary.id).text == "[name] came up."
    with auth.client.session_transaction() as session:
        told = session["_flashes"][-1][1]
    assert "checked" in told and "memo" in told, told


def test_a_memo_typed_after_the_check_loses_the_word_too(auth, waiting):  # noqa: F811
    ordinary, _risky = waiting
    word = _a_word_taken_out(auth, ordinary)
    theme = Theme(consultation_id=1, label="Staff")
    db.session.add(theme)
    db.session.commit()
    auth.client.post(f"/themes/{theme.id}/memo", data={"memo": f"{word.lower()} again"})
    assert db.session.get(Theme, theme.id).memo == "[name] again"


def test_the_machines_labels_in_an_answer_are_found_in_it(app, waiting):  # noqa: F811
    # Built by the machine: each label stands in for words of the answer as given.
    ordinary, _risky = waiting
    original = next(a.text for a in free_text_answers(1) if a.answer_id == ordinary.answer_id)
    for words, label in taken_from_answer(original, ordinary.text):
        assert words in original and f"[{label}]" in ordinary.text


def test_only_words_with_a_label_in_their_place_count():
    original = "Dean Smith at Larkspur House said, um, wait a week."
    checked = "[name] at [place] said, wait a week."
    assert taken_from_answer(original, checked) == [("Dean Smith", "name"),
                                                    ("Larkspur House", "place")]
    assert taken_from_answer(original, original) == []
