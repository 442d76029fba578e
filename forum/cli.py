"""Command-line tools: thin wrappers over the services."""
from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import ngettext

from forum.access import Role

users_cli = AppGroup("users", help="Manage staff accounts.")
demo_cli = AppGroup("demo", help="Demo data.")
retention_cli = AppGroup("retention", help="Keep personal data no longer than needed.")
backup_cli = AppGroup("backup", help="Back up and restore an SQLite install.")
erasures_cli = AppGroup("erasures", help="The list of erased members that restores apply again.")


@users_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator", show_default=True)
def create_admin(email: str, name: str) -> None:
    """Create an admin account. The password is read from FORUM_ADMIN_PASSWORD, or asked for."""
    from forum.services.accounts import AccountError, create_user
    from forum.services.passwords import password_problem

    password = os.environ.get("FORUM_ADMIN_PASSWORD")
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    problem = password_problem(password, email)
    if problem:
        raise click.ClickException(problem)
    try:
        user = create_user(email, name, Role.ADMIN, password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created admin {user.email}")


@users_cli.command("reset-two-factor")
@click.argument("email")
def reset_two_factor(email: str) -> None:
    """Reset an account's two-factor sign-in (the only admin lost their phone and codes)."""
    from forum.services import audit, two_factor
    from forum.services.accounts import find_user_by_email

    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account has the email address {email}.")
    two_factor.reset(user)
    # Nobody is signed in at a server's command line; the audit says where it came from.
    audit.record("two_factor_reset", None, user, by="server command")
    click.echo(f"{user.email}: two-factor sign-in reset; they have been signed out and will set "
               "it up again when they next sign in.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing if the database already has users.")
def load(if_empty: bool) -> None:
    """Load the demo consultation, members and staff accounts."""
    from forum.demo import database_is_empty, load_demo

    if not database_is_empty():
        if if_empty:
            click.echo("Database already has data; demo not loaded.")
            return
        raise click.ClickException(
            "The database already has data. Demo data goes into an empty one only.")
    from flask import current_app

    from forum.demo import DEMO_LOADERS_KEY

    created = load_demo()
    for loader in current_app.extensions.get(DEMO_LOADERS_KEY, []):
        created.update(loader() or {})
    click.echo(f"Loaded demo data: {created}")


@demo_cli.command("logins")
def logins() -> None:
    """Print the demo staff logins that exist in this database."""
    from forum.demo import DEMO_STAFF
    from forum.services.accounts import find_user_by_email
    from forum.services.passwords import verify_password

    found = []
    for email, _name, role, password in DEMO_STAFF:
        user = find_user_by_email(email)
        if user and user.active and verify_password(user.password_hash, password):
            found.append((role, email, password))
    if not found:
        click.echo("No demo logins in this database.")
        return
    click.echo("Demo logins (email, then password):")
    for role, email, password in found:
        click.echo(f"  {role.label:<18} {email:<32} {password}")
    for role, email, _password in found:
        if _demo_secret(email):
            click.echo(f"  {role.label} also needs a sign-in code: run  flask demo code {email}")


def _demo_secret(email: str):
    """The fixed demo authenticator secret if this account still uses it, else None."""
    from forum.demo import DEMO_TWO_FACTOR_SECRETS
    from forum.services.accounts import find_user_by_email, normalise_email

    secret = DEMO_TWO_FACTOR_SECRETS.get(normalise_email(email))
    user = find_user_by_email(email)
    if secret and user is not None and user.two_factor_enrolled and user.totp_secret == secret:
        return secret
    return None


@demo_cli.command("code")
@click.argument("email")
def code(email: str) -> None:
    """Print the current sign-in code of a demo account (refuses for any other account)."""
    from forum.services.two_factor import current_code

    secret = _demo_secret(email)
    if secret is None:
        raise click.ClickException(
            "Codes are printed only for the demo admin and policy officer while they use the demo "
            "authenticator key. Other accounts use their own authenticator app.")
    click.echo(current_code(secret))


@retention_cli.command("purge")
@click.option("--days", type=int, default=None,
              help="Purge originals approved this many days ago (default FORUM_RETENTION_DAYS).")
def retention_purge(days) -> None:
    """Delete unredacted originals N days after approval, and transcripts unapproved for N days."""
    from flask import current_app

    from forum.extensions import db
    from forum.services import audit
    from forum.services.retention import purge_due

    days = current_app.config["RETENTION_DAYS"] if days is None else days
    result = purge_due(days)
    for transcript in result.purged:
        audit.record("transcript_purged", None, transcript, commit=False,
                     reason=f"retention {days} days")
        # Only ids: a file name can carry a participant's name into cron and server logs.
        click.echo(f"Purged the original of transcript {transcript.id}, "
                   f"approved {transcript.approved_at:%-d %B %Y}")
    for transcript_id, _ in result.deleted:
        audit.record("transcript_deleted", None, commit=False, transcript_id=transcript_id,
                     reason=f"not approved within {days} days")
        click.echo(f"Deleted transcript {transcript_id}: never approved")
    for transcript, waiting in result.kept:
        click.echo(f"Kept transcript {transcript.id}: {waiting}")
    db.session.commit()
    click.echo(ngettext("Purged %(num)d original transcript approved more than %(days)d days ago.",
                        "Purged %(num)d original transcripts approved more than %(days)d days ago.",
                        len(result.purged), days=days))
    click.echo(ngettext("Deleted %(num)d unapproved transcript uploaded more than %(days)d days "
                        "ago.", "Deleted %(num)d unapproved transcripts uploaded more than "
                        "%(days)d days ago.", len(result.deleted), days=days))
    for said in result.others:
        click.echo(said)
    if result.kept:
        click.echo(ngettext("Kept %(num)d transcript past %(days)d days because its review is "
                            "not finished (listed on the audit log page).",
                            "Kept %(num)d transcripts past %(days)d days because their review "
                            "is not finished (listed on the audit log page).",
                            len(result.kept), days=days))


@backup_cli.command("create")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None)
def backup_create(out) -> None:
    """Write a backup ZIP of the SQLite database and the data folder."""
    from flask import current_app

    from forum.models.base import utcnow
    from forum.services.backups import BackupError, create_backup

    out = out or Path(f"forum-voice-backup-{utcnow():%Y%m%d-%H%M%S}.zip")
    try:
        create_backup(current_app.config["SQLALCHEMY_DATABASE_URI"], current_app.config["DATA_DIR"],
                      out)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup written to {out} ({out.stat().st_size:,} bytes)")


