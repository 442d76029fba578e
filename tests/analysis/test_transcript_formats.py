"""Every supported format and speaker shape comes out as the right turns."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest

from analysis.core.transcripts import ParsedTranscript, parse_text, read_transcript, speaker_counts


def read(fixture_bytes, name) -> ParsedTranscript:
    return read_transcript(fixture_bytes(name), name)


def test_otter_headers_with_times_on_their_own_line(fixture_bytes):
    t = read(fixture_bytes, "otter.txt")
    assert t.format == "txt"
    assert [turn.speaker for turn in t.turns] == [None, "Facilitator", "Speaker 2", "Ayesha",
                                                  "Speaker 2", "Facilitator"]
    assert [turn.start_seconds for turn in t.turns] == [None, 3, 15, 62, 80, 765]
    ayesha = t.turns[3]
    assert ayesha.text == ("Same for me, they gave me a tent. A tent! And a list of hostels that "
                           "were all full.")
    assert (ayesha.line_start, ayesha.line_end) == (11, 13)
    assert t.speaker_counts() == {None: 1, "Facilitator": 2, "Speaker 2": 2, "Ayesha": 1}


def test_bracket_timestamps_and_note_inside_a_turn(fixture_bytes):
    t = read(fixture_bytes, "bracket_timestamps.txt")
    assert [turn.speaker for turn in t.turns] == ["Facilitator", "Jay", "Rosa", "Jay",
                                                  "Facilitator"]
    assert [turn.start_seconds for turn in t.turns] == [5, 12, 83, 127, 3723]
    rosa = t.turns[2]
    # "Note:" mid-turn is not a speaker; the next line continues Rosa's turn.
    assert rosa.text.startswith("Not for me. Note: they changed")
    assert rosa.text.endswith("different face every month.")
    assert (rosa.line_start, rosa.line_end) == (3, 4)
    assert all(turn.end_seconds is None for turn in t.turns)


def test_speaker_n_labels(fixture_bytes):
    t = read(fixture_bytes, "speaker_n.txt")
    assert speaker_counts(t.turns) == {"Speaker 1": 2, "Speaker 2": 2, "Speaker 3": 1}
    assert [turn.line_start for turn in t.turns] == [1, 2, 3, 5, 6]


def test_unlabelled_text_is_one_turn_per_paragraph(fixture_bytes):
    t = read(fixture_bytes, "unlabelled.txt")
    assert [turn.speaker for turn in t.turns] == [None, None, None]
    # "Note:", a URL and clock times do not make speakers.
    assert t.turns[1].text.startswith("Note: the appointment letter said 10:30")
    assert "https://www.example.org/housing-help" in t.turns[1].text
    assert [(turn.line_start, turn.line_end) for turn in t.turns] == [(1, 1), (3, 4), (6, 6)]


def test_metadata_lines_case_and_continuation_paragraphs(fixture_bytes):
    t = read(fixture_bytes, "labelled_prose.txt")
    assert [turn.speaker for turn in t.turns] == [None, "FACILITATOR", "Dave", "Dave", "Kerry",
                                                  "FACILITATOR"]
    assert t.turns[0].text.startswith("Date: 4 March 2024")  # header lines, not speakers
    dave = t.turns[2]
    assert "Honestly, you come out at eleven" in dave.text  # paragraph after a blank line
    assert (dave.line_start, dave.line_end) == (5, 8)
    assert t.turns[3].speaker == "Dave"  # "dave:" is the same speaker


def test_rev_style_name_and_time_then_colon(fixture_bytes):
    t = read(fixture_bytes, "rev_style.txt")
    assert [(turn.speaker, turn.start_seconds) for turn in t.turns] == [
        ("Alex Morgan", 4), ("Sam Okafor", 9), ("Alex Morgan", 90)]
    assert t.turns[1].text == "Yes, loud and clear."


def test_teams_vtt_voice_tags_merge_split_cues(fixture_bytes):
    t = read(fixture_bytes, "teams.vtt")
    assert t.format == "vtt"
    assert [turn.speaker for turn in t.turns] == ["Alex Morgan", "Priya Shah", "Carl Dempsey",
                                                  "Alex Morgan"]
    first = t.turns[0]
    assert first.text == ("Okay, I think the recording has started. Welcome, everyone, and thanks "
                          "for joining.")
    assert (first.start_seconds, first.end_seconds) == (5.12, 14.0)
    assert (first.line_start, first.line_end) == (3, 9)
    assert "&" in t.turns[2].text and "&amp;" not in t.turns[2].text
    assert not any("NOTE" in turn.text for turn in t.turns)


def test_zoom_vtt_name_prefixes(fixture_bytes):
    t = read(fixture_bytes, "zoom.vtt")
    assert [turn.speaker for turn in t.turns] == ["Alex Morgan", "Nadia Hussain", "Alex Morgan"]
    assert t.turns[1].text == ("Yes, I can hear you. I've got the kids here though, so I might go "
                               "quiet.")
    assert (t.turns[1].start_seconds, t.turns[1].end_seconds) == (5.0, 11.0)


def test_srt_with_wrapped_lines(fixture_bytes):
    t = read(fixture_bytes, "sample.srt")
    assert t.format == "srt"
    assert [turn.speaker for turn in t.turns] == ["Speaker 1", "Speaker 2", "Speaker 1"]
    assert t.turns[1].text == ("With my mum, but she moved while I was inside. So I had nowhere to "
                               "go back to.")
    assert (t.turns[1].start_seconds, t.turns[1].end_seconds) == (4.0, 9.0)


def test_captions_without_speakers_merge_until_a_sentence_ends(fixture_bytes):
    t = read(fixture_bytes, "captions_no_speakers.srt")
    assert [turn.text for turn in t.turns] == [
        "When I came out of prison nobody met me at the gate.", "That was the worst day."]
    assert t.turns[0].speaker is None


def test_caption_text_named_txt_is_sniffed(fixture_bytes):
    t = read_transcript(fixture_bytes("teams.vtt"), "export.txt")
    assert t.format == "vtt" and len(t.turns) == 4


def test_docx_paragraphs_and_tables():
    document = docx.Document()
    document.add_paragraph("[00:00:05] Facilitator: Welcome, everyone.")
    document.add_paragraph("[00:00:09] Lee: Thanks for having us.")
    table = document.add_table(rows=2, cols=2)
    said_rows = [("Facilitator", "Anything else?"), ("Lee", "No, that's it.")]
    for row, (who, said) in zip(table.rows, said_rows, strict=True):
        row.cells[0].text, row.cells[1].text = who, said
    buffer = io.BytesIO()
    document.save(buffer)
    t = read_transcript(buffer.getvalue(), "session.docx")
    assert t.format == "docx"
    assert [(turn.speaker, turn.text) for turn in t.turns] == [
        ("Facilitator", "Welcome, everyone."), ("Lee", "Thanks for having us."),
        ("Facilitator", "Anything else?"), ("Lee", "No, that's it.")]
    assert t.turns[1].start_seconds == 9


def make_odt(paragraphs_xml: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"{paragraphs_xml}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_odt_paragraphs_with_spaces_and_headings():
    data = make_odt(
        "<text:h>Session notes</text:h>"
        "<text:p>Marcia<text:s text:c=\"2\"/>0:03</text:p>"
        "<text:p>It has to be sorted <text:span>before</text:span> you get out.</text:p>"
        "<text:p>Tony<text:s/><text:s/>0:20</text:p><text:p>Agreed.</text:p>"
    )
    t = read_transcript(data, "notes.odt")
    assert t.format == "odt"
    assert [(turn.speaker, turn.start_seconds, turn.text) for turn in t.turns] == [
        (None, None, "Session notes"),
        ("Marcia", 3, "It has to be sorted before you get out."),
        ("Tony", 20, "Agreed."),
    ]


@pytest.mark.parametrize("text, speakers", [
    ("Dave: hi\nhttps://example.org: a link\nDave: bye", ["Dave", "Dave"]),
    ("The meeting is at 10:30: be there.\n", [None]),
    ("My worker said: come back Monday.\n", [None]),
    ("P1: yes\nP2: no\n", ["P1", "P2"]),
    ("INTERVIEWER:\nHow was it?\n\nRESPONDENT:\nHard.\n", ["INTERVIEWER", "RESPONDENT"]),
])
def test_speaker_label_judgement(text, speakers):
    assert [turn.speaker for turn in parse_text(text).turns] == speakers


def test_teams_surname_comma_forename_headers_are_speakers():
    # Teams names people as the organisation's directory does ("Okonjo, Sam"); the name had
    # been read as words of an unlabelled turn, so the whole talk had no speakers.
    text = ("Okonjo, Sam   0:03\nWhat was the hardest part of getting out?\n\n"
            "Hughes, Dee   0:11\nHousing. Nobody had sorted it.\n\n"
            "Okonjo, Sam   0:20\nAnd probation?\n")
    assert [(turn.speaker, turn.start_seconds, turn.text) for turn in parse_text(text).turns] == [
        ("Okonjo, Sam", 3, "What was the hardest part of getting out?"),
        ("Hughes, Dee", 11, "Housing. Nobody had sorted it."),
        ("Okonjo, Sam", 20, "And probation?"),
    ]


@pytest.mark.parametrize("text", [
    "Well, honestly   0:03\nIt was hard.\n",  # a comma in what was said is not a name
    "So, yes: that was it.\n",
    "Thanks, Dave: you were great.\n",  # said to someone, not a label
])
def test_a_comma_in_speech_is_not_a_surname_forename_label(text):
    assert [turn.speaker for turn in parse_text(text).turns] == [None]


def test_a_line_of_speech_like_surname_comma_forename_stays_speech():
    # "Mum, Dad: neither of them came" carries on Dave's turn: read as Teams' "Okonjo, Sam",
    # it became a speaker "Mum, Dad" and Dave's words left his turn (and analysis).
    text = ("Facilitator: Who visited you inside?\nDave: Nobody really. I wrote to them all.\n"
            "Mum, Dad: neither of them came, not once.\nFacilitator: That must have been hard.\n"
            "Dave: It was.\n")
    assert [turn.speaker for turn in parse_text(text).turns] == [
        "Facilitator", "Dave", "Facilitator", "Dave"]


@pytest.mark.parametrize("name", ["Zoë", "Siân", "Seán Ó Brien", "Chloé", "Łukasz"])
def test_a_name_with_a_letter_outside_english_starts_a_turn(name):
    """'Zoë: It was fine' was read as more of the facilitator's turn: her words were left out
    of analysis as the facilitator's, and she was not on the page to match to a member."""
    t = parse_text(f"Facilitator: What did you think?\n{name}: It was fine, I suppose.\n")
    assert [(turn.speaker, turn.text) for turn in t.turns] == [
        ("Facilitator", "What did you think?"), (name, "It was fine, I suppose.")]


def test_teams_directory_names_with_accents_are_speakers():
    t = parse_text("Ní Bhriain, Siân   0:03\nHello all.\nOkonjo, Sam   0:09\nWelcome.\n")
    assert [turn.speaker for turn in t.turns] == ["Ní Bhriain, Siân", "Okonjo, Sam"]
