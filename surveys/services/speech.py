"""Read-aloud audio for every participant page, made with Debian's espeak-ng when a survey is
published, so "Play" works on any tablet, offline, whether or not it has a voice of its own.

A person's recording (uploaded in the builder) always wins over the machine voice. Files are
named by a hash of the voice and the words, so publishing again only makes what is new.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from surveys.models import SurveyQuestion, SurveyVersion
from surveys.services.runner import read_aloud_text

ESPEAK = "espeak-ng"
VOICE = "en-gb"
# Words a minute: a little slower than espeak-ng's 175, for people who find reading hard.
SPEED = 140
SPEAK_TIMEOUT_SECONDS = 30

SUPPORT = ("If you want to talk to someone. Talk to the researcher with you. They will listen. "
           "Samaritans: call 1 1 6, 1 2 3. It is free, day or night. "
           "If you need help with your health, call 1 1 1. In an emergency, call 9 9 9.")


STOP_ASKED = "Do you want to stop? That is fine. You do not have to say why."


class SpeechError(RuntimeError):
    """Read-aloud audio could not be made; the message says why in plain English."""


def page_speech(version: SurveyVersion, org_name: str) -> dict[str, str]:
    """What 'Play' says on each participant page other than the questions.

    Args:
        version: the survey version the pages belong to.
        org_name: the charity's name, as shown in the header.

    Returns:
        Page name (start, end, stop, stopped, done) to the words spoken; "stop_none" is the stop
        page when nothing was answered yet.
    """
    purpose = " ".join((version.purpose or "").split()) or (
        "We want to hear what you think. We will tell the people who make the rules.")
    total = len(version.questions)
    return {
        "start": (f"{version.title}. We are {org_name}. We are a charity. We are not the police. "
                  f"We are not the government. {purpose} We do not ask for your name. We will not "
                  "tell anyone which answers are yours. You can stop at any time. Each question "
                  "has \u2018I want to stop\u2019 at the top. Tap \u2018Play\u2019 to hear the "
                  "words. There are "
                  f"{total} "
                  "questions. Do you want to take part?"),
        "end": "Thank you. That was the last question. Please give the tablet back to the "
               "researcher.",
        "stop": (f"{STOP_ASKED} What shall we do with the answers you gave? Keep my answers, "
                 "or delete my answers."),
        # The stop page before any answer hides the keep-or-delete choice, so Play does too.
        "stop_none": (f"{STOP_ASKED} You have not answered any questions, so nothing will be "
                      "kept."),
        "stopped": f"Thank you for your time. {SUPPORT}",
        "done": ("Thank you for taking part. Your answers are saved. What you said will help us "
                 f"tell the people who make the rules. {SUPPORT}"),
    }


def question_speech(question: SurveyQuestion) -> str:
    return read_aloud_text(question)


def speech_key(text: str) -> str:
    """The file name stem for some words in this voice."""
    return hashlib.sha256(f"{ESPEAK}|{VOICE}|{SPEED}|{text}".encode()).hexdigest()


def speech_path(data_dir: Path, key: str) -> Path:
    return Path(data_dir) / "speech" / f"{key}.wav"


@dataclass(frozen=True)
class SpokenString:
    """One participant string and where its read-aloud comes from."""

    label: str
    text: str
    source: str  # "recording", "machine" or "missing"
    key: str | None = None


def version_strings(version: SurveyVersion, org_name: str, data_dir: Path) -> list[SpokenString]:
    """Every participant string of a version, saying whether a person or espeak-ng reads it.

    Args:
        version: the survey version.
        org_name: the charity's name.
        data_dir: the data folder that holds the speech files.

    Returns:
        Pages first, then questions in order.
    """
    items: list[tuple[str, str, int | None]] = []
    names = {"start": "Start page", "end": "Last page", "stop": "Stop page",
             "stop_none": "Stop page, before any answer", "stopped": "After stopping",
             "done": "Thank-you page"}
    for page, text in page_speech(version, org_name).items():
        items.append((names[page], text, None))
    for question in version.questions:
        items.append((f"Question {question.position}: {question.text}", question_speech(question),
                      question.audio_id))
    strings = []
    for label, text, recording in items:
        if recording:
            strings.append(SpokenString(label, text, "recording"))
            continue
        key = speech_key(text)
        made = speech_path(data_dir, key).exists()
        strings.append(SpokenString(label, text, "machine" if made else "missing", key))
    return strings


def speak(text: str, path: Path) -> None:
    """Write one WAV file of the words with espeak-ng (local, no network)."""
    binary = shutil.which(ESPEAK)
    if binary is None:
        raise SpeechError("Read-aloud audio could not be made: espeak-ng is not installed on "
                          "the server. Run scripts/setup.sh, then choose \u2018Make the missing "
                          "audio\u2019 on the survey\u2019s page.")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    try:
        subprocess.run([binary, "-v", VOICE, "-s", str(SPEED), "-w", str(partial), "--stdin"],
                       input=text.encode(), check=True, capture_output=True,
                       timeout=SPEAK_TIMEOUT_SECONDS)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        partial.unlink(missing_ok=True)
        raise SpeechError("Read-aloud audio could not be made: espeak-ng failed "
                          f"({error.__class__.__name__}).") from error
    partial.replace(path)


def generate_speech(version: SurveyVersion, org_name: str, data_dir: Path) -> int:
    """Make the audio for every participant string of a version that has no recording.

    Args:
        version: the published version.
        org_name: the charity's name.
        data_dir: the data folder.

    Returns:
        How many files were made (those already there are kept).

    Raises:
        SpeechError: espeak-ng is missing or failed.
    """
    made = 0
    for item in version_strings(version, org_name, data_dir):
        if item.source == "missing" and item.key is not None:  # a missing file has a key
            speak(item.text, speech_path(data_dir, item.key))
            made += 1
    return made


def speech_keys(version: SurveyVersion, org_name: str, data_dir: Path) -> dict[str, str]:
    """Page name or "q<id>" to the key of its machine audio, for strings that have a file."""
    keys = {}
    for page, text in page_speech(version, org_name).items():
        if speech_path(data_dir, speech_key(text)).exists():
            keys[page] = speech_key(text)
    for question in version.questions:
        key = speech_key(question_speech(question))
        if not question.audio_id and speech_path(data_dir, key).exists():
            keys[f"q{question.id}"] = key
    return keys
