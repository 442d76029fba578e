"""`flask export response CONSULTATION_ID --format FORMAT --out FILE`.

FORMAT: pdf, docx, csv, xlsx, qdc, easyread or easyread-docx (exports.services.downloads).
"""
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from exports.services.downloads import FORMATS

export_cli = AppGroup("export", help="Consultation responses and data files.")


@export_cli.command("response")
@click.argument("consultation_id", type=int)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="pdf", show_default=True,
              help="What to write.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
def response_command(consultation_id: int, fmt: str, out: Path) -> None:
    """Write a consultation's response or data file, with every consent check applied."""
    from exports.services.downloads import UnknownExport, export_file
    from forum.extensions import db
    from forum.models import Consultation
    from forum.services import audit

    try:
        data, _name, _type = export_file(consultation_id, fmt)
    except UnknownExport as error:
        raise click.ClickException(str(error)) from None
    out.write_bytes(data)
    audit.record("exported", None, db.session.get(Consultation, consultation_id), format=fmt,
                 what="consultation response", via="command line")
    click.echo(
        f"Wrote {FORMATS[fmt].label} for consultation {consultation_id} to {out} ({len(data):,} "
        "bytes)")


def init_app(app: Flask) -> None:
    app.cli.add_command(export_cli)