@backup_cli.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def backup_restore(file, yes) -> None:
    """Replace the database and data folder with a backup. Stop the web server and worker first."""
    from flask import current_app

    from forum.extensions import db
    from forum.services import erasure
    from forum.services.backups import BackupError, restore_backup

    if not yes:
        click.confirm("This replaces everything in the current database. Carry on?", abort=True)
    data_dir = current_app.config["DATA_DIR"]
    # The backup holds an older erasure list: keep everyone erased since it was made.
    erased = erasure.read_list(data_dir)
    db.engine.dispose()
    try:
        restored = restore_backup(file, current_app.config["SQLALCHEMY_DATABASE_URI"], data_dir)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    db.session.remove()
    erasure.write_list(data_dir, erasure.read_list(data_dir) + erased)
    again = _reapply_erasures()
    click.echo(f"Restored the database and {restored['files']} files from {file}")
    click.echo(_erased_again(again))


def _erased_again(again: int) -> str:
    return ngettext("Erased %(num)d member again from the erasure list.",
                    "Erased %(num)d members again from the erasure list.", again)


def _reapply_erasures() -> int:
    from flask import current_app

    from forum.services import erasure, privacy

    hooks = current_app.extensions.get(privacy.ERASE_HOOKS_KEY, [])
    return erasure.reapply(current_app.config["DATA_DIR"], lambda member: privacy.erase_member(
        member, None, hooks=hooks, data_dir=current_app.config["DATA_DIR"], listed=False))


@erasures_cli.command("reapply")
def erasures_reapply() -> None:
    """Erase again everyone on the erasure list (run after restoring PostgreSQL with pg_restore)."""
    again = _reapply_erasures()
    click.echo(_erased_again(again))


def init_app(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(retention_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(erasures_cli)
