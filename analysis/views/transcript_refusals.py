"""A transcript refusal in words fit to show: counts worded here, where Flask-Babel is."""
from flask_babel import ngettext

from analysis.core.transcripts import TranscriptError
from analysis.core.transcripts.cue_check import SHOWN, BrokenCues


def refusal_text(error: TranscriptError) -> str:
    """Say why a transcript was refused; broken caption cues are counted in words."""
    if not isinstance(error, BrokenCues):
        return str(error)
    problems = error.problems
    more = len(problems) - SHOWN
    words = [ngettext("These %(kind)s captions were not saved: %(num)d cue needs correcting "
                      "first.",
                      "These %(kind)s captions were not saved: %(num)d cues need correcting "
                      "first.", len(problems), kind=error.kind), *problems[:SHOWN]]
    if more > 0:
        words.append(ngettext("There is %(num)d more cue like this after those.",
                              "There are %(num)d more cues like this after those.", more))
    words.append(ngettext("Correct it and upload the captions again.",
                          "Correct them and upload the captions again.", len(problems)))
    return " ".join(words)


MB = 1024 * 1024


def too_big_text(filename: str, size: int, limit: int) -> str:
    """Say a file is over the upload limit, in the words too-big.js uses in the browser."""
    return (f"{filename} is too big ({size / MB:.1f} MB). Files must be {limit // MB} MB or "
            "smaller: split the transcript, or remove pictures from it, and upload it again.")
