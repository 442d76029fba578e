"""Read-aloud audio by espeak-ng at publish: every participant page, offline, who reads what."""
import re
import shutil

import pytest

from forum.access import Role
from forum.extensions import db
from surveys.services import speech
from surveys.services.speech import SpeechError, generate_speech, page_speech, version_strings

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                reason="espeak-ng is installed by scripts/setup.sh")


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").replace("&rsquo;", "\u2019")
    return " ".join(text.split())


def test_publishing_makes_audio_for_every_page_and_question(app, version):
    made = generate_speech(version, "Forum Voice", app.config["DATA_DIR"])
    strings = version_strings(version, "Forum Voice", app.config["DATA_DIR"])
    assert made == len(strings) == 6 + len(version.questions)  # the stop page has two
    assert {s.source for s in strings} == {"machine"}
    path = speech.speech_path(app.config["DATA_DIR"], strings[0].key)
    assert path.read_bytes()[:4] == b"RIFF" and path.stat().st_size > 10_000
    assert generate_speech(version, "Forum Voice", app.config["DATA_DIR"]) == 0  # kept, not remade


def test_each_participant_page_plays_its_audio_and_the_tablet_keeps_it(app, auth, version):
    generate_speech(version, app.config.get("ORG_NAME", "Forum Voice"), app.config["DATA_DIR"])
    auth.login(Role.PEER_RESEARCHER)
    manifest = auth.client.get(f"/run/{version.id}/offline.json").get_json()["urls"]
    for path in ("start", "q/1", "end", "stop", "stopped", "done"):
        html = auth.client.get(f"/run/{version.id}/{path}").data.decode()
        audio = re.search(r'data-play\s+data-audio="(/run/speech/[0-9a-f]{64}\.wav)"', html)
        assert audio, path
        assert audio.group(1) in manifest, path
        response = auth.client.get(audio.group(1))
        assert response.status_code == 200 and response.mimetype == "audio/wav"


def test_spoken_words_are_the_words_on_the_page(app, auth, version):
    """The read-aloud text of each page is written in speech.py: it must not drift from the page."""
    auth.login(Role.PEER_RESEARCHER)
    spoken = page_speech(version, app.config.get("ORG_NAME", "Forum Voice"))
    for page, words in spoken.items():
        shown = "stop" if page == "stop_none" else page  # the stop page with nothing answered
        text = _visible_text(auth.client.get(f"/run/{version.id}/{shown}").data.decode())
        for sentence in re.split(r"(?<=[.?])\s+", words):
            if "1 1 6" in sentence or "1 1 1" in sentence or "9 9 9" in sentence:
                continue  # numbers are spelt out digit by digit for the voice
            if sentence in ("Keep my answers, or delete my answers.", "Do you want to take part?"):
                continue  # the choices and the button, said as a question
            assert sentence.rstrip(".?") in text, (page, sentence)


def test_the_researcher_sees_recordings_and_machine_voices(app, auth, survey, version):
    from surveys.models import MediaKind
    from surveys.services.media import save_media

    wav = speech.speech_path(app.config["DATA_DIR"], "x")
    speech.speak("Hello.", wav)
    with wav.open("rb") as stream:
        recording = save_media(app.config["DATA_DIR"], survey.id, MediaKind.AUDIO, "q1.wav", stream)
    version.questions[0].audio = recording
    db.session.commit()
    generate_speech(version, app.config.get("ORG_NAME", "Forum Voice"), app.config["DATA_DIR"])
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/surveys/{survey.id}").data.decode()
    table = html[html.index('id="read-aloud"'):]
    rows = re.findall(
        r"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">(.*?)</td>\s*"
                      r"<td class=\"govuk-table__cell\">(.*?)</td>", table, re.S)
    by_label = {
        label: ("recording" if "recording" in cell else "machine" if "Machine" in cell else cell)
                for label, cell in rows}
    assert by_label["Question 1: Have you been to prison?"] == "recording"
    assert by_label["Start page"] == by_label["Thank-you page"] == "machine"
    assert by_label["Question 2: Where did you sleep?"] == "machine"


def test_without_espeak_publishing_says_so_plainly(app, version, monkeypatch):
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    with pytest.raises(SpeechError, match="espeak-ng is not installed"):
        generate_speech(version, "Forum Voice", app.config["DATA_DIR"])


def test_audio_missing_from_a_published_version_is_made_from_the_survey_page(
        app, auth, survey, version):
    """Published while espeak-ng was missing, each row said "No audio. Publish again to make
    it", but a published survey has no Publish button until something is changed."""
    auth.login(Role.PEER_RESEARCHER)
    html = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert "No audio" in html and "Publish again" not in html
    assert f"/surveys/{survey.id}/read-aloud" not in html  # only those who build surveys
    assert auth.client.post(f"/surveys/{survey.id}/read-aloud").status_code == 403
    auth.logout()
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert f'action="/surveys/{survey.id}/read-aloud"' in html and "Publish again" not in html
    page = auth.client.post(f"/surveys/{survey.id}/read-aloud", follow_redirects=True)
    assert "Read-aloud audio is made for version 1" in page.data.decode()
    strings = version_strings(version, app.config.get("ORG_NAME", "Forum Voice"),
                              app.config["DATA_DIR"])
    assert {s.source for s in strings} == {"machine"}
    html = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert f"/surveys/{survey.id}/read-aloud" not in html  # nothing left to make


def test_audio_made_after_publishing_changes_the_rules_a_tablet_compares(app, auth, version):
    """Pages kept before 'Make the missing audio' had no Play audio: the start page fetches
    the pages again when the rules in offline.json differ from those the tablet kept."""
    auth.login(Role.PEER_RESEARCHER)
    before = auth.client.get(f"/run/{version.id}/offline.json").get_json()["rules"]
    generate_speech(version, app.config.get("ORG_NAME", "Forum Voice"), app.config["DATA_DIR"])
    after = auth.client.get(f"/run/{version.id}/offline.json").get_json()["rules"]
    assert before != after
    assert auth.client.get(f"/run/{version.id}/offline.json").get_json()["rules"] == after


def test_stopping_before_any_answer_plays_only_what_the_page_shows(app, auth, version):
    """With nothing answered the stop page hides 'Keep my answers' and 'Delete my answers',
    but Play still asked "What shall we do with the answers you gave?"."""
    generate_speech(version, app.config.get("ORG_NAME", "Forum Voice"), app.config["DATA_DIR"])
    auth.login(Role.PEER_RESEARCHER)
    manifest = auth.client.get(f"/run/{version.id}/offline.json").get_json()["urls"]
    html = auth.client.get(f"/run/{version.id}/stop").data.decode()
    say = re.search(r'data-say-none="([^"]*)"', html)
    assert say, "the stop page carries the words for when nothing was answered"
    assert say.group(1) == ("Do you want to stop? That is fine. You do not have to say why. "
                            "You have not answered any questions, so nothing will be kept.")
    audio = re.search(r'data-audio-none="(/run/speech/[0-9a-f]{64}\.wav)"', html)
    assert audio and audio.group(1) in manifest  # made at publish, kept on the tablet
    assert audio.group(1) not in re.search(r'data-audio="([^"]*)"', html).group(1)
    assert auth.client.get(audio.group(1)).mimetype == "audio/wav"
