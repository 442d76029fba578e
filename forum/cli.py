"""Command-line tools: thin wrappers over the services."""
from __future__ import annotations

import os

import click
from flask import Flask
from flask.cli import AppGroup

from forum.access import Role

users_cli = AppGroup("users", help="Manage staff accounts.")
demo_cli = AppGroup("demo", help="Demo data.")


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


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing if the database already has users.")
def load(if_empty: bool) -> None:
    """Load the demo consultation, members and staff accounts."""
    from forum.demo import database_is_empty, load_demo

    if not database_is_empty():
        if if_empty:
            click.echo("Database already has data; demo not loaded.")
            return
        raise click.ClickException("The database already has data. Demo data goes into an empty one only.")
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


def init_app(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
