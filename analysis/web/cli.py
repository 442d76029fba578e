"""`flask transcripts import FILE --session ID`."""
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

transcripts_cli = AppGroup("transcripts", help="Focus-group transcripts.")


@transcripts_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--session", "session_id", type=int, required=True, help="Focus-group session id.")
@click.option("--names", default="", help="Real names to redact, comma-separated.")
def import_command(file: Path, session_id: int, names: str) -> None:
    """Import a transcript, propose redactions and print the speakers found."""
    from analysis.services.transcripts import import_transcript, redact_transcript
    from analysis.transcripts import TranscriptError
    from forum.extensions import db
    from forum.models import FocusGroupSession

    session = db.session.get(FocusGroupSession, session_id)
    if session is None:
        raise click.ClickException(f"There is no focus-group session {session_id}")
    try:
        transcript = import_transcript(session, file.name, file.read_bytes(), None, names,
                                       current_app.config["MAX_CONTENT_LENGTH"])
    except TranscriptError as error:
        raise click.ClickException(str(error)) from None
    redact_transcript(transcript, spacy_model=current_app.config.get("SPACY_MODEL", "en_core_web_sm"))
    click.echo(f"Imported transcript {transcript.id}: {len(transcript.turns)} turns")
    counts: dict[str, int] = {}
    for turn in transcript.turns:
        counts[turn.speaker.label] = counts.get(turn.speaker.label, 0) + 1
    for speaker in transcript.speakers:
        role = speaker.role.value + (f" ({speaker.member.pseudonym})" if speaker.member else "")
        click.echo(f"  {speaker.label:<30} {counts.get(speaker.label, 0):>4} turns  {role}")
    redactions = sum(len(t.redactions) for t in transcript.turns)
    flagged = sum(1 for t in transcript.turns if t.risk_flagged)
    click.echo(f"Proposed {redactions} redactions; {flagged} turns flagged for safeguarding.")
    click.echo("Review and approve the redactions in the web app before anything is analysed.")


def init_app(app: Flask) -> None:
    app.cli.add_command(transcripts_cli)
