"""The note naming the turns that took in a paragraph with no name before it: past five it
said "Turns 1, 2, 3, 4 and 5 and 3 more", two "and"s, the last turn joined twice."""
from analysis.views.transcripts import _joined_note


def test_more_than_five_turns_are_listed_with_one_and(app):
    with app.test_request_context():
        note = _joined_note({n: [n * 10] for n in range(1, 9)})
        assert note is not None and note.startswith("Turns 1, 2, 3, 4, 5 and 3 more have ")
        few = _joined_note({2: [20], 7: [70]})
        assert few is not None and few.startswith("Turns 2 and 7 have a paragraph")
        assert "(lines 20 and 70)" in few
