"""Taking out words the checks missed: whole words only, and a mistake keeps what was typed."""
from forum.extensions import db
from tests.analysis.views.test_transcripts import (  # noqa: F401 (fixtures, requested by name)
    session_with_members,
    uploaded,
)


def _add(auth, transcript, **data):
    return auth.client.post(f"/transcripts/{transcript.id}/redactions", data=data,
                            follow_redirects=True)


def test_part_of_a_word_is_refused_and_says_the_whole_word(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    response = _add(auth, transcript, turn="2", words="Frida", label="name")
    html = response.data.decode()
    # "Frida" was taken out of "Friday", leaving "[name]y" (a real name typed short leaks so).
    assert "\u2018Frida\u2019 is only part of a word in that turn (\u2018Friday\u2019)" in html
    db.session.expire_all()
    assert "[name]y" not in transcript.turns[1].redacted_text
    # What was typed stays, beside the error (it went back to an empty form).
    assert 'value="Frida"' in html and 'id="turn" name="turn" type="text" inputmode="numeric" ' \
        'value="2"' in html
    assert "govuk-error-summary" in html


def test_whole_words_are_taken_out_everywhere_but_not_inside_other_words(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    response = _add(auth, transcript, turn="2", words="on", label="name", everywhere="y")
    assert response.status_code == 200
    db.session.expire_all()
    text = transcript.turns[1].redacted_text
    # "on" the word, not the end of "probation" or the middle of "everyone".
    assert "probation" in text and "[name] a Friday" in text
    assert "everyone" in transcript.turns[0].redacted_text


def test_a_missed_name_is_the_first_choice(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    html = auth.client.get(f"/transcripts/{transcript.id}/review").data.decode()
    assert '<option selected value="name">[name]</option>' in html or \
        '<option value="name" selected>[name]</option>' in html
