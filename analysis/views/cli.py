"""`flask transcripts import FILE --session ID`, `flask analysis run CONSULTATION [--wait]`."""
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

transcripts_cli = AppGroup("transcripts", help="Focus-group transcripts.")
analysis_cli = AppGroup("analysis", help="Theme analysis.")


@transcripts_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--session", "session_id", type=int, required=True, help="Focus-group session id.")
@click.option("--names", default="", help="Real names to redact, comma-separated.")
def import_command(file: Path, session_id: int, names: str) -> None:
    """Import a transcript, propose redactions and print the speakers found."""
    from analysis.core.transcripts import TranscriptError
    from analysis.services.transcripts import import_transcript, redact_transcript
    from analysis.views.transcript_refusals import refusal_text
    from forum.extensions import db
    from forum.models import FocusGroupSession

    session = db.session.get(FocusGroupSession, session_id)
    if session is None:
        raise click.ClickException(f"There is no focus-group session {session_id}")
    try:
        transcript = import_transcript(session, file.name, file.read_bytes(), None, names,
                                       current_app.config["MAX_CONTENT_LENGTH"])
    except TranscriptError as error:
        raise click.ClickException(refusal_text(error)) from None
    redact_transcript(transcript,
                      spacy_model=current_app.config.get("SPACY_MODEL", "en_core_web_sm"))
    click.echo(f"Imported transcript {transcript.id}: {len(transcript.turns)} turns")
    counts: dict[str, int] = {}
    for turn in transcript.turns:
        label = turn.speaker.label if turn.speaker else "(no speaker)"
        counts[label] = counts.get(label, 0) + 1
    for speaker in transcript.speakers:
        role = speaker.role.value + (f" ({speaker.member.pseudonym})" if speaker.member else "")
        click.echo(f"  {speaker.label:<30} {counts.get(speaker.label, 0):>4} turns  {role}")
    redactions = sum(len(t.redactions) for t in transcript.turns)
    flagged = sum(1 for t in transcript.turns if t.risk_flagged)
    click.echo(f"Proposed {redactions} redactions; {flagged} turns flagged for safeguarding.")
    click.echo("Review and approve the redactions in the web app before anything is analysed.")


@analysis_cli.command("run")
@click.argument("consultation_id", type=int)
@click.option("--wait", is_flag=True, help="Wait for the workers to finish, showing progress.")
def run_command(consultation_id: int, wait: bool) -> None:
    """Queue a theme analysis of a consultation for the workers (as the Themes page does)."""
    from analysis.models import AnalysisRun, RunStatus
    from analysis.services.themes import RunBusy, start_run
    from forum.extensions import db
    from forum.models import Consultation

    if db.session.get(Consultation, consultation_id) is None:
        raise click.ClickException(f"There is no consultation {consultation_id}")
    try:
        run_id = start_run(consultation_id, None).id
    except RunBusy as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Queued analysis run {run_id}")
    shown = None
    while wait:
        db.session.expire_all()
        run = db.session.get(AnalysisRun, run_id)
        if run is None:
            raise click.ClickException("The analysis run was deleted")
        stage, percent = (run.job.stage, run.job.percent) if run.job else ("", 0)
        line = f"{run.status.value}: {stage} ({percent}%)"
        if line != shown:
            click.echo(line)
            shown = line
        if run.status in (RunStatus.DONE, RunStatus.FAILED):
            if run.status == RunStatus.FAILED:
                raise click.ClickException(run.message or "The analysis failed")
            click.echo(
                f"Done: {len((run.result or {}).get('themes', []))} themes "
                f"from {run.segment_count} segments")
            return
        time.sleep(1)


def init_app(app: Flask) -> None:
    app.cli.add_command(transcripts_cli)
    app.cli.add_command(analysis_cli)
