"""Taking out words the checks missed: whole words only, and a mistake keeps what was typed."""
import re

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
    # Shown at the add-redaction address, the decisions form must still post to the review.
    assert f'<form method="post" action="/transcripts/{transcript.id}/review" novalidate ' \
        'id="review-form">' in html


def test_words_not_in_the_turn_say_what_to_do(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    html = _add(auth, transcript, turn="2", words="zebra crossing", label="place").data.decode()
    # It said only that the words were not found: now it says how to get them right.
    assert ("\u2018zebra crossing\u2019 is not in that turn. Check the turn number, and type the "
            "words exactly as they appear in its original text, or select them there") in html
    assert 'value="zebra crossing"' in html


def test_whole_words_are_taken_out_everywhere_but_not_inside_other_words(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    response = _add(auth, transcript, turn="2", words="on", label="name", everywhere="y")
    assert response.status_code == 200
    db.session.expire_all()
    text = transcript.turns[1].redacted_text
    # "on" the word, not the end of "probation" or the middle of "everyone".
    assert "probation" in text and "[name] a Friday" in text
    assert "everyone" in transcript.turns[0].redacted_text


def test_a_turn_that_is_not_a_number_keeps_the_words_typed(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    html = _add(auth, transcript, turn="two", words="Friday", label="place").data.decode()
    # The page came back empty, with the problem only at the top.
    assert 'value="Friday"' in html and 'value="two"' in html
    assert '<option selected value="place">' in html or '<option value="place" selected>' in html
    assert "govuk-form-group--error" in html


def test_after_a_purge_adding_words_says_so_on_the_purged_page(auth, uploaded):
    from forum.models.base import utcnow

    transcript, _dave, _marcia = uploaded
    transcript.purged_at = utcnow()
    db.session.commit()
    response = auth.client.post(f"/transcripts/{transcript.id}/redactions",
                                data={"turn": "2", "words": "Friday", "label": "name"})
    assert response.status_code == 302
    page = auth.client.get(response.headers["Location"]).data.decode()
    assert "The original text has been purged" in page


def test_the_message_after_taking_out_words_says_what_they_became(auth, uploaded):
    """'Redacted 1 place.' after taking out 'Friday' as [name] read as a town taken out."""
    transcript, _dave, _marcia = uploaded
    html = _add(auth, transcript, turn="2", words="Friday", label="name").data.decode()
    assert "Taken out as [name] in 1 place." in html
    assert "Redacted 1 place" not in html
    assert "Friday" not in html.split("govuk-notification-banner__content", 1)[1][:300]


def test_the_kind_of_placeholder_must_be_chosen_not_left_at_name(auth, uploaded):
    """"Replace with" stood at [name] whatever the words: a missed town went in as a name."""
    transcript, _dave, _marcia = uploaded
    page = auth.client.get(f"/transcripts/{transcript.id}/review").data.decode()
    options = re.findall(r"<option[^>]*>[^<]*</option>", page.split('id="label"')[1])
    assert "selected" in options[0] and "Choose what the words are" in options[0]
    assert [o for o in options if "selected" in o] == [options[0]]
    assert '>[name]</option>' in options[1]  # a missed name is still the usual case
    html = _add(auth, transcript, turn="2", words="Friday").data.decode()
    assert "Choose what to replace the words with, such as [name] or [place]" in html
    assert 'value="Friday"' in html  # what was typed stays
    db.session.expire_all()
    assert "Friday" in transcript.turns[1].redacted_text
    assert "Taken out as [place] in 1 place." in _add(
        auth, transcript, turn="2", words="Friday", label="place").data.decode()
