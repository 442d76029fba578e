"""A time written after the speaker's label ("Lee: [00:01:10] words") is read as the turn's
time: it was left in the words, where it would have been quoted."""
from analysis.core.transcripts import parse_text


def test_a_time_after_the_label_is_the_turns_time():
    t = parse_text("Facilitator: [00:00:05] Question 7: what would make the courts fairer?\n"
                   "Speaker 2: (00:01:10) The magistrate didn't listen.\n"
                   "Lee: 1:30 was when it started, half one.\n")
    assert [(turn.speaker, turn.start_seconds, turn.text) for turn in t.turns] == [
        ("Facilitator", 5.0, "Question 7: what would make the courts fairer?"),
        ("Speaker 2", 70.0, "The magistrate didn't listen."),
        # Bare, without brackets, it may be what was said.
        ("Lee", None, "1:30 was when it started, half one.")]
